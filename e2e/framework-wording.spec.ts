import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Wording that must follow the framework version and the case as it is now (issue 12's review):
// a 2018 inspection never shows resettlement, 2018's 3.4.1 says why it is asked in every out-of-court
// case, and the lead's quality assurance offers approval as soon as the case is completed.

const caseUrl = (inspectionId: string, caseId: string) => `/inspections/${inspectionId}/cases/${caseId}`;
const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
const COURT = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];

test("a 2018 inspection's overview lists only the streams it samples, and 3.4.1's hint says why it is asked", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Wording 2018", [{ stream: "out_of_court", allocatedTo: "inspector" }], "yjs-2018");
  const manager = await pageAs(browser, "manager");
  await manager.goto(`/inspections/${inspectionId}`);
  const byStream = manager.getByRole("table", { name: "Cases by stream and status" });
  await expect(byStream.getByRole("rowheader")).toHaveText(["Court disposal", "Out-of-court disposal"]);

  const inspector = await pageAs(browser, "inspector");
  await inspector.goto(caseUrl(inspectionId, cases[0]!.id));
  await expect(question(inspector, "3.4.1")).toContainText("Asked in every out-of-court case");
});

test("the lead's quality assurance offers approval once the inspector completes the case, without a reload", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Live QA", [{ stream: "court", allocatedTo: "inspector" }]);
  const url = caseUrl(inspectionId, cases[0]!.id);
  const lead = await pageAs(browser, "lead");
  await lead.goto(url);
  await expect(lead.getByText("The inspector has not marked this case as complete yet.")).toBeVisible();

  const inspector = await pageAs(browser, "inspector");
  await inspector.goto(url);
  for (const id of COURT) await question(inspector, id).getByRole("radio", { name: "Yes", exact: true }).check();
  await inspector.getByRole("group", { name: "Was the case manager interviewed?" }).getByRole("radio", { name: "No" }).check();
  await inspector.getByRole("button", { name: "Mark the case as complete" }).click();
  await expect(inspector.getByText("The case is marked as complete")).toBeVisible();

  // The lead's page learns the new status when it is focused again (or at the next poll).
  await lead.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(lead.getByRole("button", { name: "Approve and lock the case" })).toBeVisible();
  await expect(lead.getByText("The inspector has not marked this case as complete yet.")).toHaveCount(0);
});
