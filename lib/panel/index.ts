// The ratings panel: figures (final and provisional) from lib/rating, the panel's decisions,
// sign-off and reopening, and the drill-down from a key question to its cases.

export { panelFigures, type PanelFigures } from "./figures";
export { clearDecision, recordDiscretion, recordJudgement, reopenRatings, signOffBlockers, signOffRatings } from "./decisions";
export { ANSWER_FILTERS, keyQuestionCases, type AnswerFilter, type DrillDown, type DrillDownRow } from "./drill-down";
export { loadPanelState, rateState, type PanelState, type SignOffInForce, type StoredDecisionRow } from "./load";
export { newlySetAside, ratePanel, type DecisionKind, type PanelRating, type ProvisionalRating, type SetAsideDecision, type StoredDecision } from "./rate-panel";
export { readSnapshot, SNAPSHOT_VERSION, type SignOffSnapshot } from "./snapshot";
export { NEAR_BOUNDARY_ANSWERS, bandDistance, intervalText, type BandChange, type BandDistance } from "./presentation";
