import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { rateJson } from "@/lib/rating";
import { expect, pageAs, runTestData, signedInPage, test } from "./fixtures";

// Exports of an inspection of our own (Salford's figures, with the panel's two discretion decisions
// and Good judgements), downloaded by a manager through the page and parsed here.

let team: PanelTestTeam;

test.beforeAll(() => {
  team = runTestData<PanelTestTeam>("tests/panel/test-support-cli.ts", "create", { name: "Export Test YJS", decided: true });
});

async function download(page: Page, label: string): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Download ${label}` }).click()]);
  await expect(page.getByRole("status").filter({ hasText: `Downloaded ${file.suggestedFilename()}` })).toBeVisible();
  return { name: file.suggestedFilename(), data: await readFile((await file.path()) as string) };
}

test("a manager downloads each export, marked DRAFT, and each file holds the engine's figures", async ({ browser }) => {
  const page = await signedInPage(browser, team.manager.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/exports`);
  await expect(page.getByRole("heading", { level: 1, name: "Export ratings" })).toBeVisible();

  const xlsx = await download(page, "Workbook (XLSX)");
  expect(xlsx.name).toMatch(/^export-test-yjs-.*-draft-ratings-\d{4}-\d{2}-\d{2}-ratings\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ratings", "Key questions", "Case answers", "Codebook", "Moderation"]);
  const ratings = workbook.getWorksheet("Ratings") as ExcelJS.Worksheet;
  const ratingValues: unknown[] = [];
  ratings.eachRow((row) => ratingValues.push(...(row.values as unknown[]).slice(1)));
  expect(ratingValues[0]).toBe("DRAFT — not signed off");
  expect(ratingValues).toContain("22/36");
  expect(ratingValues).toContain("2.2 Planning");
  const answers = workbook.getWorksheet("Case answers") as ExcelJS.Worksheet;
  expect(answers.rowCount).toBe(1 + 13 * 12 + 20 * 9);

  const docx = await download(page, "Draft report (DOCX)");
  expect(docx.name).toMatch(/-report\.docx$/);
  const zip = await JSZip.loadAsync(docx.data);
  const document = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const footnotes = (await zip.file("word/footnotes.xml")?.async("string")) ?? "";
  expect((await zip.file("word/header1.xml")?.async("string")) ?? "").toContain("DRAFT — not signed off");
  expect(document).toContain("46%");
  expect(footnotes).toContain(
    "Professional discretion was applied at the ratings panel increasing this rating from &apos;Inadequate&apos; to &apos;Requires Improvement&apos;.",
  );

  const pdf = await download(page, "Draft report (PDF)");
  expect(pdf.data.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.data.toString("latin1")).toContain("/StructTreeRoot");
  expect(pdf.data.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
  expect(pdf.name).toMatch(/-report\.pdf$/);

  const answersCsv = (await download(page, "Case-level answers (CSV)")).data.toString("utf8");
  const lines = answersCsv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]?.startsWith("export_status,inspection,framework_version,exported_on,case_reference")).toBe(true);
  expect(lines).toHaveLength(1 + 13 * 12 + 20 * 9);
  expect(lines[1]).toMatch(/^DRAFT,Export Test YJS [^,]+,yjs-2021,\d{4}-\d{2}-\d{2},PT-0001,court,Court disposal,/);

  const kqCsv = (await download(page, "Key-question figures (CSV)")).data.toString("utf8");
  const row = kqCsv.split("\r\n").find((l) => l.includes(",2.2.3,"));
  expect(row).toMatch(/,2\.2,Planning,2\.2\.3,6,13,46,Inadequate,yes,Inadequate,Requires improvement,/);
});

test("inspectors cannot export, and the file routes say so", async ({ browser }) => {
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  const response = await page.request.get(`/inspections/${team.inspectionId}/exports/ratings.xlsx`);
  expect(response.status()).toBe(403);
  expect((await page.goto(`/inspections/${team.inspectionId}/exports`))?.status()).toBe(403);
});

test.describe("POST /api/rate", () => {
  const input = {
    framework: "yjs-2021",
    keyQuestions: { "2.1.1": { yes: 22, no: 3 }, "2.1.3": { percentYes: 60 } },
    judgements: { "1.1": "Good" },
  };

  test("answers the rating contract for a signed-in user", async ({ browser }) => {
    const page = await pageAs(browser, "inspector");
    const response = await page.request.post("/api/rate", { data: input });
    expect(response.status()).toBe(200);
    const expected = rateJson(input);
    expect(expected.ok).toBe(true);
    const body = await response.json();
    expect(body).toEqual(expected.ok ? JSON.parse(JSON.stringify(expected.result)) : null);
    expect(body.standards.find((s: { id: string }) => s.id === "2.1").keyQuestionsWithoutFigures).toEqual(["2.1.2"]);
  });

  test("refuses bad input with the contract's error document", async ({ browser }) => {
    const page = await pageAs(browser, "inspector");
    const bad = await page.request.post("/api/rate", { data: { ...input, keyQuestions: { "2.1.1": { yes: -1, no: 3 } } } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: "invalid_count", message: '$.keyQuestions["2.1.1"].yes must be a whole number 0 or more (got -1).', path: '$.keyQuestions["2.1.1"].yes' },
    });
    const notJson = await page.request.post("/api/rate", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.code).toBe("invalid_json");
    const huge = await page.request.post("/api/rate", { data: JSON.stringify({ framework: "yjs-2021", pad: "x".repeat(70_000) }) });
    expect(huge.status()).toBe(413);
  });

  test("needs a signed-in user", async ({ request }) => {
    const response = await request.post("/api/rate", { data: input });
    expect(response.status()).toBe(401);
  });
});
