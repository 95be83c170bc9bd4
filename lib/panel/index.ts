// The ratings panel: figures (final and provisional) from lib/rating, the panel's decisions,
// sign-off and reopening, and the drill-down from a key question to its cases.

export { panelFigures } from "./figures";
export { clearDecision, recordDiscretion, recordJudgement, reopenRatings, signOffRatings } from "./decisions";
export { ANSWER_FILTERS, keyQuestionCases, type AnswerFilter } from "./drill-down";
export { loadPanelState, rateState } from "./load";
export { type PanelRating, type ProvisionalRating } from "./rate-panel";
export { bandDistance, intervalText } from "./presentation";
