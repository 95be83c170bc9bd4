// Bands, points and the overall rating (framework.md 6.1, 6.2 and 6.4). All arithmetic on whole
// numbers: published figures are whole percentages and the bands are written on whole numbers.

import { RATINGS, allStandards, type Framework, type Rating } from "@/lib/framework";

/** Lowest whole % 'yes' of each band, best first. A figure is in the first band whose minimum it reaches. */
export const BAND_MINIMUMS: readonly { readonly rating: Rating; readonly minPercent: number }[] = Object.freeze([
  Object.freeze({ rating: "Outstanding", minPercent: 80 }),
  Object.freeze({ rating: "Good", minPercent: 65 }),
  Object.freeze({ rating: "Requires improvement", minPercent: 50 }),
  Object.freeze({ rating: "Inadequate", minPercent: 0 }),
] as const);

/**
 * % yes = yes / applicable × 100, rounded half up to a whole number. Integer arithmetic so that
 * 64.5 is exactly 65 and never 64.49999 (no float drift).
 */
export function percentYes(yes: number, applicable: number): number {
  if (!Number.isSafeInteger(yes) || !Number.isSafeInteger(applicable) || yes < 0 || applicable <= 0 || yes > applicable) {
    throw new RangeError(`percentYes needs whole numbers 0 <= yes <= applicable, applicable > 0 (got ${yes}/${applicable})`);
  }
  return Math.floor((200 * yes + applicable) / (2 * applicable));
}

/** The band of a whole-number % 'yes' (0–100). */
export function keyQuestionBand(percent: number): Rating {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`A band is read from a whole number 0–100 (got ${percent})`);
  }
  const band = BAND_MINIMUMS.find((b) => percent >= b.minPercent);
  // Unreachable: the last band starts at 0.
  if (!band) throw new RangeError(`No band for ${percent}`);
  return band.rating;
}

/** Lowest whole % of a band (0 for Inadequate). */
export function bandMinimum(rating: Rating): number {
  return BAND_MINIMUMS.find((b) => b.rating === rating)?.minPercent ?? 0;
}

/** 0 = Outstanding … 3 = Inadequate: position in RATINGS, best first. */
export function ratingRank(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

/** The rating one band better, or null from Outstanding. */
export function bandAbove(rating: Rating): Rating | null {
  return RATINGS[ratingRank(rating) - 1] ?? null;
}

/** The rating one band worse, or null from Inadequate. */
export function bandBelow(rating: Rating): Rating | null {
  return RATINGS[ratingRank(rating) + 1] ?? null;
}

export function isBetterThan(a: Rating, b: Rating): boolean {
  return ratingRank(a) < ratingRank(b);
}

/** The worse of two ratings (the lowest-band rule). */
export function worseOf(a: Rating, b: Rating): Rating {
  return ratingRank(a) >= ratingRank(b) ? a : b;
}

export const POINTS: Readonly<Record<Rating, number>> = Object.freeze({
  Inadequate: 0,
  "Requires improvement": 1,
  Good: 2,
  Outstanding: 3,
});

export function ratingPoints(rating: Rating): number {
  return POINTS[rating];
}

/** The most a version's score can be: Outstanding's points for each of its scored standards (36 for twelve). */
export function maxScoreOf(fw: Framework): number {
  return POINTS.Outstanding * allStandards(fw).filter((standard) => standard.scored).length;
}

/** The version's overall bands, best first, each with the whole scores it covers (0–6, 7–18, … for twelve standards). */
export function overallBandRanges(fw: Framework): readonly { readonly rating: Rating; readonly from: number; readonly to: number }[] {
  const bands = fw.rules.overallBands;
  return bands.map((band, i) => ({ rating: band.rating, from: band.minScore, to: i === 0 ? maxScoreOf(fw) : bands[i - 1]!.minScore - 1 }));
}

/** The overall rating of a complete score, on the version's bands (framework.md 6.4). */
export function overallRatingForScore(fw: Framework, score: number): Rating {
  const max = maxScoreOf(fw);
  if (!Number.isInteger(score) || score < 0 || score > max) {
    throw new RangeError(`An overall rating of ${fw.version} is read from a whole score 0–${max} (got ${score})`);
  }
  const band = fw.rules.overallBands.find((b) => score >= b.minScore);
  if (!band) throw new RangeError(`No overall band for ${score}`);
  return band.rating;
}
