// Sample size for a case sample (framework.md section 7 and "Product decisions").
//
// n0 = z²·p(1−p)/e², then the finite population correction n = n0 / (1 + (n0 − 1)/N), rounded up.
// HMIP states 80% confidence with a margin of 5 for the 2018 framework only; for 2021+ it is an
// assumption, which is why the UI shows SAMPLE_SIZE_METHOD beside the number.

export const SAMPLE_SIZE_METHOD =
  "80% confidence, ±5 percentage points, p = 0.5, finite population correction — the method stated for the 2018 framework; an assumption for 2021+";

export interface SampleSizeOptions {
  /** Two-sided confidence level, strictly between 0 and 1. Default 0.8. */
  confidence?: number;
  /** Margin of error as a proportion (0.05 = ±5 percentage points). Default 0.05. */
  margin?: number;
  /** Assumed proportion; 0.5 is the most conservative. Default 0.5. */
  p?: number;
}

// The framework's worked figure uses z = 1.2816 for 80%; published four-decimal values for the usual
// levels keep results identical to hand calculations rather than to a numerical approximation.
const TABULATED_Z: ReadonlyMap<number, number> = new Map([
  [0.8, 1.2816],
  [0.85, 1.4395],
  [0.9, 1.6449],
  [0.95, 1.96],
  [0.98, 2.3263],
  [0.99, 2.5758],
]);

/** z such that P(|Z| ≤ z) = confidence for a standard normal Z. */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError("confidence must be strictly between 0 and 1");
  }
  const tabulated = TABULATED_Z.get(confidence);
  if (tabulated !== undefined) return tabulated;
  return inverseStandardNormal(1 - (1 - confidence) / 2);
}

/** n0, the sample size for an infinite population, before rounding. */
export function infinitePopulationSampleSize(options: SampleSizeOptions = {}): number {
  const { confidence = 0.8, margin = 0.05, p = 0.5 } = options;
  if (!(margin > 0 && margin < 1)) throw new RangeError("margin must be strictly between 0 and 1");
  if (!(p > 0 && p < 1)) throw new RangeError("p must be strictly between 0 and 1");
  const z = zForConfidence(confidence);
  return (z * z * p * (1 - p)) / (margin * margin);
}

/**
 * Cases to sample from an eligible population of `populationSize` cases: never more than the
 * population, 0 for an empty population.
 */
export function sampleSize(populationSize: number, options: SampleSizeOptions = {}): number {
  if (!Number.isSafeInteger(populationSize) || populationSize < 0) {
    throw new RangeError("populationSize must be a whole number of cases, 0 or more");
  }
  const n0 = infinitePopulationSampleSize(options);
  if (populationSize === 0) return 0;
  const corrected = n0 / (1 + (n0 - 1) / populationSize);
  // The tolerance stops float noise (e.g. 1.0000000000000002 for N = 1) from adding a whole case.
  const roundedUp = Math.ceil(corrected - 1e-9);
  return Math.min(populationSize, Math.max(1, roundedUp));
}

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9); used
// only for confidence levels that are not tabulated above.
function inverseStandardNormal(probability: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const lowTail = 0.02425;
  if (probability < lowTail) {
    const q = Math.sqrt(-2 * Math.log(probability));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (probability > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(1 - probability));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = probability - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
