import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CLASSIFICATIONS, DISPOSAL_TYPES, GENDERS, STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { sampleSize } from "./sample-size";
import { createSeededRandom } from "./seeded-random";
import {
  compareProportions,
  drawSampleByStream,
  drawStratifiedSample,
  type SamplingUnit,
} from "./stratified-draw";

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A realistic-looking population: mostly male, mostly low/medium classifications. */
function makePopulation(count: number, seed: number, streams: readonly Stream[] = ["court"]): SamplingUnit[] {
  const random = createSeededRandom(seed);
  const next = (): number => random.next();
  return Array.from({ length: count }, (_, i) => {
    const stream = pick(streams, next);
    return {
      reference: `YJ-${String(i).padStart(5, "0")}`,
      stream,
      gender: next() < 0.8 ? "male" : next() < 0.9 ? "female" : "other",
      disposalType: pick(DISPOSAL_TYPES[stream], next),
      rosh: pick(["low", "low", "medium", "medium", "high", "very_high"] as const, next),
      safetyWellbeing: pick(CLASSIFICATIONS, next),
    };
  });
}

const unitArbitrary = (stream: fc.Arbitrary<Stream>) =>
  stream.chain((s) =>
    fc.record({
      stream: fc.constant(s),
      gender: fc.constantFrom(...GENDERS),
      disposalType: fc.constantFrom(...DISPOSAL_TYPES[s]),
      rosh: fc.constantFrom(...CLASSIFICATIONS),
      safetyWellbeing: fc.constantFrom(...CLASSIFICATIONS),
    }),
  );

const populationArbitrary = (stream: fc.Arbitrary<Stream>, maxLength: number) =>
  fc
    .array(unitArbitrary(stream), { minLength: 1, maxLength })
    .map((units) => units.map((unit, i): SamplingUnit => ({ reference: `R${i}`, ...unit })));

function expectWithinOne(population: readonly SamplingUnit[], ids: readonly string[]): void {
  for (const row of compareProportions(population, ids)) {
    expect(
      Math.abs(row.sampleCount - row.proportionalCount),
      `${row.attribute}=${row.value}: ${row.sampleCount} vs ${row.proportionalCount}`,
    ).toBeLessThanOrEqual(1 + 1e-9);
  }
}

describe("drawStratifiedSample", () => {
  const population = makePopulation(180, 7);

  it("draws the requested number of distinct cases from the population", () => {
    const sample = drawStratifiedSample(population, 40, "seed-a");
    expect(sample.ids).toHaveLength(40);
    expect(new Set(sample.ids).size).toBe(40);
    const references = new Set(population.map((unit) => unit.reference));
    expect(sample.ids.every((id) => references.has(id))).toBe(true);
    expect(sample.ids).toEqual([...sample.ids].sort());
    expect(sample.withinOneOfShare).toBe(true);
    expect(sample.method).toContain('seed "seed-a"');
  });

  it("same seed, same sample, whatever the row order", () => {
    const first = drawStratifiedSample(population, 40, "seed-a");
    const reordered = drawStratifiedSample([...population].reverse(), 40, "seed-a");
    expect(reordered.ids).toEqual(first.ids);
  });

  it("different seeds give different samples", () => {
    const samples = ["a", "b", "c", "d", "e"].map((seed) => drawStratifiedSample(population, 40, seed).ids.join());
    expect(new Set(samples).size).toBe(5);
    expect(drawStratifiedSample(population, 40, 1).ids).not.toEqual(drawStratifiedSample(population, 40, 2).ids);
  });

  it("takes everyone when the size is at least the population", () => {
    const everyone = population.map((unit) => unit.reference).sort();
    expect(drawStratifiedSample(population, 180, "x").ids).toEqual(everyone);
    expect(drawStratifiedSample(population, 500, "x").ids).toEqual(everyone);
    expect(drawStratifiedSample([], 5, "x").ids).toEqual([]);
  });

  it("takes nobody for size 0", () => {
    const sample = drawStratifiedSample(population, 0, "x");
    expect(sample.ids).toEqual([]);
    expect(sample.proportions.every((row) => row.sampleCount === 0 && row.sampleShare === 0)).toBe(true);
  });

  it("rejects a negative or fractional size and duplicate references", () => {
    expect(() => drawStratifiedSample(population, -1, "x")).toThrow(RangeError);
    expect(() => drawStratifiedSample(population, 2.5, "x")).toThrow(RangeError);
    const first = population[0] as SamplingUnit;
    expect(() => drawStratifiedSample([first, { ...first }], 1, "x")).toThrow(RangeError);
  });

  it("keeps a worked example's proportions: 60 male / 20 female, sample 20 → 15 / 5", () => {
    const worked: SamplingUnit[] = Array.from({ length: 80 }, (_, i) => ({
      reference: `C${i}`,
      stream: "court",
      gender: i < 60 ? "male" : "female",
      disposalType: i % 4 === 0 ? "youth_rehabilitation_order" : "referral_order",
      rosh: i % 2 === 0 ? "low" : "medium",
      safetyWellbeing: i % 5 === 0 ? "high" : "low",
    }));
    const sample = drawStratifiedSample(worked, 20, "worked");
    const genderRows = sample.proportions.filter((row) => row.attribute === "gender");
    expect(genderRows.map((row) => [row.value, row.populationCount, row.sampleCount])).toEqual([
      ["female", 20, 5],
      ["male", 60, 15],
    ]);
    // 20 of 80 are YROs (every fourth), so 5 of 20; 16 of 80 high S&W (every fifth), so 4 of 20.
    expect(sample.proportions.find((row) => row.value === "youth_rehabilitation_order")?.sampleCount).toBe(5);
    expect(sample.proportions.find((row) => row.attribute === "safetyWellbeing" && row.value === "high")?.sampleCount).toBe(4);
  });

  it("every attribute's count is within one case of its share (one stream)", () => {
    fc.assert(
      fc.property(
        populationArbitrary(fc.constantFrom(...STREAMS), 150),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string(),
        (units, fraction, seed) => {
          const size = Math.round(fraction * units.length);
          const sample = drawStratifiedSample(units, size, seed);
          expect(sample.ids).toHaveLength(size);
          expect(new Set(sample.ids).size).toBe(size);
          expectWithinOne(units, sample.ids);
          expect(sample.withinOneOfShare).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("every attribute's count is within one case of its share (mixed streams, realistic sizes)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer(), fc.string(), (count, populationSeed, seed) => {
        const units = makePopulation(count, populationSeed, STREAMS);
        const size = sampleSize(count);
        const sample = drawStratifiedSample(units, size, seed);
        expect(sample.ids).toHaveLength(size);
        expectWithinOne(units, sample.ids);
      }),
      { numRuns: 60 },
    );
  });
});

describe("drawSampleByStream", () => {
  it("draws each stream separately with its own size and seed", () => {
    const population = makePopulation(300, 11, STREAMS);
    const samples = drawSampleByStream(population, { court: 20, out_of_court: 15 }, "insp-1");
    expect(samples.map((s) => [s.stream, s.ids.length, s.streamSeed])).toEqual([
      ["court", 20, "insp-1/court"],
      ["out_of_court", 15, "insp-1/out_of_court"],
    ]);
    const streamOf = new Map(population.map((unit) => [unit.reference, unit.stream]));
    for (const sample of samples) {
      expect(sample.ids.every((id) => streamOf.get(id) === sample.stream)).toBe(true);
      expect(sample.withinOneOfShare).toBe(true);
    }
    // Changing one stream's size leaves the other's draw alone.
    const again = drawSampleByStream(population, { court: 25, out_of_court: 15 }, "insp-1");
    expect(again[1]?.ids).toEqual(samples[1]?.ids);
  });
});
