// Public entry to the rating module: the roll-up, its rules, its input parser and errors,
// decision support and the counts built from stored answers. Pure: no I/O.

export {
  BAND_MINIMUMS,
  POINTS,
  bandAbove,
  bandBelow,
  bandMinimum,
  isBetterThan,
  keyQuestionBand,
  maxScoreOf,
  overallBandRanges,
  overallRatingForScore,
  percentYes,
  ratingPoints,
  ratingRank,
  worseOf,
} from "./bands";
export { DISCRETION_MAX_GAP, checkDiscretion, discretionOptions, type DiscretionCheck, type DiscretionOption } from "./discretion";
export { breaksGovernanceCap, governanceCapBaseRange, governanceCapNote, governanceCapStatus, type GovernanceCapStatus } from "./governance-cap";
export { ERROR_CODES, RatingInputError, jsonPath, type RatingErrorCode, type RatingErrorDocument } from "./errors";
export { parseRatingInput, type DiscretionDecision, type KeyQuestionFigures, type RatingInput } from "./input";
export {
  rateInspection,
  type DiscretionRecord,
  type KeyQuestionResult,
  type RatingResult,
  type StandardResult,
} from "./rate-inspection";
export { rateJson, rateJsonText, type RatingOutcome } from "./rate-json";
export {
  Z_80,
  decisionSupport,
  noToYesToRaiseBand,
  wilsonInterval,
  yesToNoToDropBand,
  type DecisionSupport,
  type KeyQuestionSupport,
  type StandardDiscretionSupport,
} from "./decision-support";
export {
  FINAL_CASE_STATUSES,
  countsFromAnswers,
  type AnswerCounts,
  type AnswerForCounting,
  type AnswerValue,
  type CaseForCounting,
  type CountsFromAnswers,
  type Exclusions,
} from "./counts-from-answers";
export {
  keyQuestionCoverage,
  unsettledStandards,
  whyWithoutFigures,
  type CaseGroup,
  type KeyQuestionCoverage,
  type KeyQuestionWithoutFigures,
  type WithoutFiguresReason,
} from "./figure-coverage";
