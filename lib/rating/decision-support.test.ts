import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyQuestionBand, percentYes, ratingRank } from "./bands";
import { Z_80, decisionSupport, noToYesToRaiseBand, wilsonInterval, yesToNoToDropBand } from "./decision-support";
import { rateInspection } from "./rate-inspection";

function bandOf(yes: number, applicable: number) {
  return keyQuestionBand(percentYes(yes, applicable));
}

/** Brute force over the fixed sample: the definition the closed forms must match. */
function bruteNoToYes(yes: number, applicable: number): number | null {
  const band = bandOf(yes, applicable);
  for (let k = 1; yes + k <= applicable; k++) if (ratingRank(bandOf(yes + k, applicable)) < ratingRank(band)) return k;
  return null;
}
function bruteYesToNo(yes: number, applicable: number): number | null {
  const band = bandOf(yes, applicable);
  for (let k = 1; k <= yes; k++) if (ratingRank(bandOf(yes - k, applicable)) > ratingRank(band)) return k;
  return null;
}

const sample = fc
  .tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }))
  .map(([applicable, y]) => ({ applicable, yes: y % (applicable + 1) }));

describe("answers judged differently that would change the band (fixed sample)", () => {
  it("13/20 (65%, Good): 3 no-to-yes reach Outstanding (16/20 = 80%), 1 yes-to-no drops to Requires improvement", () => {
    expect(noToYesToRaiseBand(13, 20)).toBe(3);
    expect(bandOf(16, 20)).toBe("Outstanding");
    expect(bandOf(15, 20)).toBe("Good");
    expect(yesToNoToDropBand(13, 20)).toBe(1); // 12/20 = 60%
  });

  it("Salford 2.4.3 at 8/13 (62%): 1 change up to Good (9/13 = 69%), 2 down to Inadequate (6/13 = 46%)", () => {
    expect(noToYesToRaiseBand(8, 13)).toBe(1);
    expect(yesToNoToDropBand(8, 13)).toBe(2);
    expect(bandOf(7, 13)).toBe("Requires improvement"); // 54%
  });

  it("Demoshire 2.2.3 at 6/13 (46%): 1 change reaches Requires improvement", () => {
    expect(noToYesToRaiseBand(6, 13)).toBe(1);
    expect(yesToNoToDropBand(6, 13)).toBeNull();
  });

  it("uses the rounded figure: 64.5% counts as Good already", () => {
    expect(bandOf(129, 200)).toBe("Good");
    expect(yesToNoToDropBand(129, 200)).toBe(1);
    expect(noToYesToRaiseBand(129, 200)).toBe(30); // 159/200 = 79.5% rounds to 80%
  });

  it("is null beyond the ends", () => {
    expect(noToYesToRaiseBand(9, 10)).toBeNull();
    expect(noToYesToRaiseBand(1, 1)).toBeNull();
    expect(yesToNoToDropBand(0, 10)).toBeNull();
    expect(yesToNoToDropBand(0, 1)).toBeNull();
  });

  it("matches brute force over the same sample", () => {
    fc.assert(
      fc.property(sample, ({ yes, applicable }) => {
        expect(noToYesToRaiseBand(yes, applicable)).toBe(bruteNoToYes(yes, applicable));
        expect(yesToNoToDropBand(yes, applicable)).toBe(bruteYesToNo(yes, applicable));
      }),
    );
  });

  it("exactly that many changes move the band and one fewer does not, never more than there are to change", () => {
    fc.assert(
      fc.property(sample, ({ yes, applicable }) => {
        const band = ratingRank(bandOf(yes, applicable));
        const up = noToYesToRaiseBand(yes, applicable);
        if (up === null) expect(bandOf(yes, applicable)).toBe("Outstanding");
        else {
          expect(up).toBeGreaterThanOrEqual(1);
          expect(up).toBeLessThanOrEqual(applicable - yes);
          // At least the next band up: on a tiny sample one answer can cross two (1/2 → 2/2).
          expect(ratingRank(bandOf(yes + up, applicable))).toBeLessThan(band);
          expect(ratingRank(bandOf(yes + up - 1, applicable))).toBe(band);
        }
        const down = yesToNoToDropBand(yes, applicable);
        if (down === null) expect(bandOf(yes, applicable)).toBe("Inadequate");
        else {
          expect(down).toBeGreaterThanOrEqual(1);
          expect(down).toBeLessThanOrEqual(yes);
          expect(ratingRank(bandOf(yes - down, applicable))).toBeGreaterThan(band);
          expect(ratingRank(bandOf(yes - down + 1, applicable))).toBe(band);
        }
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
    expect(support.keyQuestions[2]).toMatchObject({ standardId: "2.2", percentYes: 46, band: "Inadequate", noToYesToRaiseBand: 1, yesToNoToDropBand: null });
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
