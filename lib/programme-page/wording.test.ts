import { describe, expect, it } from "vitest";
import { benchmarkSentence, figure, inspectionsCount, ordinal } from "./wording";

describe("programme wording", () => {
  it("writes ordinals as people do, teens included", () => {
    expect([0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 100, 101, 111, 112, 113].map(ordinal)).toEqual([
      "0th", "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st", "100th", "101st", "111th", "112th", "113th",
    ]);
  });

  it("says a benchmark as the issue words it, rounding the percentile to a whole number", () => {
    expect(benchmarkSentence("2.1.3", 62, 31, 40)).toBe("2.1.3: 62%, 31st percentile of 40 inspections");
    expect(benchmarkSentence("3.2.1", 100, 97.4, 1)).toBe("3.2.1: 100%, 97th percentile of 1 inspection");
    expect(inspectionsCount(0)).toBe("0 inspections");
  });

  it("gives medians and quartiles to one decimal place, whole numbers without one", () => {
    expect([figure(62), figure(62.25), figure(62.96), figure(0), figure(null)]).toEqual(["62", "62.3", "63", "0", "—"]);
  });
});
