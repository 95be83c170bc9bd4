// Draft and signed-off ratings for the report: one loading use case and pure builders per format.

export { loadExportModel } from "./load";
export { answersCsv, keyQuestionsCsv } from "./csv";
export { writeXlsx } from "./xlsx";
export { moderationCsv } from "./moderation";
export { buildReportDocx } from "./report-docx";
export { writeReportPdf } from "./report-pdf";
export { fileSlug, type ExportModel } from "./model";
export { EXPORT_FILES, exportFile } from "./files";
