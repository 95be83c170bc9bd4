import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { expect, pageAs, runTestData, signedInPage, test } from "./fixtures";

// The programme page as a manager: the table of every inspection with its filters and sort (a GET
// form and links, so the URL holds them), a chart's text alternative, the benchmark of one
// inspection on its ratings panel, and a download of the table. Other journeys sign inspections off
// while this one runs (e2e/panel.spec.ts signs Demoshire off and back), so it reads the three
// published reports of the demo data (lib/rating/golden), which nothing else changes, and benchmarks
// an inspection of its own with Salford's figures (tests/panel/test-support.ts).

const table = (page: Page) => page.getByRole("region", { name: /^Inspections in the programme/ });
const PUBLISHED = ["Hammersmith and Fulham Youth Justice Service", "Knowsley Youth Offending Service", "Salford Youth Justice Service"];

async function bodyNames(page: Page): Promise<string[]> {
  return table(page).locator("tbody tr th").allTextContents();
}

test("a manager filters and sorts the programme, reads a chart's figures, benchmarks an inspection and downloads the table", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "manager");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Programme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inspection programme" })).toBeVisible();
  for (const name of ["Demoshire Youth Justice Service", "Eastmere Youth Offending Team", ...PUBLISHED]) {
    await expect(table(page).getByRole("rowheader", { name })).toBeVisible();
  }

  // Filters are a GET form: the URL carries them, and the table and figures follow.
  await page.getByLabel("Status").selectOption("published");
  await page.getByLabel("Framework version").selectOption("yjs-2021");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/framework=yjs-2021&status=published/);
  await expect(page.getByRole("status").filter({ hasText: "Showing 3 inspections: 3 signed off or published." })).toBeVisible();
  expect(await bodyNames(page)).toEqual(["Salford Youth Justice Service", "Knowsley Youth Offending Service", "Hammersmith and Fulham Youth Justice Service"]);

  // Sorting is server-side, by links in the column headings that say how the column is sorted.
  const score = table(page).getByRole("columnheader", { name: /^Score\b/ });
  await expect(score).toHaveAttribute("aria-sort", "none");
  await score.getByRole("link").click();
  await expect(page).toHaveURL(/sort=score&order=asc/);
  await expect(score).toHaveAttribute("aria-sort", "ascending");
  expect(await bodyNames(page)).toEqual(["Salford Youth Justice Service", "Knowsley Youth Offending Service", "Hammersmith and Fulham Youth Justice Service"]);
  await expect(table(page).getByRole("row", { name: /Salford/ })).toContainText("22/36");
  await score.getByRole("link").click();
  await expect(score).toHaveAttribute("aria-sort", "descending");
  expect(await bodyNames(page)).toEqual(["Hammersmith and Fulham Youth Justice Service", "Knowsley Youth Offending Service", "Salford Youth Justice Service"]);
  // The filters survive a sort.
  await expect(page.getByLabel("Status")).toHaveValue("published");

  // A chart's text alternative gives its figures, and the table beside it gives them again: scores
  // 22, 29 and 31, so the median is 29.
  await expect(page.getByRole("img", { name: /^Scores of the 3 inspections, yjs-2021 Histogram of the overall score \(0 to 36\) of 3 inspections\. 22: 1, 29: 1, 31: 1\./ })).toBeVisible();
  const scores = page.getByRole("table", { name: "Scores out of 36 by fieldwork year, yjs-2021" });
  await expect(scores.getByRole("row", { name: /All years/ })).toContainText(/^All years\s*3\s*29\s*25\.5\s*30\s*22\s*31$/);
  const overall = page.getByRole("table", { name: "Overall ratings by fieldwork year, yjs-2021" });
  await expect(overall.getByRole("row", { name: /All years/ })).toContainText(/^All years\s*1\s*2\s*0\s*0\s*0\s*100%/);

  // A value no one could choose is named beside its field, and the page still answers.
  await page.goto("/programme?year=24&framework=yjs-1999");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the year as four digits, for example 2024");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a framework version from the list");
  await expect(table(page)).toBeVisible();

  // The download holds what the page shows.
  await page.goto("/programme?status=published&sort=name&order=asc");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Inspections (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^programme-\d{4}-\d{2}-\d{2}-inspections\.csv$/);
  const lines = (await readFile((await download.path()) as string, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("inspection,source,framework_version,fieldwork_start,year,status,overall_rating,score");
  expect(lines.slice(1).sort()).toEqual([
    "Hammersmith and Fulham Youth Justice Service,published,yjs-2021,2022-07-18,2022,published,Outstanding,31",
    "Knowsley Youth Offending Service,published,yjs-2021,2023-01-09,2023,published,Good,29",
    "Salford Youth Justice Service,published,yjs-2021,2024-01-22,2024,published,Good,22",
  ]);
  const refused = await page.request.get("/programme/exports/inspections.csv?year=nineteen");
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain("year: Enter the year as four digits");

  // The benchmark of one inspection, from its ratings panel, as its team's manager.
  const team = runTestData<PanelTestTeam>("tests/panel/test-support-cli.ts", "create", { name: "Benchmark Test YJS" });
  const manager = await signedInPage(browser, team.manager.email, TEST_PASSWORD);
  await manager.goto(`/inspections/${team.inspectionId}`);
  await manager.getByRole("link", { name: "Ratings panel" }).click();
  await manager.getByRole("link", { name: "Key questions against the programme" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Key questions against the programme" })).toBeVisible();
  await expect(manager.getByText("Not signed off yet")).toBeVisible();
  const benchmark = manager.getByRole("table", { name: "Each key question's % 'yes' against the programme" });
  // Its figures are Salford's: 2.2.3 is 6 of 13, 46%, the lowest of the four.
  await expect(benchmark.getByRole("row", { name: /^2\.2\.3/ })).toContainText(/46%/);
  await expect(benchmark.getByRole("row", { name: /^2\.2\.3/ })).toContainText(/2\.2\.3: 46%, \d+(st|nd|rd|th) percentile of \d+ inspections/);
  // The chart beside it says the same in its text alternative.
  await expect(manager.getByRole("img", { name: /2\.2\.3: this inspection 46%, \d+(st|nd|rd|th) percentile; median [\d.]+%, interquartile range [\d.]+% to [\d.]+% over \d+\./ })).toBeVisible();
  await expect(new AxeBuilder({ page: manager }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze().then((r) => r.violations.map((v) => v.id))).resolves.toEqual([]);
});

test("a lead sees the inspections they lead and the published reports, no one else's, in the page and its downloads", async ({ browser }) => {
  const page = await pageAs(browser, "otherLead");
  await page.goto("/programme");
  await expect(table(page).getByRole("rowheader", { name: "Eastmere Youth Offending Team" })).toBeVisible();
  for (const name of PUBLISHED) await expect(table(page).getByRole("rowheader", { name })).toBeVisible();
  await expect(table(page).getByRole("rowheader", { name: /Demoshire|Northbridge/ })).toHaveCount(0);
  const csv = await (await page.request.get("/programme/exports/inspections.csv")).text();
  expect(csv).toContain("Eastmere Youth Offending Team");
  expect(csv).not.toMatch(/Demoshire|Northbridge/);
});
