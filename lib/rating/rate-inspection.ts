// The roll-up of the rating contract: key question figures → bands → standard ratings (lowest
// band, then the panel's discretion) → points → score and overall rating. Pure: the CLI, /api/rate
// and the panel page all call this one function, and no rating arithmetic lives anywhere else.

import {
  allStandards,
  findKeyQuestion,
  findStandard,
  frameworkVersionList,
  getFramework,
  isFrameworkVersion,
  RATINGS,
  type Basis,
  type Framework,
  type FrameworkVersion,
  type Rating,
  type Standard,
} from "@/lib/framework";
import { keyQuestionBand, overallRatingForScore, percentYes, ratingPoints } from "./bands";
import { checkDiscretion } from "./discretion";
import { RatingInputError, jsonPath, type RatingErrorCode } from "./errors";
import { breaksGovernanceCap, governanceCapBaseRange, governanceCapStatus } from "./governance-cap";
import type { DiscretionDecision, KeyQuestionFigures, RatingInput } from "./input";

export interface KeyQuestionResult {
  readonly id: string;
  /** Both null when only a published percentYes was given. */
  readonly yes: number | null;
  readonly applicable: number | null;
  readonly percentYes: number;
  readonly band: Rating;
}

export interface DiscretionRecord {
  readonly from: Rating;
  readonly to: Rating;
  readonly note: string;
}

export interface StandardResult {
  readonly id: string;
  readonly title: string;
  /** The domain's title, e.g. "Court disposals". */
  readonly domain: string;
  readonly basis: Basis;
  readonly scored: boolean;
  /** Given key questions in framework order; always empty for judgement standards. */
  readonly keyQuestions: readonly KeyQuestionResult[];
  /**
   * Ids of the standard's key questions given no figures, in framework order: a rating made from
   * fewer key questions than the standard has is never silent. Empty for judgement standards.
   */
  readonly keyQuestionsWithoutFigures: readonly string[];
  /** The key question whose band sets calculatedRating (on a tie, the last, as S4 marks it). */
  readonly lowestKeyQuestion: string | null;
  /** Lowest band of the key questions; null for judgement standards and for unrated ones. */
  readonly calculatedRating: Rating | null;
  /** The final rating: calculated, the panel's under discretion, or the judgement; null when unrated. */
  readonly rating: Rating | null;
  readonly discretion: DiscretionRecord | null;
  /** Points 0–3; null when unrated or not scored (4.1). */
  readonly score: number | null;
}

export interface RatingResult {
  readonly framework: FrameworkVersion;
  readonly standards: readonly StandardResult[];
  /** Sum of the points of the rated scored standards. */
  readonly score: number;
  /** 3 × the number of rated scored standards: the version's maximum (36 for twelve) when complete. */
  readonly maxScore: number;
  /** Null unless complete. */
  readonly overallRating: Rating | null;
  readonly complete: boolean;
  /** Ids of unrated scored standards, in framework order. */
  readonly missing: readonly string[];
  /** Every unscored standard of the version (4.1 in yjs-2021) with its rating or null. */
  readonly unscoredRatings: Readonly<Record<string, Rating | null>>;
}

/** Rates an inspection, or throws RatingInputError saying which rule the input breaks. */
export function rateInspection(input: RatingInput): RatingResult {
  if (!isFrameworkVersion(input.framework)) {
    throw new RatingInputError("unknown_framework", `framework must be ${frameworkVersionList('"')}.`, "$.framework");
  }
  const fw = getFramework(input.framework);
  const keyQuestions = input.keyQuestions ?? {};
  const judgements = input.judgements ?? {};
  const discretion = input.discretion ?? {};
  checkKeyQuestionIds(fw, keyQuestions);
  checkJudgements(fw, judgements);
  checkDiscretionTargets(fw, discretion);

  const standards = allStandards(fw).map((standard) =>
    standard.basis === "cases"
      ? rateFromCases(standard, keyQuestions, discretion[standard.id])
      : rateByJudgement(standard, judgements[standard.id] ?? null),
  );

  const finalRating = (id: string) => standards.find((s) => s.id === id)?.rating ?? null;
  const capRule = fw.rules.governanceCap;
  const governanceJudgement = capRule ? judgements[capRule.standard] : undefined;
  if (capRule && governanceJudgement !== undefined) {
    const cap = governanceCapStatus(fw.version, finalRating);
    if (breaksGovernanceCap(cap, governanceJudgement)) {
      throw new RatingInputError(
        "governance_cap",
        `Only ${cap.goodOrBetter} of the ${cap.of} ratings of standards ${governanceCapBaseRange(capRule)} are Good or Outstanding` +
          (cap.rated < cap.of ? ` (${cap.of - cap.rated} unrated)` : "") +
          `, fewer than half, so ${capRule.standard} cannot be rated above '${capRule.maxRating}' (got '${governanceJudgement}').`,
        jsonPath(["judgements", capRule.standard]),
      );
    }
  }

  const scored = standards.filter((s) => s.scored);
  const rated = scored.filter((s) => s.score !== null);
  const score = rated.reduce((sum, s) => sum + (s.score ?? 0), 0);
  const missing = scored.filter((s) => s.score === null).map((s) => s.id);
  const complete = missing.length === 0;
  const unscoredRatings: Record<string, Rating | null> = {};
  for (const s of standards.filter((x) => !x.scored)) unscoredRatings[s.id] = s.rating;

  return {
    framework: fw.version,
    standards,
    score,
    maxScore: 3 * rated.length,
    overallRating: complete ? overallRatingForScore(fw, score) : null,
    complete,
    missing,
    unscoredRatings,
  };
}

function checkKeyQuestionIds(fw: Framework, keyQuestions: Readonly<Record<string, KeyQuestionFigures>>): void {
  for (const [id, figures] of Object.entries(keyQuestions)) {
    const kq = findKeyQuestion(fw, id);
    // The path is built only for a refusal: this loop runs on every rating of the polled panel.
    if (!kq) {
      throw new RatingInputError("unknown_key_question", `${id} is not a key question of ${fw.version}.`, jsonPath(["keyQuestions", id]));
    }
    if (kq.appliesTo.stream === null) {
      throw new RatingInputError(
        "key_question_not_case_rated",
        `${id} informs the judgement of standard ${kq.standardId}; give a judgement for ${kq.standardId} instead of figures.`,
        jsonPath(["keyQuestions", id]),
      );
    }
    checkFigures(id, figures);
  }
}

// Typed callers skip parseRatingInput, and TypeScript cannot say "whole number 0 or more".
function checkFigures(id: string, figures: KeyQuestionFigures): void {
  const path = (field: string) => jsonPath(["keyQuestions", id, field]);
  const hasPercent = "percentYes" in figures;
  const hasCounts = "yes" in figures || "no" in figures;
  if (hasPercent && hasCounts) {
    throw new RatingInputError(
      "key_question_given_both_ways",
      `${id}: give either counts (yes, no) or percentYes, not both.`,
      jsonPath(["keyQuestions", id]),
    );
  }
  if ("percentYes" in figures) {
    const p = figures.percentYes;
    if (!Number.isInteger(p) || p < 0 || p > 100) {
      throw new RatingInputError("percent_out_of_range", `${path("percentYes")} must be a whole number from 0 to 100.`, path("percentYes"));
    }
    return;
  }
  for (const field of ["yes", "no"] as const) {
    const n = figures[field];
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RatingInputError("invalid_count", `${path(field)} must be a whole number 0 or more.`, path(field));
    }
  }
  if (figures.yes + figures.no === 0) {
    throw new RatingInputError("no_answers", `${id}: yes + no is 0, so there is no % 'yes'.`, jsonPath(["keyQuestions", id]));
  }
}

function checkRatingSpelling(value: unknown, path: string): void {
  if (!(RATINGS as readonly unknown[]).includes(value)) {
    throw new RatingInputError(
      "invalid_rating",
      `${path} must be exactly "Outstanding", "Good", "Requires improvement" or "Inadequate" (got ${JSON.stringify(value)}).`,
      path,
    );
  }
}

/** The standard a judgement or a discretion decision names must exist, and not be rated on `wrongBasis` (refused with `code`: its title, then `why`). */
function checkDecidedStandard(fw: Framework, id: string, path: string, wrongBasis: Basis, code: RatingErrorCode, why: string): void {
  const standard = findStandard(fw, id);
  if (!standard) throw new RatingInputError("unknown_standard", `${id} is not a standard of ${fw.version}.`, path);
  if (standard.basis === wrongBasis) throw new RatingInputError(code, `${id} ${standard.title} ${why}`, path);
}

function checkJudgements(fw: Framework, judgements: Readonly<Record<string, Rating>>): void {
  for (const [id, rating] of Object.entries(judgements)) {
    const path = jsonPath(["judgements", id]);
    checkDecidedStandard(fw, id, path, "cases", "judgement_for_case_rated_standard", "is rated from cases; give its key question figures, and discretion if the panel moves it.");
    checkRatingSpelling(rating, path);
  }
}

function checkDiscretionTargets(fw: Framework, discretion: Readonly<Record<string, DiscretionDecision>>): void {
  for (const [id, decision] of Object.entries(discretion)) {
    checkDecidedStandard(fw, id, jsonPath(["discretion", id]), "judgement", "discretion_on_judgement_standard", "is rated by judgement; discretion applies only to standards rated from cases.");
    checkRatingSpelling(decision.rating, jsonPath(["discretion", id, "rating"]));
    if (typeof decision.note !== "string" || decision.note.trim() === "") {
      throw new RatingInputError("discretion_note_required", `${id}: discretion needs a note saying why.`, jsonPath(["discretion", id, "note"]));
    }
  }
}

function rateFromCases(
  standard: Standard,
  figuresById: Readonly<Record<string, KeyQuestionFigures>>,
  decision: DiscretionDecision | undefined,
): StandardResult {
  const keyQuestions: KeyQuestionResult[] = [];
  const keyQuestionsWithoutFigures: string[] = [];
  for (const kq of standard.keyQuestions) {
    const figures = figuresById[kq.id];
    if (figures) keyQuestions.push(keyQuestionResult(kq.id, figures));
    else keyQuestionsWithoutFigures.push(kq.id);
  }
  // Lowest % sets the band; "<=" keeps the last of equals, matching the cell S4 marks on a tie.
  let lowest: KeyQuestionResult | null = null;
  for (const kq of keyQuestions) {
    if (lowest === null || kq.percentYes <= lowest.percentYes) lowest = kq;
  }
  // The result is written out rather than spread from a shared base object: measured on Node 20,
  // `{ ...base, more }` here made the whole roll-up about five times slower.
  const { id, title, domainTitle: domain, basis, scored } = standard;
  if (lowest === null) {
    if (decision) {
      throw new RatingInputError(
        "discretion_without_data",
        `${standard.id} has no key question figures, so there is no calculated rating to move.`,
        jsonPath(["discretion", standard.id]),
      );
    }
    return { id, title, domain, basis, scored, keyQuestions, keyQuestionsWithoutFigures, lowestKeyQuestion: null, calculatedRating: null, rating: null, discretion: null, score: null };
  }
  const calculatedRating = lowest.band;
  let rating = calculatedRating;
  let discretion: DiscretionRecord | null = null;
  if (decision) {
    const check = checkDiscretion(calculatedRating, lowest.percentYes, decision.rating);
    if (!check.ok) {
      throw new RatingInputError(check.code, `${standard.id}: ${check.message}`, jsonPath(["discretion", standard.id, "rating"]));
    }
    rating = decision.rating;
    discretion = { from: calculatedRating, to: decision.rating, note: decision.note.trim() };
  }
  return {
    id,
    title,
    domain,
    basis,
    scored,
    keyQuestions,
    keyQuestionsWithoutFigures,
    lowestKeyQuestion: lowest.id,
    calculatedRating,
    rating,
    discretion,
    score: standard.scored ? ratingPoints(rating) : null,
  };
}

function keyQuestionResult(id: string, figures: KeyQuestionFigures): KeyQuestionResult {
  if ("percentYes" in figures) {
    return { id, yes: null, applicable: null, percentYes: figures.percentYes, band: keyQuestionBand(figures.percentYes) };
  }
  const applicable = figures.yes + figures.no;
  const percent = percentYes(figures.yes, applicable);
  return { id, yes: figures.yes, applicable, percentYes: percent, band: keyQuestionBand(percent) };
}

function rateByJudgement(standard: Standard, judgement: Rating | null): StandardResult {
  return {
    id: standard.id,
    title: standard.title,
    domain: standard.domainTitle,
    basis: standard.basis,
    scored: standard.scored,
    keyQuestions: [],
    keyQuestionsWithoutFigures: [],
    lowestKeyQuestion: null,
    calculatedRating: null,
    rating: judgement,
    discretion: null,
    score: judgement !== null && standard.scored ? ratingPoints(judgement) : null,
  };
}
