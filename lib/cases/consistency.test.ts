import { describe, expect, it } from "vitest";
import { median, promptHint, rationaleNorm, shortRationaleHint } from "./consistency";

describe("consistency hints", () => {
  it("flags yes with most prompts marked not met, and nothing else", () => {
    expect(promptHint("yes", { "0": "not_met", "1": "not_met", "2": "met" }, 4)).toBeNull();
    expect(promptHint("yes", { "0": "not_met", "1": "not_met", "2": "not_met" }, 4)).toContain("3 of the 4 prompts");
    expect(promptHint("no", { "0": "not_met", "1": "not_met", "2": "not_met" }, 4)).toBeNull();
  });

  it("computes the inspector's norm from enough non-empty rationales", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(rationaleNorm([100, 120, 0, 90])).toBeNull();
    expect(rationaleNorm([100, 120, 90, 200, 150, 0])).toBe(120);
  });

  it("flags a rationale much shorter than the norm, never an empty or a normal one", () => {
    expect(shortRationaleHint("no", "Too short.", 150)).toContain("much shorter");
    expect(shortRationaleHint("no", "x".repeat(60), 150)).toBeNull();
    expect(shortRationaleHint("yes", "", 150)).toBeNull();
    expect(shortRationaleHint("no", "Short.", null)).toBeNull();
    expect(shortRationaleHint("no", "Short.", 40)).toBeNull();
  });
});
