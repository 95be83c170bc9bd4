import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Z_80, keyQuestionBand, noToYesToRaiseBand, percentYes, wilsonInterval, yesToNoToDropBand, type KeyQuestionSupport } from "@/lib/rating";
import { NEAR_BOUNDARY_ANSWERS, bandDistance, intervalText } from "./presentation";

function support(yes: number, applicable: number): KeyQuestionSupport {
  const percent = percentYes(yes, applicable);
  return {
    id: "2.1.1",
    standardId: "2.1",
    yes,
    applicable,
    percentYes: percent,
    band: keyQuestionBand(percent),
    noToYesToRaiseBand: noToYesToRaiseBand(yes, applicable),
    yesToNoToDropBand: yesToNoToDropBand(yes, applicable),
    interval80: wilsonInterval(yes, applicable, Z_80),
  };
}

describe("bandDistance", () => {
  it("phrases both directions on the fixed sample: 13/20 (65%, Good)", () => {
    const d = bandDistance(support(13, 20));
    expect(d.up).toEqual({ answers: 3, band: "Outstanding", text: "3 answers changed from no to yes would reach Outstanding" });
    expect(d.down).toEqual({ answers: 1, band: "Requires improvement", text: "1 answer changed from yes to no would drop it to Requires improvement" });
    expect(d.text).toBe("3 answers changed from no to yes would reach Outstanding; 1 answer changed from yes to no would drop it to Requires improvement");
    expect(d.near).toBe(true); // one yes judged "no" drops it
  });

  it("has no up at Outstanding and no down at Inadequate", () => {
    expect(bandDistance(support(6, 13))).toMatchObject({ up: { answers: 1, band: "Requires improvement" }, down: null, near: true });
    expect(bandDistance(support(6, 13)).text).toBe("1 answer changed from no to yes would reach Requires improvement");
    expect(bandDistance(support(20, 20))).toMatchObject({ up: null, down: { answers: 5, band: "Good" }, near: false });
  });

  it("names the band actually reached when one answer crosses two bands on a tiny sample", () => {
    expect(bandDistance(support(1, 2)).up).toMatchObject({ answers: 1, band: "Outstanding" });
  });

  it("highlights exactly the key questions one answer judged differently would move", () => {
    expect(NEAR_BOUNDARY_ANSWERS).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (applicable, y) => {
        const yes = y % (applicable + 1);
        const band = keyQuestionBand(percentYes(yes, applicable));
        const oneMoves =
          (yes < applicable && keyQuestionBand(percentYes(yes + 1, applicable)) !== band) ||
          (yes > 0 && keyQuestionBand(percentYes(yes - 1, applicable)) !== band);
        expect(bandDistance(support(yes, applicable)).near).toBe(oneMoves);
      }),
    );
  });
});

describe("intervalText", () => {
  it("gives the 80% interval to one decimal place, as the exports do, not rounded outwards", () => {
    const s = support(8, 13);
    const { lower, upper } = s.interval80;
    expect(intervalText(s)).toBe(`${(Math.round(lower * 10) / 10).toFixed(1)}–${(Math.round(upper * 10) / 10).toFixed(1)}%`);
    expect(intervalText({ ...s, interval80: { lower: 43.94, upper: 76.58 } })).toBe("43.9–76.6%");
  });
});
