import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boxSummary,
  interquartileRange,
  median,
  MixedFrameworkVersionsError,
  oneFrameworkVersion,
  percentileRank,
  percentileRankOfOneVersion,
  quantile,
  scoreHistogram,
  valuesOfOneVersion,
} from "./distribution";

describe("quantiles (Hyndman–Fan type 7)", () => {
  // Hand calculation for 1..10 (R's quantile(1:10) gives 1, 3.25, 5.5, 7.75, 10):
  // Q1: h = 9 × 0.25 = 2.25 → x[2] + 0.25 (x[3] − x[2]) = 3 + 0.25 = 3.25 (0-based order statistics).
  it("matches R's default on 1..10", () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantile(values, p))).toEqual([1, 3.25, 5.5, 7.75, 10]);
    expect(median(values)).toBe(5.5);
    expect(interquartileRange(values)).toBe(4.5);
  });

  it("gives the one value for one inspection, and null for none", () => {
    expect(quantile([62], 0.25)).toBe(62);
    expect(boxSummary([62])).toMatchObject({ n: 1, min: 62, q1: 62, median: 62, q3: 62, max: 62, iqr: 0, lowerWhisker: 62, upperWhisker: 62, outliers: [] });
    expect(median([])).toBeNull();
    expect(interquartileRange([])).toBeNull();
    expect(boxSummary([])).toBeNull();
  });

  it("handles ties", () => {
    expect(quantile([50, 50, 50, 80], 0.5)).toBe(50);
    expect(quantile([50, 50, 80, 80], 0.5)).toBe(65);
  });

  it("refuses p outside 0–1 and values that are not finite", () => {
    expect(() => quantile([1], 1.5)).toThrow(/p from 0 to 1/);
    expect(() => median([1, Number.NaN])).toThrow(/finite/);
  });
});

describe("boxSummary", () => {
  // 1..9 and 40: Q1 = 3.25, Q3 = 7.75 (h = 2.25 and 6.75), IQR 4.5, fences −3.5 and 14.5.
  it("puts the whiskers at the furthest values within 1.5 × IQR and lists the rest as outliers", () => {
    const b = boxSummary([1, 2, 3, 4, 5, 6, 7, 8, 9, 40])!;
    expect(b).toMatchObject({ min: 1, q1: 3.25, median: 5.5, q3: 7.75, max: 40, iqr: 4.5, lowerWhisker: 1, upperWhisker: 9, outliers: [40] });
  });

  it("keeps min ≤ whisker ≤ q1 ≤ median ≤ q3 ≤ whisker ≤ max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 }), (values) => {
        const b = boxSummary(values)!;
        const chain = [b.min, b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker, b.max];
        for (let i = 1; i < chain.length; i++) expect(chain[i]).toBeGreaterThanOrEqual(chain[i - 1]!);
        expect(b.outliers.length + values.filter((v) => v >= b.lowerWhisker && v <= b.upperWhisker).length).toBe(values.length);
        expect(b.outliers.every((v) => v < b.q1 - 1.5 * b.iqr || v > b.q3 + 1.5 * b.iqr)).toBe(true);
      }),
    );
  });

  it("stops a whisker at its quartile when no value lies between the quartile and the fence", () => {
    // Sorted 0, 0, 5, 5, 5, 5, 5, 5: Q1 = 0 + 0.75 × 5 = 3.75, Q3 = 5, IQR 1.25, fences 1.875 and 6.875.
    expect(boxSummary([0, 5, 5, 5, 5, 5, 5, 0])).toMatchObject({ q1: 3.75, lowerWhisker: 3.75, upperWhisker: 5, outliers: [0, 0] });
  });
});

describe("percentileRank (mid-rank)", () => {
  it("counts ties as half below: the middle of identical values is the 50th percentile", () => {
    expect(percentileRank(70, [70, 70, 70, 70])).toBe(50);
    // 2 below, 2 equal, 1 above: 100 × (2 + 1) / 5 = 60.
    expect(percentileRank(62, [40, 50, 62, 62, 90])).toBe(60);
  });

  it("is 50 for one inspection ranked among itself, and null among none", () => {
    expect(percentileRank(62, [62])).toBe(50);
    expect(percentileRank(62, [])).toBeNull();
  });

  it("ranks a value absent from the population between its neighbours", () => {
    expect(percentileRank(55, [40, 50, 60, 70])).toBe(50);
    expect(percentileRank(10, [40, 50])).toBe(0);
    expect(percentileRank(99, [40, 50])).toBe(100);
  });
});

describe("framework versions are never mixed", () => {
  const v = (frameworkVersion: string, value: number) => ({ frameworkVersion, value });

  it("returns the shared version, or null for none", () => {
    expect(oneFrameworkVersion([v("yjs-2021", 1), v("yjs-2021", 2)])).toBe("yjs-2021");
    expect(oneFrameworkVersion([])).toBeNull();
    expect(valuesOfOneVersion([v("yjs-2021", 1), v("yjs-2021", 2)])).toEqual([1, 2]);
  });

  it("refuses a mix with an error that names the versions", () => {
    const mixed = [v("yjs-2021", 1), v("yjs-2018", 2), v("yjs-2021", 3)];
    expect(() => valuesOfOneVersion(mixed)).toThrow(MixedFrameworkVersionsError);
    expect(() => valuesOfOneVersion(mixed)).toThrow(/different framework versions \(yjs-2018, yjs-2021\)/);
    expect(() => percentileRankOfOneVersion(v("yjs-2018", 50), [v("yjs-2021", 40)])).toThrow(MixedFrameworkVersionsError);
    expect(percentileRankOfOneVersion(v("yjs-2021", 50), [v("yjs-2021", 40), v("yjs-2021", 50)])).toBe(75);
  });
});

describe("scoreHistogram", () => {
  it("has a bin for every whole score 0–36, zeros included", () => {
    const bins = scoreHistogram([24, 24, 36, 0], 36);
    expect(bins).toHaveLength(37);
    expect(bins[24]).toEqual({ score: 24, count: 2 });
    expect(bins[0]!.count + bins[36]!.count).toBe(2);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(scoreHistogram([], 36).every((b) => b.count === 0)).toBe(true);
  });

  it("refuses a score that is not a whole number 0–36", () => {
    expect(() => scoreHistogram([37], 36)).toThrow(/whole number 0–36 \(got 37\)/);
    expect(() => scoreHistogram([12.5], 36)).toThrow(/got 12.5/);
  });

  it("runs to the maximum it is given: a version with fewer scored standards", () => {
    expect(scoreHistogram([30], 30)).toHaveLength(31);
    expect(() => scoreHistogram([31], 30)).toThrow(/whole number 0–30 \(got 31\)/);
  });
});
