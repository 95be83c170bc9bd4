import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyQuestionBand, percentYes, ratingRank } from "./bands";
import { Z_80, decisionSupport, noToDropBand, wilsonInterval, yesToNextBandUp } from "./decision-support";
import { rateInspection } from "./rate-inspection";

function bandOf(yes: number, applicable: number) {
  return keyQuestionBand(percentYes(yes, applicable));
}

/** Brute force: the definition the closed forms must match. */
function bruteYesUp(yes: number, applicable: number): number | null {
  const band = bandOf(yes, applicable);
  if (band === "Outstanding") return null;
  for (let k = 0; ; k++) if (ratingRank(bandOf(yes + k, applicable + k)) < ratingRank(band)) return k;
}
function bruteNoDown(yes: number, applicable: number): number | null {
  const band = bandOf(yes, applicable);
  if (band === "Inadequate") return null;
  for (let k = 0; ; k++) if (ratingRank(bandOf(yes, applicable + k)) > ratingRank(band)) return k;
}

describe("distance to the next band", () => {
  it("Salford 2.4.3 at 8/13 (62%) needs 2 more yes for Good, 4 more no for Inadequate", () => {
    expect(yesToNextBandUp(8, 13)).toBe(2); // 10/15 = 66.7%
    expect(noToDropBand(8, 13)).toBe(4); // 8/17 = 47%
    expect(noToDropBand(8, 16)).toBe(1); // 8/16 = 50 → 8/17
  });

  it("uses the rounded figure: 64.5% counts as Good already", () => {
    expect(bandOf(129, 200)).toBe("Good");
    expect(noToDropBand(129, 200)).toBe(1);
  });

  it("is null beyond the ends", () => {
    expect(yesToNextBandUp(9, 10)).toBeNull();
    expect(noToDropBand(0, 10)).toBeNull();
  });

  it("matches brute force", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), (applicable, y) => {
        const yes = y % (applicable + 1);
        expect(yesToNextBandUp(yes, applicable)).toBe(bruteYesUp(yes, applicable));
        expect(noToDropBand(yes, applicable)).toBe(bruteNoDown(yes, applicable));
      }),
    );
  });
});

describe("Wilson interval at 80%", () => {
  it("matches a hand calculation for 8/13", () => {
    const { lower, upper } = wilsonInterval(8, 13, Z_80);
    expect(lower).toBeCloseTo(43.9, 1);
    expect(upper).toBeCloseTo(76.59, 1);
  });

  it("stays within 0–100 and contains the proportion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (n, y) => {
        const yes = y % (n + 1);
        const { lower, upper } = wilsonInterval(yes, n, Z_80);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(100);
        expect(lower).toBeLessThanOrEqual((100 * yes) / n + 1e-9);
        expect(upper).toBeGreaterThanOrEqual((100 * yes) / n - 1e-9);
      }),
    );
  });
});

describe("decisionSupport", () => {
  const result = rateInspection({
    framework: "yjs-2021",
    keyQuestions: {
      "2.2.1": { yes: 12, no: 1 },
      "2.2.2": { yes: 9, no: 4 },
      "2.2.3": { yes: 6, no: 7 }, // 46%
      "2.4.3": { percentYes: 62 },
      "3.1.1": { percentYes: 54 },
    },
  });
  const support = decisionSupport(result);

  it("covers only key questions given as counts", () => {
    expect(support.keyQuestions.map((k) => k.id)).toEqual(["2.2.1", "2.2.2", "2.2.3"]);
    expect(support.keyQuestions[2]).toMatchObject({ standardId: "2.2", percentYes: 46, band: "Inadequate", yesToNextBandUp: 1, noToDropBand: null });
  });

  it("says where discretion is open and to what", () => {
    const std = (id: string) => support.standards.find((s) => s.id === id);
    expect(std("2.2")).toMatchObject({ eligible: true, allowedRatings: ["Requires improvement"], lowestPercentYes: 46 });
    expect(std("2.4")).toMatchObject({ eligible: true, allowedRatings: ["Good"] });
    expect(std("3.1")).toMatchObject({ eligible: true, allowedRatings: ["Inadequate"] });
    expect(std("2.1")).toMatchObject({ eligible: false, allowedRatings: [], calculatedRating: null });
    expect(std("2.4")?.explanation).toContain("3 points from the 65% boundary");
    expect(support.standards.map((s) => s.id)).toEqual(["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]);
  });
});
