import { describe, expect, it } from "vitest";
import { agreement, type JudgementPair } from "@/lib/statistics/agreement";
import { moderationLine, nearBoundary } from "./summary";

const pairs = (agree: number, differ: number): JudgementPair[] => [
  ...Array.from({ length: agree }, (_, i): JudgementPair => (i % 2 === 0 ? { first: "yes", second: "yes" } : { first: "no", second: "no" })),
  ...Array.from({ length: differ }, (): JudgementPair => ({ first: "yes", second: "no" })),
];

describe("the panel's moderation line", () => {
  it("says how many dip-sampled answers agreed, with AC1", () => {
    const line = moderationLine("2.1.3", agreement(pairs(9, 1)), 72);
    expect(line.text).toMatch(/^2\.1\.3: 9 of 10 dip-sampled answers agreed, AC1 0\.\d\d$/);
    expect(line.low).toBe(false);
    expect(line.warning).toBeNull();
  });

  it("warns where agreement is low and the % yes is within 5 points of a band boundary, not otherwise", () => {
    const low = agreement(pairs(6, 4));
    expect(moderationLine("2.1.3", low, 67).warning).toBe(
      "Agreement on 2.1.3 is low and its 67% yes is 2 points from the 65% band boundary: answers judged differently could change its band.",
    );
    expect(moderationLine("2.1.3", low, 72).warning).toBeNull();
    expect(moderationLine("2.1.3", low, 72).low).toBe(true);
    expect(moderationLine("2.1.3", agreement(pairs(10, 0)), 66).warning).toBeNull();
  });

  it("finds the nearest band boundary within 5 points", () => {
    expect(nearBoundary(49)).toBe(50);
    expect(nearBoundary(84)).toBe(80);
    expect(nearBoundary(72)).toBeNull();
    expect(nearBoundary(3)).toBeNull();
  });

  it("says when nothing is comparable yet", () => {
    expect(moderationLine("3.1.1", agreement([{ first: null, second: "yes" }]), 50).text).toBe("3.1.1: no dip-sampled answers to compare yet");
  });
});
