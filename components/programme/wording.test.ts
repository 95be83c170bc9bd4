import { describe, expect, it } from "vitest";
import { benchmarkSentence, figure, inspectionsCount } from "./wording";

describe("programme wording", () => {
  it("says a benchmark as the issue words it, rounding the percentile to a whole number", () => {
    expect(benchmarkSentence("2.1.3", 62, 31, 40)).toBe("2.1.3: 62%, 31st percentile of 40 inspections");
    expect(benchmarkSentence("3.2.1", 100, 97.4, 1)).toBe("3.2.1: 100%, 97th percentile of 1 inspection");
    expect(inspectionsCount(0)).toBe("0 inspections");
  });

  it("gives medians and quartiles to one decimal place, whole numbers without one", () => {
    expect([figure(62), figure(62.25), figure(62.96), figure(0), figure(null)]).toEqual(["62", "62.3", "63", "0", "—"]);
  });
});
