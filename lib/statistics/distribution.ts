// Distributions across inspections for the programme view: quantiles, box-plot summaries,
// percentile ranks and the score histogram. Pure: no I/O.
//
// Definitions, fixed so that figures can be checked by hand and match common tools:
//   - quantile: Hyndman & Fan (1996) type 7, linear interpolation between order statistics at
//     h = (n − 1)p (the default of R, NumPy and spreadsheet PERCENTILE.INC); median = quantile 0.5,
//     IQR = Q3 − Q1;
//   - box-plot whiskers: Tukey's, to the furthest values within 1.5 × IQR of the quartiles; values
//     beyond are listed as outliers;
//   - percentile rank: mid-rank, 100 × (values below + ½ × values equal) / n, so ties share one rank
//     and a value in the middle of identical values is at the 50th percentile.
// Key questions and scores mean different things under different framework versions, so every
// function that takes tagged values refuses a mix (see oneFrameworkVersion).

/** A figure from one inspection, tagged with the framework version it was assessed under. */
export interface VersionedValue {
  readonly frameworkVersion: string;
  readonly value: number;
}

export class MixedFrameworkVersionsError extends Error {
  constructor(readonly versions: readonly string[]) {
    super(
      `Figures from different framework versions (${versions.join(", ")}) cannot be compared in one distribution: their key questions and scores differ. Choose one framework version.`,
    );
    this.name = "MixedFrameworkVersionsError";
  }
}

/**
 * The one framework version all values share (null when there are none); throws
 * MixedFrameworkVersionsError when there is more than one.
 */
export function oneFrameworkVersion(values: readonly { readonly frameworkVersion: string }[]): string | null {
  const first = values[0]?.frameworkVersion ?? null;
  for (const v of values) {
    if (v.frameworkVersion !== first) throw new MixedFrameworkVersionsError([...new Set(values.map((x) => x.frameworkVersion))].sort());
  }
  return first;
}

/** The plain numbers of versioned values, after checking they share one framework version. */
export function valuesOfOneVersion(values: readonly VersionedValue[]): number[] {
  oneFrameworkVersion(values);
  return values.map((v) => v.value);
}

function checkFinite(values: readonly number[]): void {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`Distribution values must be finite numbers (got ${v})`);
}

// A typed array sorts numerically without a comparator, several times faster than Array#sort with
// one (see the statistics section of `npm run bench`).
function sortedFinite(values: readonly number[]): Float64Array {
  checkFinite(values);
  return Float64Array.from(values).sort();
}

/** Type 7 quantile of already sorted values (not empty). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (h - below) * (upper - lower);
}

/** Hyndman–Fan type 7 quantile, p in [0, 1]; null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile is taken at p from 0 to 1 (got ${p})`);
  if (values.length === 0) return null;
  return quantileOfSorted(sortedFinite(values), p);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Interquartile range Q3 − Q1 (type 7); null for no values. */
export function interquartileRange(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = sortedFinite(values);
  return quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
}

export interface BoxSummary {
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
  readonly iqr: number;
  /** Tukey's whiskers: the furthest values within 1.5 × IQR of the quartiles (never inside the box). */
  readonly lowerWhisker: number;
  readonly upperWhisker: number;
  /** Values beyond the whiskers, ascending. */
  readonly outliers: readonly number[];
}

/** Five-number summary with Tukey whiskers for a box plot; null for no values. */
export function boxSummary(values: readonly number[]): BoxSummary | null {
  if (values.length === 0) return null;
  const sorted = sortedFinite(values);
  const q1 = quantileOfSorted(sorted, 0.25);
  const q3 = quantileOfSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lowFence = q1 - 1.5 * iqr;
  const highFence = q3 + 1.5 * iqr;
  // Sorted, so the values inside the fences are one run: walk in from each end.
  let first = 0;
  while (first < sorted.length && sorted[first]! < lowFence) first++;
  let last = sorted.length - 1;
  while (last >= 0 && sorted[last]! > highFence) last--;
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1,
    median: quantileOfSorted(sorted, 0.5),
    q3,
    max: sorted[sorted.length - 1]!,
    iqr,
    // With no value between a fence and its quartile (e.g. 0, 0, 5, 5, 5, 5, 5, 5: Q1 = 3.75), the
    // whisker stops at the quartile, as matplotlib's does, rather than inside the box.
    lowerWhisker: Math.min(sorted[first]!, q1),
    upperWhisker: Math.max(sorted[last]!, q3),
    outliers: [...sorted.subarray(0, first), ...sorted.subarray(last + 1)],
  };
}

/**
 * Mid-rank percentile of `value` among `population` (0–100): 100 × (below + ½ × equal) / n.
 * Whether the population includes the value itself is the caller's choice (the programme view
 * includes the inspection, so "31st percentile of 40 inspections" counts it among the 40).
 * Null for an empty population.
 */
export function percentileRank(value: number, population: readonly number[]): number | null {
  if (!Number.isFinite(value)) throw new RangeError(`A percentile rank is taken of a finite number (got ${value})`);
  if (population.length === 0) return null;
  checkFinite(population);
  let below = 0;
  let equal = 0;
  for (const v of population) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return (100 * (below + equal / 2)) / population.length;
}

/** percentileRank for versioned figures: the value and its population must share one framework version. */
export function percentileRankOfOneVersion(value: VersionedValue, population: readonly VersionedValue[]): number | null {
  oneFrameworkVersion([value, ...population]);
  return percentileRank(
    value.value,
    population.map((v) => v.value),
  );
}

export interface HistogramBin {
  /** The whole score this bin counts. */
  readonly score: number;
  readonly count: number;
}

/** Count of inspections at each whole score 0–maxScore, the version's (every score present, zeros included). */
export function scoreHistogram(scores: readonly number[], maxScore: number): HistogramBin[] {
  const counts = Array.from({ length: maxScore + 1 }, () => 0);
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0 || s > maxScore) throw new RangeError(`A score is a whole number 0–${maxScore} (got ${s})`);
    counts[s]!++;
  }
  return counts.map((count, score) => ({ score, count }));
}
