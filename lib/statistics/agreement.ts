// Agreement between two assessors who answered the same key questions of the same cases: the
// inspector (first) and the moderator's blind second assessment (second). Pure: no I/O.
//
// Three statistics, each with an 80% confidence interval (the framework's sampling confidence):
//   - percent agreement: agreed / compared, with the Wilson score interval (lib/rating's, as the
//     panel uses for a key question's %), which stays inside [0, 1] even at 100% on a small sample;
//   - Cohen's kappa: (pa − pe) / (1 − pe), pe from each assessor's own yes-rate; standard error by
//     Fleiss, Cohen & Everitt (1969), the large-sample variance without assuming independence;
//   - Gwet's AC1: (pa − pe) / (1 − pe), pe = Σ πk(1 − πk) / (q − 1) from the two assessors' average
//     rates; standard error by Gwet (2008, Br J Math Stat Psychol 61:29–48) for two raters, with no
//     finite-population correction (the cases are a sample of a population larger than it).
// Both intervals are estimate ± z·SE with z = 1.2816 (normal), clamped to [−1, 1]. Kappa is known to
// drop towards 0 or below when nearly every answer is the same (the "kappa paradox"), which is the
// common case for a well-run key question; AC1 does not, which is why both are shown.
//
// The statistics are computed on a q × q table (q = 2 for yes/no) so the same code can be checked
// against the published multi-category worked examples (see agreement.test.ts).

import { wilsonInterval, Z_80 } from "@/lib/rating";
import { groupBy } from "./group-by";

/** One assessor's answer to a key question for a case; null when not (yet) answered. */
export type Judgement = "yes" | "no" | "not_applicable" | null;

export interface JudgementPair {
  /** The inspector's answer. */
  readonly first: Judgement;
  /** The second assessor's (moderator's) answer. */
  readonly second: Judgement;
}

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** A statistic that could be computed, or why it could not. */
export type Estimate =
  | { readonly value: number; readonly standardError: number; readonly interval80: Interval; readonly reason: null }
  | { readonly value: null; readonly standardError: null; readonly interval80: null; readonly reason: string };

export interface AgreementSummary {
  /** Every pair given, whatever was answered. */
  readonly pairs: number;
  /** Pairs where both answered yes or no: the statistics are over these. */
  readonly compared: number;
  /** Of those, pairs with the same answer. */
  readonly agreed: number;
  /** The 2 × 2 table of compared pairs (first's answer, then second's). */
  readonly table: { readonly yesYes: number; readonly yesNo: number; readonly noYes: number; readonly noNo: number };
  /**
   * Pairs where exactly one assessor said the key question does not apply to the case and the other
   * answered yes or no. They are a disagreement about applicability, not about the judgement, so they
   * are counted here and left out of the statistics: counting them as agreement or disagreement on
   * yes/no would be a guess about what the other assessor would have judged.
   */
  readonly applicabilityDisagreements: number;
  /** Pairs where both said the key question does not apply: agreement on applicability, also left out. */
  readonly bothNotApplicable: number;
  /** Pairs where either assessor has not answered yet. */
  readonly unanswered: number;
  /** agreed / compared, 0–1. */
  readonly percentAgreement: Estimate;
  readonly kappa: Estimate;
  readonly ac1: Estimate;
}

/** z for a two-sided 80% interval (shared with the panel's Wilson intervals). */
export const AGREEMENT_Z = Z_80;

const NO_PAIRS = "No case where both assessors answered yes or no, so there is nothing to compare.";
const KAPPA_UNDEFINED =
  "Both assessors gave the same single answer to every compared case, so the agreement expected by chance is 1 and kappa is 0/0, undefined (AC1 is defined).";

function missing(reason: string): Estimate {
  return { value: null, standardError: null, interval80: null, reason };
}

const clamp = (x: number) => Math.min(1, Math.max(-1, x));

function estimate(value: number, variance: number): Estimate {
  // Rounding can leave a tiny negative variance where the true one is 0 (perfect agreement).
  const standardError = Math.sqrt(Math.max(0, variance));
  return {
    value,
    standardError,
    interval80: { lower: clamp(value - AGREEMENT_Z * standardError), upper: clamp(value + AGREEMENT_Z * standardError) },
    reason: null,
  };
}

export interface TableStatistics {
  readonly n: number;
  /** Observed agreement pa. */
  readonly observed: number;
  readonly kappa: Estimate;
  readonly ac1: Estimate;
}

/**
 * Kappa and AC1 for a q × q table of counts: table[i][j] = subjects the first rater put in category i
 * and the second in category j (q ≥ 2, counts whole and non-negative).
 */
export function tableAgreement(table: readonly (readonly number[])[]): TableStatistics {
  const q = table.length;
  if (q < 2 || table.some((row) => row.length !== q)) throw new RangeError("An agreement table must be square with at least 2 categories");
  if (table.some((row) => row.some((c) => !Number.isInteger(c) || c < 0))) throw new RangeError("Agreement table counts must be whole numbers ≥ 0");
  const n = table.flat().reduce((a, b) => a + b, 0);
  if (n === 0) return { n, observed: Number.NaN, kappa: missing(NO_PAIRS), ac1: missing(NO_PAIRS) };

  const p = table.map((row) => row.map((c) => c / n));
  const rows = p.map((row) => row.reduce((a, b) => a + b, 0)); // first rater's marginals
  const cols = p[0]!.map((_, j) => p.reduce((a, row) => a + row[j]!, 0)); // second rater's marginals
  const pa = p.reduce((a, row, i) => a + row[i]!, 0);

  // Cohen's kappa, variance of Fleiss, Cohen & Everitt (1969):
  // [Σi pii(1 − (pi. + p.i)(1 − κ))² + (1 − κ)² Σi≠j pij(p.i + pj.)² − (κ − pe(1 − κ))²] / (n(1 − pe)²)
  const peKappa = rows.reduce((a, r, i) => a + r * cols[i]!, 0);
  let kappa: Estimate;
  if (peKappa >= 1 - 1e-12) {
    kappa = missing(KAPPA_UNDEFINED);
  } else {
    const k = (pa - peKappa) / (1 - peKappa);
    let sum = 0;
    for (let i = 0; i < q; i++) {
      for (let j = 0; j < q; j++) {
        const term = (i === j ? 1 : 0) - (1 - k) * (cols[i]! + rows[j]!);
        sum += p[i]![j]! * term * term;
      }
    }
    const centre = k - peKappa * (1 - k);
    kappa = estimate(k, (sum - centre * centre) / (n * (1 - peKappa) ** 2));
  }

  // Gwet's AC1 and its variance for two raters (Gwet 2008, with f = 0):
  // [Σk Σl pkl(δkl − 2(1 − γ)(1 − (πk + πl)/2)/(q − 1))² − (pa − 2(1 − γ)pe)²] / (n(1 − pe)²)
  const pi = rows.map((r, k) => (r + cols[k]!) / 2);
  const peAc1 = pi.reduce((a, x) => a + x * (1 - x), 0) / (q - 1);
  const g = (pa - peAc1) / (1 - peAc1); // pe ≤ 1 − 1/q < 1, so always defined
  let sum = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const term = (k === l ? 1 : 0) - (2 * (1 - g) * (1 - (pi[k]! + pi[l]!) / 2)) / (q - 1);
      sum += p[k]![l]! * term * term;
    }
  }
  const centre = pa - 2 * (1 - g) * peAc1;
  const ac1 = estimate(g, (sum - centre * centre) / (n * (1 - peAc1) ** 2));
  return { n, observed: pa, kappa, ac1 };
}

/** Agreement over paired yes/no judgements; see AgreementSummary for how not-applicable is treated. */
export function agreement(pairs: Iterable<JudgementPair>): AgreementSummary {
  let count = 0;
  let yesYes = 0;
  let yesNo = 0;
  let noYes = 0;
  let noNo = 0;
  let applicabilityDisagreements = 0;
  let bothNotApplicable = 0;
  let unanswered = 0;
  for (const { first, second } of pairs) {
    count++;
    if (first === null || second === null) unanswered++;
    else if (first === "not_applicable" && second === "not_applicable") bothNotApplicable++;
    else if (first === "not_applicable" || second === "not_applicable") applicabilityDisagreements++;
    else if (first === "yes" && second === "yes") yesYes++;
    else if (first === "yes") yesNo++;
    else if (second === "yes") noYes++;
    else noNo++;
  }
  const compared = yesYes + yesNo + noYes + noNo;
  const agreed = yesYes + noNo;
  const table = tableAgreement([
    [yesYes, yesNo],
    [noYes, noNo],
  ]);
  let percentAgreement: Estimate = missing(NO_PAIRS);
  if (compared > 0) {
    const wilson = wilsonInterval(agreed, compared, AGREEMENT_Z);
    const p = agreed / compared;
    percentAgreement = {
      value: p,
      standardError: Math.sqrt((p * (1 - p)) / compared),
      interval80: { lower: wilson.lower / 100, upper: wilson.upper / 100 },
      reason: null,
    };
  }
  return {
    pairs: count,
    compared,
    agreed,
    table: { yesYes, yesNo, noYes, noNo },
    applicabilityDisagreements,
    bothNotApplicable,
    unanswered,
    percentAgreement,
    kappa: table.kappa,
    ac1: table.ac1,
  };
}

/** One key question of one case, answered by the inspector (first) and the second assessor. */
export interface AgreementObservation extends JudgementPair {
  readonly keyQuestionId: string;
  readonly standardId: string;
  /** The inspector who gave the first answer. */
  readonly inspectorId: string;
}

export interface AgreementBreakdown {
  readonly overall: AgreementSummary;
  /** Keyed by id, in natural order of the ids ("1.10" after "1.9"). */
  readonly byKeyQuestion: ReadonlyMap<string, AgreementSummary>;
  readonly byStandard: ReadonlyMap<string, AgreementSummary>;
  readonly byInspector: ReadonlyMap<string, AgreementSummary>;
}

const naturalOrder = new Intl.Collator("en", { numeric: true }).compare;

function summariesBy(observations: readonly AgreementObservation[], key: (o: AgreementObservation) => string): ReadonlyMap<string, AgreementSummary> {
  const groups = groupBy(observations, key);
  return new Map([...groups.keys()].sort(naturalOrder).map((k) => [k, agreement(groups.get(k)!)]));
}

/** Agreement overall and per key question, standard and inspector. */
export function agreementBreakdown(observations: readonly AgreementObservation[]): AgreementBreakdown {
  return {
    overall: agreement(observations),
    byKeyQuestion: summariesBy(observations, (o) => o.keyQuestionId),
    byStandard: summariesBy(observations, (o) => o.standardId),
    byInspector: summariesBy(observations, (o) => o.inspectorId),
  };
}
