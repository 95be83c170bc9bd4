import { describe, expect, it } from "vitest";
import { calibratedSlowdown } from "./host-calibration";

describe("calibratedSlowdown", () => {
  it("is the preset's own 4× on the host it assumes, and the calculator's 3×, 2× and 1× at its joins", () => {
    expect(calibratedSlowdown(1533)).toBeCloseTo(4, 2);
    expect(calibratedSlowdown(1300)).toBe(3);
    expect(calibratedSlowdown(800)).toBe(2);
    expect(calibratedSlowdown(150)).toBe(1);
  });

  it("is continuous: just under each join, it gives the join's value", () => {
    for (const join of [1300, 800, 150]) expect(calibratedSlowdown(join - 1e-9)).toBeCloseTo(calibratedSlowdown(join), 6);
  });

  it("slows a faster host more, and never asks for a slowdown under 1", () => {
    const indexes = [50, 149, 400, 900, 1004, 1400, 2000];
    const slowdowns = indexes.map(calibratedSlowdown);
    for (let i = 1; i < slowdowns.length; i++) expect(slowdowns[i]!).toBeGreaterThanOrEqual(slowdowns[i - 1]!);
    expect(calibratedSlowdown(50)).toBe(1);
    expect(calibratedSlowdown(1004)).toBeCloseTo(2.408, 3);
  });
});
