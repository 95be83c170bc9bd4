import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawDipSample, requestedSize, type DipSampleUnit } from "./dip-sample";

const cases = (n: number, inspectors: string[], streams = ["court", "out_of_court"]): DipSampleUnit[] =>
  Array.from({ length: n }, (_, i) => ({ reference: `C-${String(i + 1).padStart(3, "0")}`, stream: streams[i % streams.length]!, inspectorId: inspectors[i % inspectors.length]! }));

describe("the moderation dip sample", () => {
  it("is the same for the same seed, whatever order the cases come in, and differs for another seed", () => {
    const population = cases(40, ["a", "b", "c"]);
    const first = drawDipSample(population, 8, "seed-1");
    expect(drawDipSample([...population].reverse(), 8, "seed-1").references).toEqual(first.references);
    expect(first.references).toHaveLength(8);
    expect(drawDipSample(population, 8, "seed-2").references).not.toEqual(first.references);
    expect(first.method).toContain('seed "seed-1"');
  });

  it("spreads the places across inspectors and streams in proportion (within one case)", () => {
    // 30 cases of inspector a, 10 of b; court and out-of-court alternate.
    const population = [...cases(30, ["a"]), ...cases(10, ["b"]).map((c) => ({ ...c, reference: `B-${c.reference}` }))];
    const sample = drawDipSample(population, 8, 7);
    const of = (inspector: string) => sample.references.filter((r) => population.find((c) => c.reference === r)!.inspectorId === inspector).length;
    expect(of("a")).toBe(6);
    expect(of("b")).toBe(2);
    for (const stratum of sample.strata) expect(Math.abs(stratum.drawn - (8 * stratum.eligible) / 40)).toBeLessThan(1);
  });

  it("takes every case when asked for more than there are, and none for 0", () => {
    const population = cases(5, ["a"]);
    expect(drawDipSample(population, 9, "x").references).toHaveLength(5);
    expect(drawDipSample(population, 0, "x").references).toEqual([]);
    expect(drawDipSample([], 3, "x").references).toEqual([]);
  });

  it("draws exactly the size asked for (up to the cases there are), each case once, every stratum within one of its share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 5 }), fc.string(), (n, size, k, seed) => {
        const population = cases(n, Array.from({ length: k }, (_, i) => `i${i}`));
        const sample = drawDipSample(population, size, seed);
        expect(sample.references).toHaveLength(Math.min(size, n));
        expect(new Set(sample.references).size).toBe(sample.references.length);
        for (const s of sample.strata) expect(Math.abs(s.drawn - (Math.min(size, n) * s.eligible) / Math.max(n, 1))).toBeLessThan(1);
      }),
    );
  });

  it("turns a percentage into a count rounded up, and caps both at the cases there are", () => {
    expect(requestedSize({ kind: "percent", value: 10 }, 33)).toBe(4);
    expect(requestedSize({ kind: "percent", value: 100 }, 33)).toBe(33);
    expect(requestedSize({ kind: "count", value: 50 }, 33)).toBe(33);
    expect(requestedSize({ kind: "count", value: 3 }, 33)).toBe(3);
  });
});
