// Issue 15: exporting the draft report of an inspection of 100 cases: loading its model (the panel
// figures, the cases, the records), then the DOCX and the tagged PDF (font subset and embedded),
// each beside the XLSX workbook of the same model, measured in the same run.
import { PassThrough, type Writable } from "node:stream";
import { db } from "@/lib/db/client";
import { buildReportDocx, loadExportModel, writeReportPdf, writeXlsx } from "@/lib/exports";
import { measure, ms, type Timing } from "../measure";
import { verdict, type BenchSection } from "../section";

/** The goal: a lead waits no more than this for either file of the report. */
const GOAL_MS = 3000;
const RUNS = 8;

function drain(write: (out: Writable) => unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough();
    let bytes = 0;
    out.on("data", (c: Buffer) => (bytes += c.length));
    out.on("end", () => resolve(bytes));
    out.on("error", reject);
    void write(out);
  });
}

const section: BenchSection = {
  title: "Draft report export (100-case inspection)",
  async run({ large, hundredCaseInspectionId }) {
    const manager = await db.user.findUniqueOrThrow({ where: { email: large.managerEmail }, select: { id: true } });
    const actor = { id: manager.id, role: "manager" as const };
    const model = await loadExportModel(actor, hundredCaseInspectionId);
    let docxBytes = 0;
    let pdfBytes = 0;
    const timings: [string, Timing][] = [
      ["Load the export model", await measure(() => loadExportModel(actor, hundredCaseInspectionId), { runs: RUNS, warmup: 2 })],
      ["XLSX workbook (baseline)", await measure(() => drain((out) => writeXlsx(model, out)), { runs: RUNS, warmup: 2 })],
      ["Report DOCX", await measure(async () => (docxBytes = (await buildReportDocx(model)).length), { runs: RUNS, warmup: 2 })],
      ["Report PDF (tagged, DejaVu Sans embedded)", await measure(async () => (pdfBytes = await drain((out) => writeReportPdf(model, out))), { runs: RUNS, warmup: 2 })],
    ];
    const xlsx = timings[1]?.[1].medianMs ?? Number.NaN;
    const load = timings[0]?.[1].medianMs ?? 0;
    const docx = (timings[2]?.[1].medianMs ?? 0) + load;
    const pdf = (timings[3]?.[1].medianMs ?? 0) + load;
    return [
      `${model.report.cases.length} cases, ${model.answers.length} case-level answer rows; DOCX ${(docxBytes / 1024).toFixed(0)} KiB, PDF ${(pdfBytes / 1024).toFixed(0)} KiB.`,
      "",
      "| Step | Median | p95 | × XLSX build |",
      "|---|---|---|---|",
      ...timings.map(([name, t]) => `| ${name} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${(t.medianMs / xlsx).toFixed(2)}× |`),
      "",
      verdict(
        docx < GOAL_MS && pdf < GOAL_MS,
        `load + DOCX ${ms(docx)}, load + PDF ${ms(pdf)} (goal: each under ${GOAL_MS / 1000} s for 100 cases).`,
      ),
    ];
  },
};

export default section;
