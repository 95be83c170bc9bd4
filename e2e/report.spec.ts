import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { expect, runTestData, signedInPage, test } from "./fixtures";

// The lead keeps the draft report's recommendations and narrative beside the panel, and the report
// downloaded from the exports page carries them, in order and under their parties.

let team: PanelTestTeam;

test.beforeAll(() => {
  team = runTestData<PanelTestTeam>("tests/panel/test-support-cli.ts", "create", { name: "Ynys Môn Report Test YJS", decided: true });
});

test("the lead adds, orders and words recommendations and a narrative, and the draft report prints them", async ({ browser }) => {
  const page = await signedInPage(browser, team.lead.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/panel`);
  await page.getByRole("link", { name: "Draft report: recommendations and narrative" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draft report: recommendations and narrative" })).toBeVisible();

  // A refusal names the fields and keeps what was typed.
  const add = page.getByRole("group", { name: "Add a recommendation" });
  await add.getByLabel("Recommendation").fill("review the sharing of police intelligence");
  await add.getByRole("button", { name: "Add recommendation" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose who the recommendation is for");
  await expect(add.getByLabel("Recommendation")).toHaveValue("review the sharing of police intelligence");
  await add.getByLabel("Who it is for").selectOption({ label: "The police" });
  await add.getByLabel(/Their name in the report/).fill("Heddlu Gogledd Cymru");
  await add.getByRole("button", { name: "Add recommendation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Recommendation 1 added." })).toBeVisible();
  await expect(add.getByLabel("Recommendation")).toHaveValue("");

  await add.getByLabel("Who it is for").selectOption({ label: "The YJS management board" });
  await add.getByLabel("Recommendation").fill("ensure post-school-age education is available in Tŷ Croes");
  await add.getByRole("button", { name: "Add recommendation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Recommendation 2 added." })).toBeVisible();
  await page.getByRole("button", { name: "Move up recommendation 2" }).click();
  const list = page.getByRole("list").filter({ hasText: "should:" });
  await expect(list.getByRole("listitem").first()).toContainText("1. The YJS management board should: ensure post-school-age education is available in Tŷ Croes");

  const narrative = page.getByRole("group", { name: "Narrative for 2.1 Assessment" });
  await narrative.getByLabel("Strengths of 2.1").fill("Parents' views were prioritised.\nChildren's maturity was recognised.");
  await narrative.getByLabel("Areas for improvement of 2.1").fill("Diversity needs were not fully explored.");
  await narrative.getByRole("button", { name: "Save the narrative for 2.1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Narrative for 2.1 saved." })).toBeVisible();

  await page.goto(`/inspections/${team.inspectionId}/exports`);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download Draft report (DOCX)" }).click()]);
  const zip = await JSZip.loadAsync(await readFile((await file.path()) as string));
  const document = ((await zip.file("word/document.xml")?.async("string")) ?? "")
    .replace(/<[^>]+>/g, "")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  const order = ["The YJS management board should:", "ensure post-school-age education is available in Tŷ Croes", "Heddlu Gogledd Cymru should:", "review the sharing of police intelligence"];
  const at = order.map((text) => document.indexOf(text));
  expect(at.every((i) => i > -1)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(document).toContain("Children's maturity was recognised.");
});

test("team members read the records but cannot change them", async ({ browser }) => {
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/panel/report`);
  await expect(page.getByRole("heading", { level: 2, name: "Recommendations" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add recommendation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Save the narrative/ })).toHaveCount(0);
});
