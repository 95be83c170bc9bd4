import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparisonLimits, comparisonPosition, describeFunnelPosition, funnelCurve, funnelLimits, funnelPosition, lowerLimit, upperLimit } from "./funnel";

describe("exact binomial funnel limits", () => {
  // Hand calculation, n = 10, θ = 0.5: P(X ≥ 10) = 1/1024 = 0.00098, P(X ≥ 9) = 11/1024 = 0.0107,
  // P(X ≥ 8) = 56/1024 = 0.0547. So 9 and 10 are beyond 95% (tail < 2.5%), 10 alone beyond 99.8%
  // (tail < 0.1%): the highest unflagged rates are 8/10 and 9/10; by symmetry 2/10 and 1/10 below.
  it("n = 10, target 50%: 95% limits 20%–80%, 99.8% limits 10%–90%", () => {
    expect(funnelLimits(10, 0.5)).toEqual({ n: 10, lower95: 0.2, upper95: 0.8, lower998: 0.1, upper998: 0.9 });
    expect([7, 8, 9, 10].map((y) => funnelPosition(y, 10, 0.5))).toEqual(["within", "within", "high95", "high998"]);
    expect([0, 1, 2].map((y) => funnelPosition(y, 10, 0.5))).toEqual(["low998", "low95", "within"]);
  });

  // n = 5, θ = 0.9: P(X ≤ 2) = 1 − 0.59049 − 0.32805 − 0.0729 = 0.00856 < 2.5%, P(X ≤ 3) = 0.08146.
  // P(X ≤ 1) = 0.00046 < 0.1%, so 2/5 is beyond 95% only and 1/5 beyond 99.8%.
  it("n = 5, target 90%: 3 of 5 is within, 2 of 5 below the 95% limit, 1 of 5 below 99.8%", () => {
    expect(lowerLimit(0.025, 5, 0.9)).toBe(0.6);
    expect(lowerLimit(0.001, 5, 0.9)).toBe(0.4);
    expect(funnelPosition(3, 5, 0.9)).toBe("within");
    expect(funnelPosition(2, 5, 0.9)).toBe("low95");
    expect(funnelPosition(1, 5, 0.9)).toBe("low998");
  });

  it("never flags an inspector who said yes to every case when the team is at 95% on a few cases", () => {
    // P(X = 5 | θ = 0.95) = 0.774: the most likely outcome, so the upper limits are 100%.
    expect(upperLimit(0.001, 5, 0.95)).toBe(1);
    expect(funnelPosition(5, 5, 0.95)).toBe("within");
  });

  it("approaches the normal approximation for a large denominator (n = 1000, target 50%: 50% ± 1.96 × 1.58%)", () => {
    const limits = funnelLimits(1000, 0.5);
    expect(limits.upper95).toBeCloseTo(0.5 + 1.959964 * Math.sqrt(0.25 / 1000), 2);
    expect(limits.lower95).toBeCloseTo(0.5 - 1.959964 * Math.sqrt(0.25 / 1000), 2);
    expect(limits.upper998).toBeCloseTo(0.5 + 3.090232 * Math.sqrt(0.25 / 1000), 2);
  });

  it("handles targets of 0% and 100%: only a departure from them is flagged", () => {
    expect(funnelLimits(4, 1)).toMatchObject({ upper95: 1, lower95: 1, upper998: 1, lower998: 1 });
    expect(funnelPosition(4, 4, 1)).toBe("within");
    expect(funnelPosition(3, 4, 1)).toBe("low998");
    expect(funnelPosition(0, 4, 0)).toBe("within");
  });

  it("refuses a zero denominator, a target outside 0–1 and an impossible count", () => {
    expect(() => funnelLimits(0, 0.5)).toThrow(/denominator/);
    expect(() => funnelLimits(3, 1.2)).toThrow(/proportion/);
    expect(() => funnelPosition(4, 3, 0.5)).toThrow(/whole number 0–3/);
  });

  it("describes each position in words", () => {
    expect(describeFunnelPosition("high998")).toBe("above the 99.8% limit");
    expect(describeFunnelPosition("within")).toBe("within the 95% limits");
  });

  it("nests the limits and narrows them as n grows (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, target) => {
        const l = funnelLimits(n, target);
        expect(l.lower998).toBeLessThanOrEqual(l.lower95);
        expect(l.lower95).toBeLessThanOrEqual(l.upper95);
        expect(l.upper95).toBeLessThanOrEqual(l.upper998);
        expect(l.lower998).toBeGreaterThanOrEqual(0);
        expect(l.upper998).toBeLessThanOrEqual(1);
        // What is drawn is what is flagged: the count on each limit is not flagged, the next one is.
        const y = Math.round(l.upper95 * n);
        expect(funnelPosition(y, n, target)).toBe("within");
        if (y < n) expect(funnelPosition(y + 1, n, target)).toMatch(/^high/);
      }),
    );
  });

  it("draws one point per denominator", () => {
    const curve = funnelCurve(0.7, 30);
    expect(curve).toHaveLength(30);
    expect(curve[0]!.n).toBe(1);
    expect(curve[29]!.upper95 - curve[29]!.lower95).toBeLessThan(curve[4]!.upper95 - curve[4]!.lower95);
  });
});

describe("comparison with the rest of a group (conditional on the group's total, Fisher's exact test)", () => {
  // Fisher (1935), the lady tasting tea: 8 cups, 4 with milk first; she names 4, all right. Given 4
  // "milk first" among 8, the chance of all 4 by luck is 1 / C(8, 4) = 1/70 = 0.0143: beyond 95%
  // (< 2.5%) but not 99.8% (≥ 0.1%). With 3 right, P(X ≥ 3) = (16 + 1)/70 = 0.243: within.
  it("reproduces the lady tasting tea: 4 of 4 against 0 of 4 is beyond 95% only; 3 of 4 against 1 of 4 is within", () => {
    expect(comparisonPosition(4, 4, 0, 4)).toBe("high95");
    expect(comparisonPosition(3, 4, 1, 4)).toBe("within");
    expect(comparisonLimits(4, 4, 0, 4)).toMatchObject({ upper95: 0.75, upper998: 1 });
  });

  // 6 of 7 against the rest's 6 of 6: P(X = 7 | N = 13, K = 12, n = 7) = C(12,7)/C(13,7) = 792/1716,
  // so P(X ≤ 6) = 0.54. Against a known 100% target, one "no" would be impossible and flagged.
  it("does not flag one 'no' because the rest of a small team happened to say yes every time", () => {
    expect(comparisonPosition(6, 7, 6, 6)).toBe("within");
    expect(funnelPosition(6, 7, 1)).toBe("low998");
  });

  // 5 of 5 against 0 of 6: P(X ≥ 5 | N = 11, K = 5, n = 5) = 1/C(11,5) = 1/462 = 0.0022.
  it("flags complete disagreement beyond 95% on 5 and 6 answers, and beyond 99.8% on 10 and 10", () => {
    expect(comparisonPosition(5, 5, 0, 6)).toBe("high95");
    expect(comparisonPosition(0, 6, 5, 5)).toBe("low95");
    // 1 / C(20, 10) = 5.4e-6.
    expect(comparisonPosition(10, 10, 0, 10)).toBe("high998");
  });

  it("approaches the known-target limits when the rest of the group is large", () => {
    const conditional = comparisonLimits(20, 10, 50_000, 100_000);
    const known = funnelLimits(20, 0.5);
    expect(conditional.upper95).toBeCloseTo(known.upper95, 10);
    expect(conditional.lower998).toBeCloseTo(known.lower998, 10);
  });

  it("refuses a comparison with no answers on a side or impossible counts", () => {
    expect(() => comparisonLimits(0, 0, 3, 5)).toThrow(/both sides/);
    expect(() => comparisonLimits(4, 1, 3, 0)).toThrow(/both sides/);
    expect(() => comparisonLimits(4, 5, 3, 5)).toThrow(/cannot exceed/);
  });
});
