// Seeded pseudo-random numbers, so a sample draw can be repeated exactly from its recorded seed.
//
// The algorithm is part of the audit record: changing it changes every past draw. It is
//   1. seed → 32-bit state: a number seed must be a whole number and is reduced modulo 2^32; a
//      string seed is hashed with FNV-1a (32-bit, offset basis 0x811C9DC5, prime 0x01000193) over
//      its UTF-8 bytes;
//   2. mulberry32 (Tommy Ettinger, public domain) on that state: each call adds 0x6D2B79F5 to the
//      state and mixes it with two multiply-xorshift rounds, giving a 32-bit output; the output
//      divided by 2^32 is the float in [0, 1).
// mulberry32 is not cryptographic; it only needs to be reproducible and well spread.

export const SEEDED_RANDOM_ALGORITHM =
  "mulberry32 PRNG; string seeds hashed to 32 bits with FNV-1a over UTF-8, number seeds taken modulo 2^32";

export type Seed = string | number;

export interface SeededRandom {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next float in [0, 1). */
  next(): number;
  /** Uniform whole number in [0, exclusiveMax). */
  nextInt(exclusiveMax: number): number;
}

/** The 32-bit starting state a seed maps to (see the header comment). */
export function seedToUint32(seed: Seed): number {
  if (typeof seed === "number") {
    if (!Number.isSafeInteger(seed)) throw new RangeError("a number seed must be a whole number");
    // Modulo 2^32 done arithmetically: `>>> 0` is only exact for |seed| < 2^53, which isSafeInteger ensures.
    return ((seed % 2 ** 32) + 2 ** 32) % 2 ** 32;
  }
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(seed)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function createSeededRandom(seed: Seed): SeededRandom {
  let state = seedToUint32(seed);
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / 2 ** 32;
  const nextInt = (exclusiveMax: number): number => {
    if (!Number.isSafeInteger(exclusiveMax) || exclusiveMax <= 0 || exclusiveMax > 2 ** 32) {
      throw new RangeError("exclusiveMax must be a whole number from 1 to 2^32");
    }
    // Rejection sampling removes the modulo bias of `uint32 % max`.
    const limit = 2 ** 32 - (2 ** 32 % exclusiveMax);
    let value = nextUint32();
    while (value >= limit) value = nextUint32();
    return value % exclusiveMax;
  };
  return { nextUint32, next, nextInt };
}

/** Fisher–Yates shuffle into a new array; the input is not changed. */
export function seededShuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const atI = shuffled[i] as T;
    shuffled[i] = shuffled[j] as T;
    shuffled[j] = atI;
  }
  return shuffled;
}
