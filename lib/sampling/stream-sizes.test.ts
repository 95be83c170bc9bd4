import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sampleSize } from "./sample-size";
import { getFramework } from "@/lib/framework";
import { courtShareOf, proposeStreamSampleSizes } from "./stream-sizes";

const S2_SPLIT = getFramework("yjs-2018").rules.streamSplit;
const share = (total: number) => courtShareOf(total, 60);

describe("proposeStreamSampleSizes", () => {
  it("yjs-2021 sizes each stream on its own population, as before", () => {
    expect(proposeStreamSampleSizes("yjs-2021", { court: 36, out_of_court: 24, resettlement: 3 })).toEqual({
      sizes: { court: sampleSize(36), out_of_court: sampleSize(24), resettlement: sampleSize(3) },
      split: null,
    });
  });

  it("yjs-2018 sizes one sample on both streams and splits it 60/40 as S2 did (25 and 17 of 42)", () => {
    expect(S2_SPLIT).toMatchObject({ courtPercent: 60 });
    expect(share(42)).toBe(25);
    // 60 eligible cases together: sampleSize(60) = 45, court 27, out-of-court 18.
    expect(sampleSize(60)).toBe(45);
    expect(proposeStreamSampleSizes("yjs-2018", { court: 36, out_of_court: 24 })).toEqual({
      sizes: { court: 27, out_of_court: 18 },
      split: { total: 45, populationSize: 60, rule: S2_SPLIT },
    });
    // 50 together: 39, court 23.4 → 23, out-of-court 16.
    expect(proposeStreamSampleSizes("yjs-2018", { court: 30, out_of_court: 20 }).sizes).toEqual({ court: 23, out_of_court: 16 });
  });

  it("rounds the court share to the nearest case (60% of a whole number is never exactly half-way)", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(share)).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
    expect(() => share(-1)).toThrow(RangeError);
  });

  it("never proposes more than a stream's eligible cases, and does not move unfilled places to the other stream", () => {
    const { sizes, split } = proposeStreamSampleSizes("yjs-2018", { court: 4, out_of_court: 200 });
    expect(split?.total).toBe(sampleSize(204));
    expect(sizes).toEqual({ court: 4, out_of_court: (split?.total ?? 0) - share(split?.total ?? 0) });
    expect(proposeStreamSampleSizes("yjs-2018", { court: 0, out_of_court: 0 }).sizes).toEqual({ court: 0, out_of_court: 0 });
  });

  it("yjs-2018: the two sizes add up to the sample whenever both streams can fill their share, court within one case of 60%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (court, outOfCourt) => {
        const { sizes, split } = proposeStreamSampleSizes("yjs-2018", { court, out_of_court: outOfCourt });
        const total = split?.total ?? NaN;
        const c = sizes.court ?? NaN;
        const o = sizes.out_of_court ?? NaN;
        expect(c).toBeLessThanOrEqual(court);
        expect(o).toBeLessThanOrEqual(outOfCourt);
        expect(c + o).toBeLessThanOrEqual(total);
        if (c < court && o < outOfCourt) {
          expect(c + o).toBe(total);
          expect(Math.abs(c - 0.6 * total)).toBeLessThanOrEqual(0.5);
        }
      }),
    );
  });
});
