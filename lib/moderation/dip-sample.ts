// The moderation dip sample: which of an inspection's cases the moderator second-assesses. Pure.
//
// Method (recorded with each draw, as the main draw records its own):
//  1. Sort the eligible cases by reference (so the order they were read in cannot change the draw),
//     then shuffle them with the seeded PRNG of lib/sampling/seeded-random.ts.
//  2. Strata: each combination of stream and inspector, so every inspector's work in every stream is
//     checked in proportion to how much of it there is. Places go to strata by the largest-remainder
//     (Hamilton) method on their share of the eligible cases; ties to the stratum met first in
//     shuffled order. A stratum never gets more places than it has cases.
//  3. Within each stratum, cases are taken in shuffled order.

import { createSeededRandom, SEEDED_RANDOM_ALGORITHM, seededShuffle, type Seed } from "@/lib/sampling/seeded-random";
import { groupBy } from "@/lib/statistics/group-by";

export interface DipSampleUnit {
  reference: string;
  stream: string;
  /** The inspector the case is allocated to (null: unallocated, a stratum of its own). */
  inspectorId: string | null;
}

export type DipSampleRequest = { kind: "count"; value: number } | { kind: "percent"; value: number };

export const MAX_DIP_PERCENT = 100;

/** How many cases a request asks for out of `eligible`: a percentage is rounded up, so 10% of 33 is 4. */
export function requestedSize(request: DipSampleRequest, eligible: number): number {
  const wanted = request.kind === "count" ? request.value : Math.ceil((request.value * eligible) / 100);
  return Math.min(Math.max(wanted, 0), eligible);
}

export interface DipSample {
  /** The drawn references, sorted. */
  references: string[];
  /** Plain-language method, for the draw's record and the page. */
  method: string;
  /** Per stratum (stream and inspector): eligible cases and places given. */
  strata: { stream: string; inspectorId: string | null; eligible: number; drawn: number }[];
}

const stratumKey = (unit: DipSampleUnit) => `${unit.stream}\u0000${unit.inspectorId ?? ""}`;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function drawDipSample(eligible: readonly DipSampleUnit[], size: number, seed: Seed): DipSample {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError("size must be a whole number, 0 or more");
  const references = new Set(eligible.map((u) => u.reference));
  if (references.size !== eligible.length) throw new RangeError("every case reference must be unique");
  const shuffled = seededShuffle(
    [...eligible].sort((a, b) => byCodeUnits(a.reference, b.reference)),
    createSeededRandom(seed),
  );
  // Strata in order of first appearance in the shuffled list (the tie-break of step 2).
  const strata = groupBy(shuffled, stratumKey);
  const take = Math.min(size, shuffled.length);
  const groups = [...strata.values()];
  const quotas = groups.map((members) => (take * members.length) / Math.max(shuffled.length, 1));
  const places = quotas.map(Math.floor);
  let left = take - places.reduce((a, b) => a + b, 0);
  const order = groups.map((_, i) => i).sort((a, b) => quotas[b]! - Math.floor(quotas[b]!) - (quotas[a]! - Math.floor(quotas[a]!)) || a - b);
  for (const i of order) {
    if (left === 0) break;
    if (places[i]! < groups[i]!.length) {
      places[i]! += 1;
      left -= 1;
    }
  }
  const drawn = groups.flatMap((members, i) => members.slice(0, places[i]));
  const seedText = typeof seed === "number" ? String(seed) : JSON.stringify(seed);
  return {
    references: drawn.map((u) => u.reference).sort(byCodeUnits),
    method:
      `Dip sample of ${take} from ${shuffled.length} eligible cases. Cases sorted by reference, then shuffled with seed ` +
      `${seedText} (${SEEDED_RANDOM_ALGORITHM}). Strata: each stream and inspector; places given by the largest-remainder ` +
      `(Hamilton) method on each stratum's share, then taken in shuffled order.`,
    strata: groups.map((members, i) => ({ stream: members[0]!.stream, inspectorId: members[0]!.inspectorId, eligible: members.length, drawn: places[i]! })),
  };
}
