// Decision support for the ratings panel: how far each key question is from the next band, how
// uncertain each proportion is on a small sample, and where discretion is open. Advisory only: it
// never changes a rating.

import type { Rating } from "@/lib/framework";
import { bandAbove, bandBelow, bandMinimum, keyQuestionBand, percentYes } from "./bands";
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
  /**
   * Fewest of this sample's "no" answers that, judged "yes" instead, would lift the key question into
   * the next band up (same applicable count); null at Outstanding.
   */
  readonly noToYesToRaiseBand: number | null;
  /**
   * Fewest of this sample's "yes" answers that, judged "no" instead, would drop the key question a
   * band (same applicable count); null at Inadequate.
   */
  readonly yesToNoToDropBand: number | null;
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
        noToYesToRaiseBand: noToYesToRaiseBand(kq.yes, kq.applicable),
        yesToNoToDropBand: yesToNoToDropBand(kq.yes, kq.applicable),
        interval80: wilsonInterval(kq.yes, kq.applicable, Z_80),
      });
    }
    const lowest = standard.keyQuestions.find((k) => k.id === standard.lowestKeyQuestion);
    standards.push(discretionSupport(standard.id, standard.calculatedRating, lowest?.percentYes ?? null));
  }
  return { keyQuestions, standards };
}

// The panel reasons about its fixed sample: the applicable count stays, and answers are judged
// differently. Rounded-half-up % >= T  <=>  floor((200y + a) / 2a) >= T  <=>  200y >= a(2T − 1), so
// the fewest yes answers that reach band minimum T is ceil(a(2T − 1) / 200).

/**
 * Fewest "no" answers that would have to be "yes" instead (applicable unchanged) to lift the whole %
 * into the next band up; null at Outstanding. Never more than the "no" answers there are, as the
 * Outstanding minimum (80%) is below 100%.
 */
export function noToYesToRaiseBand(yes: number, applicable: number): number | null {
  const up = bandAbove(keyQuestionBand(percentYes(yes, applicable)));
  if (up === null) return null;
  // Smallest y' with 200y' >= a(2T − 1); y < y' as the current band is below T.
  return yesNeededFor(bandMinimum(up), applicable) - yes;
}

/**
 * Fewest "yes" answers that would have to be "no" instead (applicable unchanged) to drop the whole %
 * into the band below; null at Inadequate. Never more than the "yes" answers there are, as every
 * band above Inadequate needs at least one.
 */
export function yesToNoToDropBand(yes: number, applicable: number): number | null {
  const band = keyQuestionBand(percentYes(yes, applicable));
  if (bandBelow(band) === null) return null;
  // Largest y' below the current band's minimum is (yes needed for it) − 1; y >= that minimum.
  return yes - (yesNeededFor(bandMinimum(band), applicable) - 1);
}

/** Fewest yes answers out of `applicable` whose rounded whole % reaches `minPercent`: ceil(a(2T − 1) / 200). */
function yesNeededFor(minPercent: number, applicable: number): number {
  return Math.floor((applicable * (2 * minPercent - 1) + 199) / 200);
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
