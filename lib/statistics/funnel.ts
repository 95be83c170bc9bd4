// Funnel-plot control limits for a proportion (an inspector's yes-rate on a key question) around a
// target (the rest of the team's yes-rate), and where a unit falls against them. Pure: no I/O.
//
// Limits are exact binomial, read from the tails of X ~ Binomial(n, θ) with no approximation:
// a unit with y yes out of n is above the 95% limit when P(X ≥ y) < 2.5%, below it when P(X ≤ y)
// < 2.5% (0.1% each side for 99.8%), so the upper limit drawn is the highest rate not flagged. An
// inspector answers a key question for a handful of cases, where the normal approximation's limits
// leave [0, 1] and miss the skew of a yes-rate near 100%. Spiegelhalter (2005, "Funnel plots for
// comparing institutional performance", Stat Med 24:1185–1202) smooths these steps by interpolating
// between counts; that interpolation puts the upper limit just under 100% whatever the target, so
// an inspector who said yes to every case would be flagged even where the team says yes 99% of the
// time. The steps are kept instead: what is drawn is exactly what is flagged.
//
// Comparing one unit with the rest of its group (an inspector against the rest of the team) is
// different: the rest's rate is itself estimated, often from a few answers, and treating it as known
// would flag a single "no" whenever the rest happened to say yes every time. comparisonLimits and
// comparisonPosition therefore condition on the group's total yes answers: given T yes among the
// N answers of unit and rest together, the unit's yes count X is hypergeometric (N, T, n) when they
// judge alike, and the tails above are read from that distribution instead (Fisher's exact test,
// one-sided at 2.5% and 0.1% each way).
// A flag is information for the lead and moderator, never a block: a unit beyond the limits is
// unusual for its sample size, not wrong.

export interface FunnelLimits {
  readonly n: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export type FunnelPosition = "within" | "high95" | "high998" | "low95" | "low998";

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS.push(LOG_FACTORIALS[i - 1]! + Math.log(i));
  return LOG_FACTORIALS[n]!;
}

/** P(X = k) for X ~ Binomial(n, θ), computed in logs so large n does not underflow. */
function binomialPmf(k: number, n: number, theta: number): number {
  if (theta === 0) return k === 0 ? 1 : 0;
  if (theta === 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(theta) + (n - k) * Math.log1p(-theta));
}

function checkArguments(n: number, theta: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`A funnel limit needs a whole denominator ≥ 1 (got ${n})`);
  if (!(theta >= 0 && theta <= 1)) throw new RangeError(`A funnel target must be a proportion 0–1 (got ${theta})`);
}

/** Highest count y with P(X ≥ y) ≥ tail: any count above it is flagged high. */
function highestUnflaggedCount(tail: number, n: number, theta: number): number {
  // P(X ≥ y) = 1 − P(X ≤ y − 1) falls as y rises; find the first y where it drops below the tail.
  let cumulativeBelow = 0; // P(X ≤ y − 1)
  for (let y = 0; y <= n; y++) {
    if (1 - cumulativeBelow < tail) return y - 1;
    cumulativeBelow += binomialPmf(y, n, theta);
  }
  return n;
}

/** Highest rate y/n with P(X ≥ y) ≥ tail, X ~ Binomial(n, θ): any rate above it is flagged. */
export function upperLimit(tail: number, n: number, theta: number): number {
  checkArguments(n, theta);
  return highestUnflaggedCount(tail, n, theta) / n;
}

/** Lowest rate y/n with P(X ≤ y) ≥ tail: any rate below it is flagged. */
export function lowerLimit(tail: number, n: number, theta: number): number {
  checkArguments(n, theta);
  // X ≤ y under θ is n − X ≥ n − y under 1 − θ.
  return (n - highestUnflaggedCount(tail, n, 1 - theta)) / n;
}

/** P(X = k) for X ~ Hypergeometric: k successes in n draws from N items of which K are successes. */
function hypergeometricPmf(k: number, N: number, K: number, n: number): number {
  if (k < Math.max(0, n - (N - K)) || k > Math.min(n, K)) return 0;
  return Math.exp(logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n));
}

/** Highest count y with P(X ≥ y) ≥ tail under the hypergeometric: any count above it is flagged high. */
function highestUnflaggedConditional(tail: number, N: number, K: number, n: number): number {
  let cumulativeBelow = 0;
  for (let y = 0; y <= n; y++) {
    if (1 - cumulativeBelow < tail) return y - 1;
    cumulativeBelow += hypergeometricPmf(y, N, K, n);
  }
  return n;
}

function checkComparison(yes: number, n: number, restYes: number, restN: number): void {
  for (const [name, value] of Object.entries({ yes, n, restYes, restN })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0 (got ${value})`);
  }
  if (n === 0 || restN === 0) throw new RangeError("A comparison needs answers on both sides");
  if (yes > n || restYes > restN) throw new RangeError("yes cannot exceed its number of answers");
}

/**
 * The 95% and 99.8% limits for a unit of n answers compared with the rest of its group (restYes of
 * restN), conditional on the group's total yes answers (see the header comment).
 */
export function comparisonLimits(n: number, yes: number, restYes: number, restN: number): FunnelLimits {
  checkComparison(yes, n, restYes, restN);
  const N = n + restN;
  const K = yes + restYes;
  const upper = (tail: number) => highestUnflaggedConditional(tail, N, K, n) / n;
  // X ≤ y among the unit's yes is n − X ≥ n − y among its no answers, of which there are N − K.
  const lower = (tail: number) => (n - highestUnflaggedConditional(tail, N, N - K, n)) / n;
  return { n, lower95: lower(0.025), upper95: upper(0.025), lower998: lower(0.001), upper998: upper(0.001) };
}

/** Where yes of n falls against the rest of its group's restYes of restN (Fisher's exact test, one-sided each way). */
export function comparisonPosition(yes: number, n: number, restYes: number, restN: number): FunnelPosition {
  return positionAgainst(yes, n, comparisonLimits(n, yes, restYes, restN));
}

function positionAgainst(yes: number, n: number, limits: FunnelLimits): FunnelPosition {
  const rate = yes / n;
  if (rate > limits.upper998) return "high998";
  if (rate < limits.lower998) return "low998";
  if (rate > limits.upper95) return "high95";
  if (rate < limits.lower95) return "low95";
  return "within";
}

/** The 95% and 99.8% limits for a denominator n around the target proportion. */
export function funnelLimits(n: number, target: number): FunnelLimits {
  return {
    n,
    lower95: lowerLimit(0.025, n, target),
    upper95: upperLimit(0.025, n, target),
    lower998: lowerLimit(0.001, n, target),
    upper998: upperLimit(0.001, n, target),
  };
}

/**
 * Where `yes` out of `n` falls against the target's limits: strictly beyond a limit to be flagged,
 * so a rate exactly on a limit is "within".
 */
export function funnelPosition(yes: number, n: number, target: number): FunnelPosition {
  if (!Number.isInteger(yes) || yes < 0 || yes > n) throw new RangeError(`yes must be a whole number 0–${n} (got ${yes})`);
  return positionAgainst(yes, n, funnelLimits(n, target));
}

/** Plain words for a position, for tables and screen readers. */
export function describeFunnelPosition(position: FunnelPosition): string {
  switch (position) {
    case "within":
      return "within the 95% limits";
    case "high95":
      return "above the 95% limit";
    case "high998":
      return "above the 99.8% limit";
    case "low95":
      return "below the 95% limit";
    case "low998":
      return "below the 99.8% limit";
  }
}

/** Points along the funnel from n = 1 to maxN, for drawing its curves. */
export function funnelCurve(target: number, maxN: number): FunnelLimits[] {
  if (!Number.isInteger(maxN) || maxN < 1) throw new RangeError(`A funnel needs a largest denominator ≥ 1 (got ${maxN})`);
  return Array.from({ length: maxN }, (_, i) => funnelLimits(i + 1, target));
}
