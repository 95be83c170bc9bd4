import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createSeededRandom, seededShuffle, seedToUint32 } from "./seeded-random";

describe("seedToUint32", () => {
  it("hashes strings with FNV-1a 32-bit (published test vectors)", () => {
    expect(seedToUint32("")).toBe(0x811c9dc5);
    expect(seedToUint32("a")).toBe(0xe40c292c);
    expect(seedToUint32("foobar")).toBe(0xbf9cf968);
  });

  it("takes number seeds modulo 2^32 and rejects fractions", () => {
    expect(seedToUint32(42)).toBe(42);
    expect(seedToUint32(2 ** 32 + 5)).toBe(5);
    expect(seedToUint32(-1)).toBe(2 ** 32 - 1);
    expect(() => seedToUint32(1.5)).toThrow(RangeError);
  });
});

describe("createSeededRandom", () => {
  it("matches the reference mulberry32 output for seed 42", () => {
    const random = createSeededRandom(42);
    expect([random.next(), random.next(), random.next()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it("repeats exactly for the same seed and differs for another", () => {
    const first = createSeededRandom("inspection-2024-salford");
    const again = createSeededRandom("inspection-2024-salford");
    const other = createSeededRandom("inspection-2024-salford ");
    const a = Array.from({ length: 20 }, () => first.nextUint32());
    expect(Array.from({ length: 20 }, () => again.nextUint32())).toEqual(a);
    expect(Array.from({ length: 20 }, () => other.nextUint32())).not.toEqual(a);
  });

  it("nextInt stays in range", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, max) => {
        const random = createSeededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const value = random.nextInt(max);
          expect(Number.isInteger(value) && value >= 0 && value < max).toBe(true);
        }
      }),
    );
  });

  it("seededShuffle is a reproducible permutation", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const shuffled = seededShuffle(items, createSeededRandom(seed));
        expect(shuffled).toEqual(seededShuffle(items, createSeededRandom(seed)));
        expect([...shuffled].sort()).toEqual([...items].sort());
      }),
    );
  });
});
