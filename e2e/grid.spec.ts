import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { expect, runTestData, signedInPage, test } from "./fixtures";

const TEST_DATA = "tests/panel/test-support-cli.ts";

// The lead's key question grid on an inspection of its own (33 completed cases, one in progress):
// cells in words linking to the answer, GET filters and bulk approval that work without JavaScript,
// and a page that never scrolls sideways at 320 px.

const court = (page: Page) => page.getByRole("region", { name: "Court disposal cases grid, scrolls sideways", exact: true });

test("the lead reads the grid, filters it and approves completed cases in bulk, without JavaScript", async ({ browser }) => {
  // A long journey (two browsers, 22 approvals) on a shared, busy machine.
  test.setTimeout(180_000);
  const team = runTestData<PanelTestTeam>(TEST_DATA, "create", { name: "Grid YJS", inProgressCourtCases: 1 });
  const lead = await signedInPage(browser, team.lead.email, TEST_PASSWORD);
  const cookies = await lead.context().cookies();
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 768 } });
  await noJs.addCookies(cookies);
  const page = await noJs.newPage();
  await page.goto(`/inspections/${team.inspectionId}/grid`);
  await expect(page.getByRole("heading", { level: 1, name: "Key question grid" })).toBeVisible();
  await expect(page.getByText("Showing 34 of 34 cases.")).toBeVisible();
  await expect(court(page).getByRole("row")).toHaveCount(15);
  // Each cell says its answer in words and links to it on the case page.
  const cell = court(page).getByRole("link", { name: /^PT-0001 2\.1\.1: (Yes|No)$/ });
  await expect(cell).toHaveAttribute("href", `/inspections/${team.inspectionId}/cases/${team.cases["PT-0001"]}#kq-2-1-1-card`);
  await expect(court(page).getByRole("row", { name: /PT-0034/ })).toContainText("In progress");

  // Filters are a GET form: the URL carries them.
  await page.getByLabel("Stream").selectOption("court");
  await page.getByLabel("Status").selectOption("completed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/stream=court/);
  await expect(page.getByText("Showing 13 of 34 cases.")).toBeVisible();
  await expect(page.getByRole("region", { name: /Out-of-court/ })).toHaveCount(0);
  await expect(court(page).getByRole("row", { name: /PT-0034/ })).toHaveCount(0);

  // A filter value the page does not know is reported, not a crash.
  await page.goto(`/inspections/${team.inspectionId}/grid?status=lost`);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a status from the list");

  // Bulk approval, ticking two cases: one transaction, both approved.
  await page.goto(`/inspections/${team.inspectionId}/grid?stream=court`);
  await page.getByLabel("Approve PT-0001").check();
  await page.getByLabel("Approve PT-0002").check();
  await expect(page.getByLabel("Approve PT-0034")).toHaveCount(0);
  await page.getByRole("button", { name: "Approve ticked cases" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 cases are approved and locked: PT-0001, PT-0002." })).toBeVisible();
  await expect(court(page).getByRole("row", { name: /PT-0001/ })).toContainText("Approved");
  await expect(page.getByLabel("Approve PT-0001")).toHaveCount(0);
  await noJs.close();

  // With JavaScript: approve every approvable case the filtered grid shows.
  await lead.goto(`/inspections/${team.inspectionId}/grid?stream=out_of_court`);
  await lead.getByRole("button", { name: "Approve all 20 shown" }).click();
  await expect(lead.getByRole("status").filter({ hasText: /^20 cases are approved and locked: PT-0014, / })).toBeVisible();
  await lead.goto(`/inspections/${team.inspectionId}/grid?status=approved`);
  await expect(lead.getByText("Showing 22 of 34 cases.")).toBeVisible();
  const axe = await new AxeBuilder({ page: lead }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // 320 px: the grid scrolls inside its own box, never the page.
  await lead.setViewportSize({ width: 320, height: 640 });
  await lead.goto(`/inspections/${team.inspectionId}/grid`);
  await expect(court(lead)).toBeVisible();
  expect(await lead.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const box = await court(lead).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll).toBeGreaterThan(box.client);
});

test("the manager reads the grid but cannot approve from it", async ({ browser }) => {
  const team = runTestData<PanelTestTeam>(TEST_DATA, "create", { name: "Grid reader YJS" });
  const manager = await signedInPage(browser, team.manager.email, TEST_PASSWORD);
  await manager.goto(`/inspections/${team.inspectionId}/grid`);
  await expect(manager.getByText("Showing 33 of 33 cases.")).toBeVisible();
  await expect(manager.getByRole("button", { name: "Approve ticked cases" })).toHaveCount(0);
  await expect(manager.getByRole("checkbox")).toHaveCount(0);
});
