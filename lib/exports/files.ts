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
    name: "ratings.docx",
    label: "Report tables (DOCX)",
    description: "Ratings table, key-question tables with discretion footnotes, Strengths and Areas for improvement.",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  {
    name: "panel.pdf",
    label: "Panel view (PDF)",
    description: "The ratings panel's figures and decisions, for circulation.",
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
