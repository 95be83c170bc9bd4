// The programme view's data: every inspection's status, ratings, score and key question
// percentages (signed-off and published ones from programme_figures, never from answers), and past
// published reports imported as reference data.

export {
  PROGRAMME_STATUSES,
  loadProgramme,
  programmeFiltersSchema,
  programmeScope,
  type Programme,
  type ProgrammeFilters,
  type ProgrammeInspection,
  type ProgrammeStatus,
} from "./load";
export { keyQuestionBenchmark, type InspectionBenchmark, type KeyQuestionBenchmark } from "./benchmark";
export { MAX_FIGURES_BYTES, importPublishedInspection, recordPublishedInspection, type PublishedImport } from "./import-published";
