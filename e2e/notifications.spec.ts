import type { Page } from "@playwright/test";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { expect, runTestData, signedInPage, test } from "./fixtures";

const TEST_DATA = "tests/panel/test-support-cli.ts";

// In-app notifications: a count in the header, a list whose items link to their place, and a
// "seen" mark kept in PostgreSQL (a fresh sign-in, another browser, sees the same).

const badge = (page: Page) => page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Notifications/ });

test("the lead hears of a completed case and the inspector of the lead's comment, each linked to its place", async ({ browser }) => {
  // Three sign-ins and three test-data scripts on a shared, busy machine.
  test.setTimeout(180_000);
  const team = runTestData<PanelTestTeam>(TEST_DATA, "create", { name: "Notified YJS", inProgressCourtCases: 1 });
  const caseId = team.cases["PT-0034"] as string;
  runTestData(TEST_DATA, "completeCase", { inspectorId: team.inspector.id, caseId });

  const lead = await signedInPage(browser, team.lead.email, TEST_PASSWORD);
  await expect(badge(lead)).toHaveAccessibleName("Notifications, 1 new");
  await badge(lead).click();
  await expect(lead.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = lead.getByRole("list", { name: "Notifications, newest first" }).getByRole("listitem").first();
  await expect(item).toContainText(/completed PT-0034\./);
  await expect(item).toContainText("New");
  await expect(lead.getByRole("status").filter({ hasText: "1 new since you last marked them as seen." })).toBeVisible();
  await lead.getByRole("button", { name: "Mark all as seen" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "You have seen all of these." })).toBeVisible();
  await expect(badge(lead)).toHaveAccessibleName("Notifications");
  await item.getByRole("link", { name: "Open PT-0034" }).click();
  await expect(lead).toHaveURL(new RegExp(`/cases/${caseId}$`));

  // The mark lives in the database: another browser signed in as the lead sees nothing new.
  const again = await signedInPage(browser, team.lead.email, TEST_PASSWORD);
  await expect(badge(again)).toHaveAccessibleName("Notifications");

  runTestData(TEST_DATA, "raiseQuery", { leadId: team.lead.id, caseId: team.cases["PT-0001"], questionId: "2.1.1", body: "Say more about the assessment." });
  const inspector = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await expect(badge(inspector)).toHaveAccessibleName("Notifications, 1 new");
  await badge(inspector).click();
  const comment = inspector.getByRole("listitem").filter({ hasText: "commented on 2.1.1 in PT-0001" });
  await expect(comment).toContainText("“Say more about the assessment.”");
  await expect(comment).toContainText("Awaiting your reply");
  await comment.getByRole("link", { name: "Open PT-0001 at 2.1.1" }).click();
  await expect(inspector).toHaveURL(new RegExp(`/cases/${team.cases["PT-0001"]}#kq-2-1-1-card$`));
});
