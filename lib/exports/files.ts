// The files the exports page offers: name, content type and how each is produced.

export interface ExportFile {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly contentType: string;
  readonly extension: string;
}

export const EXPORT_FILES: readonly ExportFile[] = Object.freeze([
  {
    name: "ratings.xlsx",
    label: "Workbook (XLSX)",
    description: "Ratings summary, key questions (annexe), case-level answers and a codebook.",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  },
  {
    name: "report.docx",
    label: "Draft report (DOCX)",
    description:
      "The report: contents, Ratings, Recommendations, Background, and each domain and standard with its key question table, footnotes and narrative, in Word headings and tables.",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  {
    name: "report.pdf",
    label: "Draft report (PDF)",
    description: "The same report as an accessible PDF (tagged, with real tables), for circulation.",
    contentType: "application/pdf",
    extension: "pdf",
  },
  {
    name: "case-answers.csv",
    label: "Case-level answers (CSV)",
    description: "One row per case and key question, with codes and labels.",
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
  },
  {
    name: "moderation.csv",
    label: "Moderation (CSV)",
    description: "The moderation dip sample with each compared answer and outcome, and the agreement statistics (codes only, no rationale).",
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
  },
  {
    name: "key-questions.csv",
    label: "Key-question figures (CSV)",
    description: "Counts, %, band, interval and ratings per key question.",
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
  },
]);

export function exportFile(name: string): ExportFile | undefined {
  return EXPORT_FILES.find((f) => f.name === name);
}
