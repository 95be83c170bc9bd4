import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import { decisionSupport, keyQuestionCoverage, rateInspection } from "@/lib/rating";
import type { ExportModel } from "./model";
import { countWords, reportDocument, serviceShortName, type Block } from "./report-document";
import { buildReportDocx } from "./report-docx";
import { folded, readDocx, readPdf } from "./report-reading";
import { reportPdfBytes } from "@/tests/exports/report-pdf";
import { salfordCases, salfordExportModel } from "@/tests/exports/test-model";

const textOf = (blocks: readonly Block[]) =>
  blocks
    .map((b) =>
      b.kind === "paragraph"
        ? b.runs.map((r) => r.text).join("")
        : b.kind === "heading"
          ? b.text
          : b.kind === "table"
            ? b.rows.map((r) => r.map((c) => c.runs.map((x) => x.text).join("")).join(" | ")).join("\n")
            : b.kind === "bullets"
              ? b.items.join("\n")
              : "",
    )
    .join("\n");

/** A 2018 inspection (Bury and Rochdale's framework): 3.4 joint working from cases, no resettlement. */
function model2018(): ExportModel {
  const base = salfordExportModel();
  const fw = getFramework("yjs-2018");
  const result = rateInspection({
    framework: "yjs-2018",
    keyQuestions: {
      "2.1.1": { yes: 20, no: 5 }, "2.1.2": { yes: 22, no: 3 }, "2.1.3": { yes: 12, no: 8 },
      "2.2.1": { yes: 20, no: 5 }, "2.2.2": { yes: 17, no: 4 }, "2.2.3": { yes: 13, no: 7 },
      "2.3.1": { yes: 22, no: 3 }, "2.3.2": { yes: 17, no: 3 }, "2.3.3": { yes: 18, no: 7 },
      "2.4.1": { yes: 17, no: 8 }, "2.4.2": { yes: 15, no: 5 }, "2.4.3": { yes: 10, no: 10 },
    },
    judgements: { "1.1": "Good", "1.2": "Good", "1.3": "Good", "1.4": "Good" },
    discretion: { "2.1": { rating: "Good", note: "Small sample; strong scores elsewhere." } },
  });
  const cases = salfordCases().filter((c) => c.stream !== "resettlement");
  return {
    ...base,
    inspection: { ...base.inspection, yjsName: "Bury Youth Offending Service", frameworkVersion: "yjs-2018", frameworkLabel: fw.label },
    result,
    support: decisionSupport(result),
    report: {
      ...base.report,
      windows: { start: new Date("2019-06-02"), end: new Date("2019-09-02"), oocStart: new Date("2019-10-02"), oocEnd: new Date("2019-12-02") },
      cases,
      coverage: keyQuestionCoverage(fw, cases.map((c) => ({ status: "completed", attributes: { stream: c.stream, disposalType: c.disposalType, harmFactors: c.harmFactors, safetyWellbeingFactors: c.safetyWellbeingFactors }, cases: 1 }))),
    },
  };
}

describe("the report's wording", { timeout: 60_000 }, () => {
  it("counts in the reports' style: words to nine, figures from 10", () => {
    expect([0, 1, 5, 9, 10, 20].map(countWords)).toEqual(["no", "one", "five", "nine", "10", "20"]);
    expect(serviceShortName("Salford Youth Justice Service")).toBe("Salford YJS");
    expect(serviceShortName("Knowsley Youth Offending Service")).toBe("Knowsley YOS");
  });

  it("uses the 2018 wording for a 2018 inspection: '% yes', the asterisk and its sentence, two windows, no resettlement", async () => {
    const model = model2018();
    const doc = reportDocument(model);
    const text = textOf(doc.blocks);
    const kqTable = doc.blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.caption.startsWith("2.1."));
    expect(kqTable?.rows[0]?.[1]?.runs[0]?.text).toBe("% yes");
    // 2.1.3 at 60% moved from Requires improvement to Good: "60%*", bold, and the asterisk sentence.
    expect(kqTable?.rows[3]?.[1]?.runs[0]).toEqual({ text: "60%*", bold: true, footnote: undefined });
    expect(text).toContain(
      "*Professional judgement exercised by the ratings panel, as the score was within 5 percentage points of the next grade boundary and the panel considered that a 'Good' rating was a more accurate fit to the work of the YOS.",
    );
    expect(text).not.toContain("Professional discretion was applied");
    expect(text).not.toContain("% 'Yes'");
    expect(text).toContain("We inspected court disposals that began between 2 June 2019 and 2 September 2019, and out-of-court disposals delivered between 2 October 2019 and 2 December 2019.");
    expect(text).toContain("3.4 Joint working");
    expect(text).not.toMatch(/Resettlement/);
    // The DOCX and PDF carry it too.
    const docx = await readDocx(await buildReportDocx(model));
    expect(docx.tables.filter((t) => t[0]?.[1]?.text === "% yes").length).toBeGreaterThan(0);
    expect(docx.paragraphs.join("\n")).toContain("*Professional judgement exercised by the ratings panel");
    const pdf = folded(readPdf(await reportPdfBytes(model)).pages.join("\n"));
    expect(pdf).toContain("60%*");
    expect(pdf).toContain("a more accurate fit to the work of the YOS.");
  });

  it("omits resettlement from a 2021+ report without resettlement cases, as Knowsley's does", () => {
    const model = salfordExportModel({ cases: salfordCases().filter((c) => c.stream !== "resettlement") });
    const doc = reportDocument(model);
    const text = textOf(doc.blocks);
    expect(text).not.toContain("4.1 Resettlement policy and provision");
    expect(text).not.toContain("4. Resettlement");
    expect(text).toContain("There were no resettlement cases.");
  });

  it("says there were no youth conditional cautions as the 2021+ reports do (Knowsley 2023), and not in a 2018 report", () => {
    const withoutCautions = salfordCases().filter((c) => c.disposalType !== "youth_conditional_caution");
    const sentence = "There were no youth conditional cautions.";
    expect(textOf(reportDocument(salfordExportModel({ cases: withoutCautions })).blocks)).toContain(`community resolutions. ${sentence}`);
    expect(textOf(reportDocument(salfordExportModel()).blocks)).not.toContain(sentence);
    const model = model2018();
    const text2018 = textOf(reportDocument({ ...model, report: { ...model.report, cases: model.report.cases.filter((c) => c.disposalType !== "youth_conditional_caution") } }).blocks);
    expect(text2018).toContain("had received an out-of-court disposal");
    expect(text2018).not.toContain(sentence);
  });

  it("withholds a standard's rating while a key question of it applies to cases not final, and the score with it", () => {
    const cases = salfordCases();
    cases[0] = { ...cases[0]!, status: "in_progress" };
    const model = salfordExportModel({ cases });
    const text = textOf(reportDocument(model).blocks);
    expect(text).toContain("2.1 Assessment | Not rated yet");
    expect(text).toContain("Score | Not rated yet");
    expect(text).toContain("Not rated yet: 2.1.1 applies to one case not completed or approved yet.");
    // Out-of-court standards do not depend on the court case: their ratings still print.
    expect(text).toContain("3.2 Planning | Outstanding");
  });

  it("says which key questions have no figures and why", () => {
    const base = salfordExportModel();
    const result = rateInspection({
      framework: "yjs-2021",
      keyQuestions: { "2.1.1": { yes: 8, no: 5 }, "2.1.2": { yes: 10, no: 3 } },
      judgements: { "1.1": "Good" },
    });
    const model: ExportModel = { ...base, result, support: decisionSupport(result), report: { ...base.report, excluded: { "2.1.3": { markedNotApplicable: 13, doesNotApply: 0, caseNotFinal: 0 } } } };
    const text = textOf(reportDocument(model).blocks);
    expect(text).toContain("No figures for one key question: 2.1.3: inspectors answered 'not applicable' in all 13 cases it applies to.");
  });

  it("drops DRAFT once signed off", async () => {
    const model = salfordExportModel({ signedOff: true });
    expect(reportDocument(model).draft).toBeNull();
    const docx = await readDocx(await buildReportDocx(model));
    expect(docx.header).toBe("");
    expect(docx.paragraphs.join("\n")).toContain("Ratings signed off by Pauline Burke on 28 February 2024");
  });
});
