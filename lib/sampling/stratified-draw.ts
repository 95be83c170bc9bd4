// Stratified random sample that keeps the population's ratios of gender, disposal type, risk of
// serious harm and safety and wellbeing classification (framework.md section 7, S2 Annexe 1).
//
// Method:
//  1. Sort the population by reference (so file order cannot change the draw), then shuffle it with
//     the seeded PRNG: the shuffled order is the random element of the draw.
//  2. Stratify on the combination of all attributes and give each stratum its share of the places by
//     the largest-remainder (Hamilton) method; ties go to the stratum met first in shuffled order.
//  3. Full cross-strata are tiny, so (2) alone can leave a single attribute off its share by several
//     cases. Repair: move one place at a time from one stratum to another, choosing the move that
//     most reduces (first) how far counts are outside ±1 of their share and (then) the sum of
//     squared deviations, until every attribute value's count is within one case of
//     sample size × population share.
//  4. Within each stratum, take cases in shuffled order.
// Draw each stream separately with its own size (drawSampleByStream); within one stream the stream
// attribute is trivially in proportion.

import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import type { PopulationRow } from "@/lib/population/population-row";
import { createSeededRandom, SEEDED_RANDOM_ALGORITHM, seededShuffle, type Seed } from "./seeded-random";

export const SAMPLING_ATTRIBUTES = ["stream", "gender", "disposalType", "rosh", "safetyWellbeing"] as const;
export type SamplingAttribute = (typeof SAMPLING_ATTRIBUTES)[number];

export const SAMPLING_ATTRIBUTE_LABELS: Readonly<Record<SamplingAttribute, string>> = Object.freeze({
  stream: "Stream",
  gender: "Gender",
  disposalType: "Disposal type",
  rosh: "Risk of serious harm",
  safetyWellbeing: "Safety and wellbeing",
});

/** What the draw needs of a case; PopulationRow satisfies it. */
export type SamplingUnit = Pick<PopulationRow, "reference" | SamplingAttribute>;

export interface ProportionComparisonRow {
  attribute: SamplingAttribute;
  /** The attribute's code, e.g. "female" or "referral_order". */
  value: string;
  populationCount: number;
  /** 0..1 */
  populationShare: number;
  sampleCount: number;
  /** 0..1; 0 for an empty sample */
  sampleShare: number;
  /** sample size × population share: the count a perfectly proportional sample would have. */
  proportionalCount: number;
}

export interface StratifiedSample {
  /** Selected case references, sorted by code unit order. */
  ids: string[];
  /** Plain-language account of how the sample was drawn, for the audit record and the UI. */
  method: string;
  proportions: ProportionComparisonRow[];
  /** Every attribute value's sample count is within one case of its proportional count. */
  withinOneOfShare: boolean;
}

export function drawStratifiedSample(population: readonly SamplingUnit[], size: number, seed: Seed): StratifiedSample {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError("size must be a whole number, 0 or more");
  assertUniqueReferences(population);
  const populationSize = population.length;
  const seedText = typeof seed === "number" ? String(seed) : JSON.stringify(seed);

  let selected: SamplingUnit[];
  let method: string;
  if (size >= populationSize) {
    selected = [...population];
    method = `Every eligible case taken: the sample size (${size}) is at least the population (${populationSize}).`;
  } else if (size === 0) {
    selected = [];
    method = "No cases taken: the sample size is 0.";
  } else {
    selected = drawFromStrata(population, size, seed);
    method =
      `Stratified random sample of ${size} from ${populationSize} eligible cases. Cases sorted by reference, then shuffled ` +
      `with seed ${seedText} (${SEEDED_RANDOM_ALGORITHM}). Strata: every combination of stream, gender, disposal type, ` +
      `risk of serious harm and safety and wellbeing classification; places given to strata by the largest-remainder ` +
      `(Hamilton) method, then moved between strata until each attribute's count is within one case of its ` +
      `proportional share; cases taken from each stratum in shuffled order.`;
  }

  const ids = selected.map((unit) => unit.reference).sort(compareCodeUnits);
  const proportions = compareProportions(population, ids);
  const withinOneOfShare = proportions.every((row) => Math.abs(row.sampleCount - row.proportionalCount) <= 1 + 1e-9);
  if (!withinOneOfShare) {
    method += " The population's make-up did not allow every attribute within one case of its share; see the proportions table.";
  }
  return { ids, method, proportions, withinOneOfShare };
}

export interface StreamSample extends StratifiedSample {
  stream: Stream;
  /** The seed this stream was drawn with: the inspection's seed and the stream code. */
  streamSeed: string;
}

/**
 * Draws each stream separately with its own size. Streams without a size are not sampled; a stream
 * is seeded with `${seed}/${stream}` so changing one stream's size does not redraw the others.
 */
export function drawSampleByStream(
  population: readonly SamplingUnit[],
  sizes: Partial<Record<Stream, number>>,
  seed: Seed,
): StreamSample[] {
  assertUniqueReferences(population);
  const samples: StreamSample[] = [];
  for (const stream of STREAMS) {
    const size = sizes[stream];
    if (size === undefined) continue;
    const streamSeed = `${String(seed)}/${stream}`;
    const streamPopulation = population.filter((unit) => unit.stream === stream);
    samples.push({ stream, streamSeed, ...drawStratifiedSample(streamPopulation, size, streamSeed) });
  }
  return samples;
}

/**
 * Population against sample, per attribute value present in the population, in SAMPLING_ATTRIBUTES
 * order and then by value code.
 */
export function compareProportions(
  population: readonly SamplingUnit[],
  sampleIds: Iterable<string>,
): ProportionComparisonRow[] {
  const sampled = new Set(sampleIds);
  const sample = population.filter((unit) => sampled.has(unit.reference));
  const rows: ProportionComparisonRow[] = [];
  for (const attribute of SAMPLING_ATTRIBUTES) {
    const populationCounts = countBy(population, attribute);
    const sampleCounts = countBy(sample, attribute);
    for (const value of [...populationCounts.keys()].sort(compareCodeUnits)) {
      const populationCount = populationCounts.get(value) ?? 0;
      const sampleCount = sampleCounts.get(value) ?? 0;
      const populationShare = populationCount / population.length;
      rows.push({
        attribute,
        value,
        populationCount,
        populationShare,
        sampleCount,
        sampleShare: sample.length === 0 ? 0 : sampleCount / sample.length,
        proportionalCount: sample.length * populationShare,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------

interface Stratum {
  units: SamplingUnit[];
  /** Index into valueIndex per attribute: which marginal this stratum counts towards. */
  marginals: number[];
  allocated: number;
}

function drawFromStrata(population: readonly SamplingUnit[], size: number, seed: Seed): SamplingUnit[] {
  const sorted = [...population].sort((a, b) => compareCodeUnits(a.reference, b.reference));
  const shuffled = seededShuffle(sorted, createSeededRandom(seed));
  const populationSize = shuffled.length;

  // One index per (attribute, value) marginal.
  const marginalIndex = new Map<string, number>();
  const marginalPopulation: number[] = [];
  const strataByKey = new Map<string, Stratum>();
  for (const unit of shuffled) {
    const marginals = SAMPLING_ATTRIBUTES.map((attribute) => {
      const key = `${attribute}\u0000${unit[attribute]}`;
      let index = marginalIndex.get(key);
      if (index === undefined) {
        index = marginalPopulation.length;
        marginalIndex.set(key, index);
        marginalPopulation.push(0);
      }
      marginalPopulation[index] = (marginalPopulation[index] ?? 0) + 1;
      return index;
    });
    const key = marginals.join(",");
    const stratum = strataByKey.get(key);
    if (stratum) stratum.units.push(unit);
    else strataByKey.set(key, { units: [unit], marginals, allocated: 0 });
  }
  // Map order is first appearance in shuffled order, which is the seeded tie-break.
  const strata = [...strataByKey.values()];

  allocateLargestRemainder(strata, size, populationSize);

  // Deviation scaled by the population size keeps every comparison in exact integers:
  // scaled = N × count − size × populationCount, and "within one case" is |scaled| ≤ N.
  const scaledDeviation = marginalPopulation.map((count) => -size * count);
  for (const stratum of strata) {
    for (const marginal of stratum.marginals) {
      scaledDeviation[marginal] = (scaledDeviation[marginal] ?? 0) + populationSize * stratum.allocated;
    }
  }
  repairMarginals(strata, scaledDeviation, populationSize);

  return strata.flatMap((stratum) => stratum.units.slice(0, stratum.allocated));
}

function allocateLargestRemainder(strata: Stratum[], size: number, populationSize: number): void {
  let given = 0;
  const remainders = strata.map((stratum, order) => {
    const numerator = size * stratum.units.length;
    stratum.allocated = Math.floor(numerator / populationSize);
    given += stratum.allocated;
    return { stratum, remainder: numerator % populationSize, order };
  });
  remainders.sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  for (const { stratum } of remainders.slice(0, size - given)) stratum.allocated += 1;
}

function excessOverOne(scaled: number, populationSize: number): number {
  return Math.max(0, Math.abs(scaled) - populationSize);
}

/**
 * Greedy local search: move one place from stratum `from` to stratum `to` while that lowers
 * (total excess beyond ±1, then sum of squared deviations). Stops when nothing is outside ±1 or no
 * move helps. Marginals the two strata share are unchanged by the move, so only differing ones count.
 */
function repairMarginals(strata: Stratum[], scaledDeviation: number[], populationSize: number): void {
  const deviationOf = (marginal: number): number => scaledDeviation[marginal] ?? 0;
  const totalExcess = (): number => scaledDeviation.reduce((sum, d) => sum + excessOverOne(d, populationSize), 0);
  const attributeCount = SAMPLING_ATTRIBUTES.length;
  // Each move strictly lowers a bounded integer objective, so this cap is only a safety net.
  const maxMoves = 10 * (strata.length + populationSize);

  for (let moves = 0; moves < maxMoves && totalExcess() > 0; moves++) {
    let best: { from: Stratum; to: Stratum; excessChange: number; squareChange: number } | null = null;
    for (const from of strata) {
      if (from.allocated === 0) continue;
      for (const to of strata) {
        if (to === from || to.allocated >= to.units.length) continue;
        let excessChange = 0;
        let squareChange = 0;
        for (let a = 0; a < attributeCount; a++) {
          const fromMarginal = from.marginals[a] as number;
          const toMarginal = to.marginals[a] as number;
          if (fromMarginal === toMarginal) continue;
          const dFrom = deviationOf(fromMarginal);
          const dTo = deviationOf(toMarginal);
          excessChange +=
            excessOverOne(dFrom - populationSize, populationSize) -
            excessOverOne(dFrom, populationSize) +
            excessOverOne(dTo + populationSize, populationSize) -
            excessOverOne(dTo, populationSize);
          // (d − N)² − d² + (e + N)² − e², divided by 2N to stay small: e − d + N.
          squareChange += dTo - dFrom + populationSize;
        }
        const improves = excessChange < 0 || (excessChange === 0 && squareChange < 0);
        if (!improves) continue;
        if (
          best === null ||
          excessChange < best.excessChange ||
          (excessChange === best.excessChange && squareChange < best.squareChange)
        ) {
          best = { from, to, excessChange, squareChange };
        }
      }
    }
    if (best === null) return;
    best.from.allocated -= 1;
    best.to.allocated += 1;
    for (const marginal of best.from.marginals) scaledDeviation[marginal] = deviationOf(marginal) - populationSize;
    for (const marginal of best.to.marginals) scaledDeviation[marginal] = deviationOf(marginal) + populationSize;
  }
}

function countBy(units: readonly SamplingUnit[], attribute: SamplingAttribute): Map<string, number> {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit[attribute], (counts.get(unit[attribute]) ?? 0) + 1);
  return counts;
}

function assertUniqueReferences(population: readonly SamplingUnit[]): void {
  const seen = new Set<string>();
  for (const unit of population) {
    if (seen.has(unit.reference)) throw new RangeError("population references must be unique");
    seen.add(unit.reference);
  }
}

/** Locale-independent ordering, so the id order is the same on every machine. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
