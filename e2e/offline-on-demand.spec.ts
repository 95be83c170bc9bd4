import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { goOffline, heading, keptOffline, KEEPING, offlineRegion, question, scriptsFailing } from "./offline-page";

// Parts of the case page whose scripts load only when they are shown (components/ui/on-demand.tsx):
// the comment threads, the corrections to the case's details, the keyboard shortcuts' help and keys,
// the check of a completion's errors. A case page made available offline and never opened online, or
// opened online once and kept then, must still open each of them without a connection: the cases'
// service worker keeps the chunks the kept scripts load, not only the files the page's HTML names
// (sw.js route).

/** The shortcut keys' handler, loaded when focus first reaches a key question (components/case/shortcuts.tsx). */
async function answerByKey(page: Page) {
  await question(page, "2.1.1").getByRole("radio", { name: "Yes", exact: true }).focus();
  await page.keyboard.press("n");
  await expect(question(page, "2.1.1").getByRole("radio", { name: "No", exact: true })).toBeChecked();
}

test("offline, a case page kept on the device opens its comment threads, its corrections and its shortcuts' help", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Offline parts", [{ stream: "court", allocatedTo: "inspector" }]);
  const caseUrl = `/inspections/${inspectionId}/cases/${cases[0]!.id}`;

  // The lead comments on an answer first, so that the inspector's page shows a thread.
  const lead = await pageAs(browser, "lead");
  await lead.goto(caseUrl);
  await lead.getByText("Comment on this answer (key question 2.2.1)").click();
  await lead.getByLabel("Comment for the inspector on key question 2.2.1").fill("Was the plan co-produced with the child?");
  await lead.getByRole("button", { name: "Add comment" }).filter({ visible: true }).click();
  await expect(lead.getByRole("region", { name: "Lead inspector's comment on key question 2.2.1" })).toContainText("Open");

  // The inspector makes their cases available offline from My cases, without opening the case.
  const page = await pageAs(browser, "inspector");
  await page.goto(`/inspections/${inspectionId}/cases`);
  const offline = offlineRegion(page);
  await offline.getByRole("button", { name: "Make my cases available offline" }).click();
  await expect(offline.getByRole("status")).toContainText("1 of 1 case available offline", KEEPING);

  await goOffline(page);
  await page.goto(caseUrl);
  await expect(heading(page)).toHaveText(`Case ${cases[0]!.reference}`);
  await expect(question(page, "2.2.1")).toBeVisible();

  const thread = page.getByRole("region", { name: "Lead inspector's comment on key question 2.2.1" });
  await expect(thread).toContainText("Was the plan co-produced with the child?");
  await expect(page.getByLabel("Your reply to the lead inspector")).toBeVisible();

  await page.getByText("Correct the case's details").click();
  await expect(page.getByLabel("Disposal type")).toBeEnabled();
  await expect(page.getByLabel("Age at disposal")).toBeVisible();

  await page.getByText("Keyboard shortcuts", { exact: true }).click();
  await expect(page.getByRole("table", { name: "Keyboard shortcuts for key questions" })).toBeVisible();
  await expect(page.getByLabel("Use single-key shortcuts (Y, N, A, J, K)")).toBeChecked();
  await answerByKey(page);

  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
});

test("a case page opened online, never made available offline, opens its parts offline once kept", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Offline parts of a visited page", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  // The page asks the worker to keep it; none of its on-demand parts has been shown yet.
  await keptOffline(page);
  await goOffline(page);
  await page.reload();
  await expect(heading(page)).toHaveText(`Case ${cases[0]!.reference}`);
  await page.getByText("Keyboard shortcuts", { exact: true }).click();
  await expect(page.getByRole("table", { name: "Keyboard shortcuts for key questions" })).toBeVisible();
  await page.getByText("Correct the case's details").click();
  await expect(page.getByLabel("Age at disposal")).toBeVisible();
  await answerByKey(page);
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
});

test("on a case page the worker could not keep, a part whose script cannot be fetched says so, and the answers work on", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Offline part missing", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  // The worker's fetches of the scripts fail from the start (a connection dropping as it keeps the
  // page); the page's own scripts arrive.
  const scripts = await scriptsFailing(page.context());
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  // Then the connection drops for the page's scripts not fetched yet too.
  scripts.failTheRest();
  await page.getByText("Keyboard shortcuts", { exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveText("The keyboard shortcuts could not be loaded. Reload the page when you have a connection.");
  await expect(page.getByRole("table", { name: "Keyboard shortcuts for key questions" })).toHaveCount(0);
  await question(page, "2.1.1").getByRole("radio", { name: "Yes", exact: true }).check();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
});

test("when the check of a completion's errors cannot be fetched, the completion is still sent and every error the server gave shows by its field", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Completion check missing", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  const scripts = await scriptsFailing(page.context(), "gone");
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  // Scripts not fetched yet are gone (a new version deployed meanwhile), while the server answers:
  // the check of which errors still hold (components/case/completion-errors.ts) is one of them.
  scripts.failTheRest();
  await page.getByRole("button", { name: "Mark the case as complete" }).click();
  await expect(question(page, "2.1.2")).toContainText("Error: Choose yes, no or not applicable for key question 2.1.2");
  await expect(page.getByRole("alert").filter({ hasText: "could not be loaded" })).toHaveText("The list of problems could not be loaded. Reload the page when you have a connection.");
});
