// Draft and signed-off ratings for the report: one loading use case and pure builders per format.

export { loadExportModel } from "./load";
export { answersCsv, keyQuestionsCsv, neutraliseFormula } from "./csv";
export { writeXlsx } from "./xlsx";
export { buildDocx } from "./docx";
export { writePdf } from "./pdf";
export { fileSlug, type ExportModel } from "./model";
export { EXPORT_FILES, exportFile, type ExportFile } from "./files";
