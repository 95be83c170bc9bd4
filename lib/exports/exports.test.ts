import ExcelJS from "exceljs";
import { PassThrough, type Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { answersCsv, keyQuestionsCsv, neutraliseFormula } from "./csv";
import { discretionFootnote, fieldworkLine, fileSlug } from "./model";
import { DISPOSAL_TYPE_LABELS, STREAMS, STREAM_LABELS } from "@/lib/framework/case-attributes";
import { salfordExportModel } from "@/tests/exports/test-model";
import { writeXlsx } from "./xlsx";

async function collect(write: (out: Writable) => unknown): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on("end", resolve));
  await write(out);
  await done;
  return Buffer.concat(chunks);
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer.
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("footnotes", () => {
  it("follow the reports' wording, increasing or decreasing", () => {
    expect(discretionFootnote({ from: "Inadequate", to: "Requires improvement", note: "x" })).toBe(
      "Professional discretion was applied at the ratings panel increasing this rating from 'Inadequate' to 'Requires improvement'.",
    );
    expect(discretionFootnote({ from: "Good", to: "Requires improvement", note: "x" })).toBe(
      "Professional discretion was applied at the ratings panel decreasing this rating from 'Good' to 'Requires improvement'.",
    );
  });
});

describe("XLSX", () => {
  it("lays out the ratings page, the annexe, the case answers and the codebook from the engine's result", async () => {
    const model = salfordExportModel();
    const workbook = await loadWorkbook(await collect((out) => writeXlsx(model, out)));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Ratings", "Key questions", "Case answers", "Codebook", "Moderation"]);

    const ratings = rowsOf(workbook.getWorksheet("Ratings") as ExcelJS.Worksheet);
    expect(ratings[0]).toEqual(["DRAFT — not signed off"]);
    expect(ratings).toContainEqual(["Salford Youth Justice Service"]);
    expect(ratings).toContainEqual(["Fieldwork started January 2024"]);
    // Exported before fieldwork begins, it does not say fieldwork started.
    expect(fieldworkLine({ ...model, generatedAt: new Date("2023-12-01T10:00:00Z") })).toBe("Fieldwork starts January 2024");
    expect(ratings).toContainEqual(["Framework: yjs-2021 — 2021 framework"]);
    expect(ratings).toContainEqual(["Exported on 1 March 2024"]);
    expect(ratings).toContainEqual(["Score", `${model.result.score}/36`]);
    expect(model.result.score).toBe(22);
    expect(ratings).toContainEqual(["Overall rating", "Good"]);
    for (const standard of model.result.standards) {
      expect(ratings).toContainEqual([`${standard.id} ${standard.title}`, standard.rating]);
    }
    expect(ratings).toContainEqual(["4. Resettlement²"]);
    expect(ratings).toContainEqual(["² The rating for Resettlement does not influence the overall YJS rating."]);

    const annexe = rowsOf(workbook.getWorksheet("Key questions") as ExcelJS.Worksheet);
    const kq223 = annexe.find((r) => r[0] === "2.2.3");
    expect(kq223).toEqual([
      "2.2.3",
      "Does planning focus sufficiently on keeping other people safe?",
      6,
      13,
      0.46,
      "Inadequate",
      "Lowest",
      undefined,
      undefined,
      expect.stringMatching(/^\d+(\.\d)?–\d+(\.\d)?%$/),
      "Professional discretion was applied at the ratings panel increasing this rating from 'Inadequate' to 'Requires improvement'.",
    ]);
    expect(annexe.find((r) => r[0] === "2.2")?.slice(7)).toEqual(["Inadequate", "Requires improvement"]);
    expect(annexe.find((r) => r[0] === "2.4.3")?.[10]).toBe(
      "Professional discretion was applied at the ratings panel increasing this rating from 'Requires improvement' to 'Good'.",
    );
    for (const standard of model.result.standards) {
      for (const kq of standard.keyQuestions) {
        const row = annexe.find((r) => r[0] === kq.id);
        expect(row?.slice(2, 6), kq.id).toEqual([kq.yes, kq.applicable, kq.percentYes / 100, kq.band]);
      }
    }

    const answers = rowsOf(workbook.getWorksheet("Case answers") as ExcelJS.Worksheet);
    expect(answers[0]?.slice(0, 6)).toEqual(["export_status", "inspection", "framework_version", "exported_on", "case_reference", "stream"]);
    expect(answers[1]?.slice(0, 4)).toEqual(["DRAFT", "Salford Youth Justice Service", "yjs-2021", "2024-03-01"]);
    expect(answers[1]).toContain("Does planning focus sufficiently on keeping other people safe?");
    expect(answers[1]).toContain("Court disposal");
    expect(answers[1]).toContain("no");
    expect(answers[1]).toContain("No");

    const codebook = rowsOf(workbook.getWorksheet("Codebook") as ExcelJS.Worksheet);
    for (const column of answers[0] ?? []) {
      expect(codebook.some((r) => r[0] === "Case answers" && r[1] === column), String(column)).toBe(true);
    }
    expect(codebook).toContainEqual(["key-questions.csv", "no_to_yes_to_raise_band", expect.stringContaining("judged 'yes' instead")]);
    expect(codebook).toContainEqual(["key-questions.csv", "yes_to_no_to_drop_band", expect.stringContaining("judged 'no' instead")]);
    // Managers cannot see the source: every code the case answers use is listed with its label here.
    expect(codebook.flat().some((cell) => String(cell).includes("lib/"))).toBe(false);
    for (const stream of STREAMS) expect(codebook).toContainEqual(["stream", stream, STREAM_LABELS[stream]]);
    for (const [code, label] of Object.entries(DISPOSAL_TYPE_LABELS)) {
      expect(codebook.some((r) => r[0] === "disposal_type" && r[1] === code && String(r[2]).startsWith(`${label} (`)), code).toBe(true);
    }
    expect(codebook).toContainEqual(["disposal_type", "detention_and_training_order", "Detention and training order (court disposal or resettlement)"]);
  });

  it("lists only the streams a 2018 inspection samples in its codebook, and brackets the framework label once", async () => {
    const model = salfordExportModel();
    const yjs2018 = { ...model, inspection: { ...model.inspection, frameworkVersion: "yjs-2018" as const, frameworkLabel: "2018–2021 framework (3.4 joint working; no resettlement standard)" } };
    const workbook = await loadWorkbook(await collect((out) => writeXlsx(yjs2018, out)));
    const codebook = rowsOf(workbook.getWorksheet("Codebook") as ExcelJS.Worksheet);
    expect(codebook.filter((r) => r[0] === "stream").map((r) => r[1])).toEqual(["court", "out_of_court"]);
    expect(codebook.flat().filter((cell) => /resettlement/i.test(String(cell)) && !String(cell).startsWith("Framework:"))).toEqual([]);
    expect(codebook).toContainEqual(["disposal_type", "detention_and_training_order", "Detention and training order (court disposal)"]);
    const ratings = rowsOf(workbook.getWorksheet("Ratings") as ExcelJS.Worksheet);
    expect(ratings).toContainEqual(["Framework: yjs-2018 — 2018–2021 framework (3.4 joint working; no resettlement standard)"]);
  });

  it("says who signed off instead of DRAFT once signed off", async () => {
    const workbook = await loadWorkbook(await collect((out) => writeXlsx(salfordExportModel({ signedOff: true }), out)));
    expect(rowsOf(workbook.getWorksheet("Ratings") as ExcelJS.Worksheet)[0]).toEqual(["Signed off by Pauline Burke on 28 February 2024"]);
  });
});

describe("CSV", () => {
  it("neutralises cells that a spreadsheet would run as formulas", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula("Sufficient.")).toBe("Sufficient.");
    const csv = [...answersCsv(salfordExportModel())].join("");
    expect(csv.startsWith("\uFEFFexport_status,inspection,framework_version,exported_on,case_reference")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`"Thorough, with the child's views, and ""quoted"" words."`);
    expect(csv).toContain("DRAFT,Salford Youth Justice Service,yjs-2021,2024-03-01,SA-0001,court,Court disposal,referral_order");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("gives each key question's figures as the engine computed them", () => {
    const model = salfordExportModel();
    const lines = [...keyQuestionsCsv(model)].join("").split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + 21);
    expect(lines[0]).toContain(",interval80_upper,no_to_yes_to_raise_band,yes_to_no_to_drop_band,footnote");
    // 2.4.3 at 8/13 (62%): one "no" judged "yes" gives 9/13 = 69% (Good); two "yes" judged "no" give 6/13 = 46%.
    expect(lines.find((l) => l.includes(",2.4.3,"))).toMatch(/,8,13,62,Requires improvement,yes,Requires improvement,Good,[\d.]+,[\d.]+,1,2,/);
    const row223 = lines.find((l) => l.includes(",2.2.3,"));
    expect(row223).toMatch(/^DRAFT,Salford Youth Justice Service,yjs-2021,2024-03-01,2.2,Planning,2.2.3,6,13,46,Inadequate,yes,Inadequate,Requires improvement,[\d.]+,[\d.]+,1,,Professional discretion was applied at the ratings panel increasing this rating from 'Inadequate' to 'Requires improvement'.$/);
  });
});

describe("file names", () => {
  it("say the service, draft or signed off, and the date", () => {
    expect(fileSlug(salfordExportModel())).toBe("salford-youth-justice-service-draft-ratings-2024-03-01");
    expect(fileSlug(salfordExportModel({ signedOff: true }))).toBe("salford-youth-justice-service-signed-off-ratings-2024-03-01");
  });
});

describe("the moderation export", () => {
  it("gives every row one cell per column, codes only, the same table in the CSV and the workbook's Moderation sheet", async () => {
    const { agreement } = await import("@/lib/statistics/agreement");
    const { MODERATION_COLUMNS, moderationCsv, moderationRows } = await import("./moderation");
    const summary = agreement([
      { first: "yes", second: "yes" },
      { first: "no", second: "yes" },
      { first: "no", second: "no" },
    ]);
    const model = {
      ...salfordExportModel(),
      moderation: {
        draws: [{ seed: "abc", request: "10%", size: 4, populationSize: 33, drawnAt: new Date("2024-02-01T10:00:00Z") }],
        rows: [{ caseReference: "=DS-1", stream: "court", inspector: "Tom", how: "drawn" as const, completed: true, questionId: "2.1.1", inspectorAnswer: "no", secondAnswer: "yes", agreed: "no" as const, outcome: "inspector_to_review", response: "kept" }],
        statistics: [{ group: "key_question" as const, key: "2.1.1", summary }],
      },
    };
    const rows = moderationRows(model);
    expect(rows.map((r) => r.length)).toEqual([MODERATION_COLUMNS.length, MODERATION_COLUMNS.length, MODERATION_COLUMNS.length]);
    const column = (name: string) => MODERATION_COLUMNS.findIndex(([n]) => n === name);
    expect(rows[0]![column("seed")]).toBe("abc");
    expect(rows[1]![column("outcome")]).toBe("inspector_to_review");
    expect(rows[2]![column("agreed_count")]).toBe(2);
    expect(rows[2]![column("percent_agreement")]).toBe(0.667);
    const csv = [...moderationCsv(model)].join("");
    // A cell that would run as a formula is neutralised.
    expect(csv).toContain("'=DS-1");
    const workbook = await loadWorkbook(await collect((out) => writeXlsx(model, out)));
    const sheet = rowsOf(workbook.getWorksheet("Moderation") as ExcelJS.Worksheet);
    expect(sheet[0]).toEqual(MODERATION_COLUMNS.map(([n]) => n));
    expect(sheet).toHaveLength(4);
  });
});
