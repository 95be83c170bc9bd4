import { describe, expect, it } from "vitest";
import { FRAMEWORK_VERSIONS, getFramework } from "@/lib/framework";
import { keyQuestionBand, maxScoreOf, overallBandRanges, overallRatingForScore, percentYes, ratingPoints, worseOf } from "./bands";

describe("percentYes", () => {
  it("rounds half up with no float drift", () => {
    expect(percentYes(7, 8)).toBe(88); // 87.5
    expect(percentYes(129, 200)).toBe(65); // 64.5
    expect(percentYes(99, 200)).toBe(50); // 49.5
    expect(percentYes(159, 200)).toBe(80); // 79.5
    expect(percentYes(1, 3)).toBe(33);
    expect(percentYes(2, 3)).toBe(67);
    expect(percentYes(8, 13)).toBe(62); // 61.5…
    expect(percentYes(0, 5)).toBe(0);
    expect(percentYes(5, 5)).toBe(100);
  });

  it("refuses impossible counts", () => {
    expect(() => percentYes(1, 0)).toThrow(RangeError);
    expect(() => percentYes(3, 2)).toThrow(RangeError);
    expect(() => percentYes(-1, 2)).toThrow(RangeError);
    expect(() => percentYes(0.5, 2)).toThrow(RangeError);
  });
});

describe("keyQuestionBand", () => {
  it.each([
    [0, "Inadequate"],
    [49, "Inadequate"],
    [50, "Requires improvement"],
    [64, "Requires improvement"],
    [65, "Good"],
    [79, "Good"],
    [80, "Outstanding"],
    [100, "Outstanding"],
  ] as const)("%i%% is %s", (percent, band) => {
    expect(keyQuestionBand(percent)).toBe(band);
  });

  it("reads the band after rounding: 64.5% is 65, Good; 49.5% is 50; 79.5% is 80", () => {
    expect(keyQuestionBand(percentYes(129, 200))).toBe("Good");
    expect(keyQuestionBand(percentYes(99, 200))).toBe("Requires improvement");
    expect(keyQuestionBand(percentYes(159, 200))).toBe("Outstanding");
    expect(keyQuestionBand(percentYes(128, 200))).toBe("Requires improvement"); // 64.0
  });

  it("refuses a figure that is not a whole number 0–100", () => {
    expect(() => keyQuestionBand(64.5)).toThrow(RangeError);
    expect(() => keyQuestionBand(101)).toThrow(RangeError);
    expect(() => keyQuestionBand(-1)).toThrow(RangeError);
  });
});

describe("points and overall bands", () => {
  it("scores 0–3", () => {
    expect(["Inadequate", "Requires improvement", "Good", "Outstanding"].map((r) => ratingPoints(r as never))).toEqual([0, 1, 2, 3]);
  });

  it.each([
    [0, "Inadequate"],
    [6, "Inadequate"],
    [7, "Requires improvement"],
    [18, "Requires improvement"],
    [19, "Good"],
    [30, "Good"],
    [31, "Outstanding"],
    [36, "Outstanding"],
  ] as const)("score %i is %s in both versions", (score, rating) => {
    for (const version of FRAMEWORK_VERSIONS) expect(overallRatingForScore(getFramework(version), score)).toBe(rating);
  });

  it("scores both versions' twelve standards 0–36 and refuses a score outside it", () => {
    for (const version of FRAMEWORK_VERSIONS) {
      const fw = getFramework(version);
      expect(maxScoreOf(fw)).toBe(36);
      expect(overallBandRanges(fw).map((b) => [b.rating, b.from, b.to])).toEqual([
        ["Outstanding", 31, 36],
        ["Good", 19, 30],
        ["Requires improvement", 7, 18],
        ["Inadequate", 0, 6],
      ]);
      expect(() => overallRatingForScore(fw, 37)).toThrow(RangeError);
    }
  });

  it("takes the worse of two ratings", () => {
    expect(worseOf("Good", "Inadequate")).toBe("Inadequate");
    expect(worseOf("Requires improvement", "Outstanding")).toBe("Requires improvement");
  });
});
