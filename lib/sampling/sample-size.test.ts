import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { infinitePopulationSampleSize, SAMPLE_SIZE_METHOD, sampleSize, zForConfidence } from "./sample-size";

// Hand calculation of the defaults: z = 1.2816, z² = 1.64249856, p(1−p) = 0.25, e² = 0.0025
// n0 = 1.64249856 × 0.25 / 0.0025 = 164.249856 (framework.md: "n0 ≈ 164.3"), so n0 − 1 = 163.249856.

describe("sampleSize", () => {
  it("n0 for 80% confidence, ±5 points, p = 0.5 is 164.249856", () => {
    expect(infinitePopulationSampleSize()).toBeCloseTo(164.249856, 6);
  });

  it.each([
    // N = 50:   164.249856 / (1 + 163.249856/50)   = 164.249856 / 4.26499712 = 38.511 → 39
    [50, 39],
    // N = 100:  164.249856 / (1 + 1.63249856)      = 164.249856 / 2.63249856 = 62.393 → 63
    [100, 63],
    // N = 200:  164.249856 / (1 + 0.81624928)      = 164.249856 / 1.81624928 = 90.434 → 91
    [200, 91],
    // N = 1000: 164.249856 / (1 + 0.163249856)     = 164.249856 / 1.163249856 = 141.199 → 142
    [1000, 142],
    // N = 5000: 164.249856 / (1 + 0.0326499712)    = 164.249856 / 1.0326499712 = 159.057 → 160
    [5000, 160],
    // N = 20:   164.249856 / (1 + 8.1624928)       = 164.249856 / 9.1624928 = 17.926 → 18
    [20, 18],
    // N = 10:   164.249856 / (1 + 16.3249856)      = 164.249856 / 17.3249856 = 9.481 → 10
    [10, 10],
    // N = 2:    164.249856 / (1 + 81.624928)       = 164.249856 / 82.624928 = 1.988 → 2
    [2, 2],
    // N = 1:    164.249856 / (1 + 163.249856)      = exactly 1 (no rounding up to 2 from float noise)
    [1, 1],
  ])("N = %i gives %i", (population, expected) => {
    expect(sampleSize(population)).toBe(expected);
  });

  it("is 0 for an empty population", () => {
    expect(sampleSize(0)).toBe(0);
  });

  it("approaches n0 rounded up for very large populations", () => {
    // N = 1,000,000: 164.249856 / 1.000163249856 = 164.223 → 165
    expect(sampleSize(1_000_000)).toBe(165);
  });

  it("never exceeds the population and never decreases as the population grows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (population) => {
        const n = sampleSize(population);
        expect(n).toBeLessThanOrEqual(population);
        expect(n).toBeGreaterThanOrEqual(population === 0 ? 0 : 1);
        expect(sampleSize(population + 1)).toBeGreaterThanOrEqual(n);
      }),
    );
  });

  it("takes other confidence levels and margins", () => {
    // 95%, ±5, p = 0.5: n0 = 1.96² × 0.25 / 0.0025 = 384.16; N = 1000: 384.16 / 1.38316 = 277.74 → 278
    expect(sampleSize(1000, { confidence: 0.95 })).toBe(278);
    // 80%, ±10: n0 = 1.64249856 × 0.25 / 0.01 = 41.062464; N = 100: 41.062464 / 1.40062464 = 29.32 → 30
    expect(sampleSize(100, { margin: 0.1 })).toBe(30);
    // Untabulated level falls back to the normal quantile: 1.2816 is z for 80% to 4 d.p.
    expect(zForConfidence(0.8000001)).toBeCloseTo(1.2816, 3);
  });

  it("rejects impossible inputs", () => {
    expect(() => sampleSize(-1)).toThrow(RangeError);
    expect(() => sampleSize(1.5)).toThrow(RangeError);
    expect(() => sampleSize(10, { confidence: 1 })).toThrow(RangeError);
    expect(() => sampleSize(10, { margin: 0 })).toThrow(RangeError);
    expect(() => sampleSize(10, { p: 1 })).toThrow(RangeError);
  });

  it("states the method for the UI label", () => {
    expect(SAMPLE_SIZE_METHOD).toContain("80% confidence");
    expect(SAMPLE_SIZE_METHOD).toContain("an assumption for 2021+");
  });
});
