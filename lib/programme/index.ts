// The programme view's data: every inspection's status, ratings, score and key question
// percentages (signed-off and published ones from programme_figures, never from answers), and past
// published reports imported as reference data.

export { loadProgramme, type ProgrammeInspection } from "./load";
export { keyQuestionBenchmark, type KeyQuestionBenchmark } from "./benchmark";
export { importPublishedInspection, recordPublishedInspection } from "./import-published";
