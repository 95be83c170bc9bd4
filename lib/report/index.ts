// The draft report's own records, kept by the lead on the panel: recommendations and each
// standard's narrative; and the prompt aggregates offered for the narrative. The report itself is
// built by lib/exports (report-document.ts and its DOCX and PDF builders).

export * from "./recommendations";
export { listNarratives, listPoints, normaliseList, saveNarrative, MAX_NARRATIVE_TEXT, type NarrativeView } from "./narratives";
export { promptAggregates, type PromptAggregate, type PromptMarkCount } from "./prompt-aggregates";
export { reportPage, type ReportPage } from "./report-page";
