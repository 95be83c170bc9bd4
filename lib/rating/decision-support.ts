// Decision support for the ratings panel: how far each key question is from the next band, how
// uncertain each proportion is on a small sample, and where discretion is open. Advisory only: it
// never changes a rating.

import type { Rating } from "@/lib/framework";
import { bandAbove, bandBelow, bandMinimum, keyQuestionBand } from "./bands";
import { discretionOptions } from "./discretion";
import type { RatingResult } from "./rate-inspection";

/** z for a two-sided 80% interval: the confidence level of the framework's sampling (section 7). */
export const Z_80 = 1.2816;

export interface KeyQuestionSupport {
  readonly id: string;
  readonly standardId: string;
  readonly yes: number;
  readonly applicable: number;
  readonly percentYes: number;
  readonly band: Rating;
  /** More "yes" answers (each adding a case) needed to reach the next band up; null at Outstanding. */
  readonly yesToNextBandUp: number | null;
  /** More "no" answers that would drop it a band; null at Inadequate. */
  readonly noToDropBand: number | null;
  /** Wilson score interval at 80% confidence, as percentages 0–100 (unrounded). */
  readonly interval80: { readonly lower: number; readonly upper: number };
}

export interface StandardDiscretionSupport {
  readonly id: string;
  /** Lowest key question's whole %; null when unrated. */
  readonly lowestPercentYes: number | null;
  readonly calculatedRating: Rating | null;
  readonly eligible: boolean;
  /** Ratings the 5-point rule allows the panel to choose instead of the calculated one. */
  readonly allowedRatings: readonly Rating[];
  readonly explanation: string;
}

export interface DecisionSupport {
  /** Only key questions given as counts: a published % alone has no sample to reason about. */
  readonly keyQuestions: readonly KeyQuestionSupport[];
  /** Every case-rated standard. */
  readonly standards: readonly StandardDiscretionSupport[];
}

export function decisionSupport(result: RatingResult): DecisionSupport {
  const keyQuestions: KeyQuestionSupport[] = [];
  const standards: StandardDiscretionSupport[] = [];
  for (const standard of result.standards) {
    if (standard.basis !== "cases") continue;
    for (const kq of standard.keyQuestions) {
      if (kq.yes === null || kq.applicable === null) continue;
      keyQuestions.push({
        id: kq.id,
        standardId: standard.id,
        yes: kq.yes,
        applicable: kq.applicable,
        percentYes: kq.percentYes,
        band: kq.band,
        yesToNextBandUp: yesToNextBandUp(kq.yes, kq.applicable),
        noToDropBand: noToDropBand(kq.yes, kq.applicable),
        interval80: wilsonInterval(kq.yes, kq.applicable, Z_80),
      });
    }
    const lowest = standard.keyQuestions.find((k) => k.id === standard.lowestKeyQuestion);
    standards.push(discretionSupport(standard.id, standard.calculatedRating, lowest?.percentYes ?? null));
  }
  return { keyQuestions, standards };
}

// Rounded-half-up % >= T  <=>  floor((200y + a) / 2a) >= T  <=>  200y >= a(2T − 1).

/** Fewest extra yes answers (added to yes and applicable) that lift the whole % into the next band up. */
export function yesToNextBandUp(yes: number, applicable: number): number | null {
  const up = bandAbove(keyQuestionBand(percentFromCounts(yes, applicable)));
  if (up === null) return null;
  const t2 = 2 * bandMinimum(up) - 1;
  // Smallest k >= 0 with 200(y + k) >= (a + k)(2T − 1), i.e. k(201 − 2T) >= a(2T − 1) − 200y.
  const shortfall = applicable * t2 - 200 * yes;
  return Math.max(0, Math.ceil(shortfall / (200 - t2)));
}

/** Fewest extra no answers (added to applicable) that drop the whole % into the band below. */
export function noToDropBand(yes: number, applicable: number): number | null {
  const band = keyQuestionBand(percentFromCounts(yes, applicable));
  if (bandBelow(band) === null) return null;
  const t2 = 2 * bandMinimum(band) - 1;
  // Smallest k >= 0 with 200y < (a + k)(2T − 1).
  return Math.max(0, Math.floor((200 * yes) / t2) + 1 - applicable);
}

/** Wilson score interval for yes/applicable, in percent. */
export function wilsonInterval(yes: number, applicable: number, z: number): { lower: number; upper: number } {
  const n = applicable;
  const p = yes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: 100 * Math.max(0, centre - half), upper: 100 * Math.min(1, centre + half) };
}

function percentFromCounts(yes: number, applicable: number): number {
  return Math.floor((200 * yes + applicable) / (2 * applicable));
}

function discretionSupport(id: string, calculated: Rating | null, lowestPercent: number | null): StandardDiscretionSupport {
  if (calculated === null || lowestPercent === null) {
    return {
      id,
      lowestPercentYes: null,
      calculatedRating: null,
      eligible: false,
      allowedRatings: [],
      explanation: "No key question figures yet, so there is no calculated rating to move.",
    };
  }
  const options = discretionOptions(calculated, lowestPercent);
  const allowed = options.filter((o) => o.allowed);
  const explanation = options
    .map(
      (o) =>
        `${o.direction === "up" ? "Up" : "Down"} to '${o.to}': ${lowestPercent}% is ${o.gap} point${o.gap === 1 ? "" : "s"} from the ${o.boundary}% boundary, ${o.allowed ? "within" : "outside"} the 5-point rule.`,
    )
    .join(" ");
  return {
    id,
    lowestPercentYes: lowestPercent,
    calculatedRating: calculated,
    eligible: allowed.length > 0,
    allowedRatings: allowed.map((o) => o.to),
    explanation,
  };
}
