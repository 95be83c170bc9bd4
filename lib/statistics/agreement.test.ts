import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreement, agreementBreakdown, tableAgreement, type AgreementObservation, type Judgement, type JudgementPair } from "./agreement";

// Published worked examples. Where a source gives a 95% interval rather than a standard error, the
// standard error is read back from it: irrCAC (Gwet's reference implementation, used for his
// Handbook's tables) gives estimate ± t(0.975, n − 1)·SE, and t(0.975, 99) = 1.984217.
const T_975_99 = 1.984217;

/** Pairs reproducing a 2 × 2 table (first rater's answer, then second's). */
function pairsOf(yesYes: number, yesNo: number, noYes: number, noNo: number): JudgementPair[] {
  const repeat = (n: number, first: Judgement, second: Judgement) => Array.from({ length: n }, () => ({ first, second }));
  return [...repeat(yesYes, "yes", "yes"), ...repeat(yesNo, "yes", "no"), ...repeat(noYes, "no", "yes"), ...repeat(noNo, "no", "no")];
}

describe("Cohen's kappa against published worked examples", () => {
  it("Wikipedia, 'Cohen's kappa', simple example: 50 proposals, 20/5/10/15 → po 0.7, pe 0.5, κ 0.4", () => {
    const s = agreement(pairsOf(20, 5, 10, 15));
    expect(s.percentAgreement.value).toBeCloseTo(0.7, 10);
    expect(s.kappa.value).toBeCloseTo(0.4, 10);
  });

  it("Wikipedia, 'Same percentages but different numbers': 45/15/25/15 → κ 0.1304 and 25/35/5/35 → κ 0.2593", () => {
    expect(agreement(pairsOf(45, 15, 25, 15)).kappa.value).toBeCloseTo(0.1304, 4);
    expect(agreement(pairsOf(25, 35, 5, 35)).kappa.value).toBeCloseTo(0.2593, 4);
  });

  it("Shankar & Bangdiwala 2014 (BMC Med Res Methodol 14:100) Table 3, scenario 3, perfect symmetrical imbalance: po .90, pe .905, κ −.05", () => {
    // Marginals 95%/5% for both raters with the 10% disagreement split evenly: 90/5/5/0 of 100.
    const s = tableAgreement([
      [90, 5],
      [5, 0],
    ]);
    expect(s.observed).toBeCloseTo(0.9, 10);
    expect(s.kappa.value).toBeCloseTo(-0.05, 2);
  });

  it("Gwet, Handbook of Inter-Rater Reliability (4th ed.), 3 × 3 abstractors table (n = 100): κ 0.796, 95% CI 0.680–0.913", () => {
    const s = tableAgreement([
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ]);
    expect(s.kappa.value).toBeCloseTo(0.796, 3);
    expect(s.kappa.value! - T_975_99 * s.kappa.standardError!).toBeCloseTo(0.68, 2);
    expect(s.kappa.value! + T_975_99 * s.kappa.standardError!).toBeCloseTo(0.913, 3);
  });

  it("Gwet's 4 × 4 psychiatric diagnosis table (n = 223, irrCAC's cont4x4diagnosis): κ 0.432, SE 0.046", () => {
    const s = tableAgreement([
      [40, 4, 4, 17],
      [6, 25, 2, 13],
      [4, 1, 21, 12],
      [15, 5, 9, 45],
    ]);
    expect(s.kappa.value).toBeCloseTo(0.432, 3);
    expect(s.kappa.standardError).toBeCloseTo(0.046, 3);
  });
});

describe("Gwet's AC1 against published worked examples", () => {
  it("Shankar & Bangdiwala 2014 Table 3, scenario 3: AC1 .89 where κ is −.05 (the kappa paradox)", () => {
    const s = tableAgreement([
      [90, 5],
      [5, 0],
    ]);
    expect(s.ac1.value).toBeCloseTo(0.89, 2);
  });

  it("Shankar & Bangdiwala 2014 Table 3, scenario 1, symmetrical balance: po .85, pe .50, κ = AC1 = .70", () => {
    // Both raters' marginals 50%/50%: 85/15/15/85 of 200.
    const s = agreement(pairsOf(85, 15, 15, 85));
    expect(s.kappa.value).toBeCloseTo(0.7, 10);
    expect(s.ac1.value).toBeCloseTo(0.7, 10);
  });

  it("Gwet, Handbook (4th ed.), 3 × 3 abstractors table: AC1 0.84933, 95% CI 0.76358–0.93508", () => {
    const s = tableAgreement([
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ]);
    expect(s.ac1.value).toBeCloseTo(0.84933, 5);
    expect(s.ac1.value! - T_975_99 * s.ac1.standardError!).toBeCloseTo(0.76358, 4);
    expect(s.ac1.value! + T_975_99 * s.ac1.standardError!).toBeCloseTo(0.93508, 4);
  });

  it("Gwet's 4 × 4 psychiatric diagnosis table (n = 223): AC1 0.456, SE 0.043", () => {
    const s = tableAgreement([
      [40, 4, 4, 17],
      [6, 25, 2, 13],
      [4, 1, 21, 12],
      [15, 5, 9, 45],
    ]);
    expect(s.ac1.value).toBeCloseTo(0.456, 3);
    expect(s.ac1.standardError).toBeCloseTo(0.043, 3);
  });
});

describe("agreement over yes/no/not-applicable pairs", () => {
  it("counts applicability disagreements, both-not-applicable and unanswered apart from the compared pairs", () => {
    const s = agreement([
      { first: "yes", second: "yes" },
      { first: "yes", second: "no" },
      { first: "not_applicable", second: "yes" },
      { first: "no", second: "not_applicable" },
      { first: "not_applicable", second: "not_applicable" },
      { first: null, second: "yes" },
      { first: "no", second: null },
      { first: "no", second: "no" },
    ]);
    expect(s).toMatchObject({
      pairs: 8,
      compared: 3,
      agreed: 2,
      table: { yesYes: 1, yesNo: 1, noYes: 0, noNo: 1 },
      applicabilityDisagreements: 2,
      bothNotApplicable: 1,
      unanswered: 2,
    });
    expect(s.percentAgreement.value).toBeCloseTo(2 / 3, 10);
  });

  it("gives no statistics, with a reason, when nothing can be compared", () => {
    const s = agreement([
      { first: "not_applicable", second: "yes" },
      { first: null, second: null },
    ]);
    expect(s.compared).toBe(0);
    for (const e of [s.percentAgreement, s.kappa, s.ac1]) {
      expect(e.value).toBeNull();
      expect(e.reason).toMatch(/nothing to compare/);
    }
    expect(agreement([]).pairs).toBe(0);
  });

  it("leaves kappa undefined with a reason when both gave one same answer throughout, while AC1 is 1", () => {
    const s = agreement(pairsOf(12, 0, 0, 0));
    expect(s.kappa.value).toBeNull();
    expect(s.kappa.reason).toMatch(/undefined/);
    expect(s.ac1).toMatchObject({ value: 1, standardError: 0, interval80: { lower: 1, upper: 1 } });
    expect(s.percentAgreement.value).toBe(1);
    expect(s.percentAgreement.interval80!.upper).toBe(1);
    expect(s.percentAgreement.interval80!.lower).toBeLessThan(1); // 12 cases do not prove perfection
  });

  it("gives an 80% interval of estimate ± 1.2816 SE", () => {
    const s = agreement(pairsOf(20, 5, 10, 15));
    expect(s.kappa.interval80!.lower).toBeCloseTo(0.4 - 1.2816 * s.kappa.standardError!, 10);
    expect(s.kappa.interval80!.upper).toBeCloseTo(0.4 + 1.2816 * s.kappa.standardError!, 10);
  });

  it("refuses a table that is not square or has negative counts", () => {
    expect(() => tableAgreement([[1, 2]])).toThrow(/square/);
    expect(() => tableAgreement([[1, -1], [0, 2]])).toThrow(/whole numbers/);
  });
});

const answer = fc.constantFrom<Judgement>("yes", "no", "not_applicable", null);
const yesNo = fc.constantFrom<Judgement>("yes", "no");
const pairList = fc.array(fc.record({ first: answer, second: answer }), { maxLength: 80 });

describe("agreement properties", () => {
  it("perfect agreement gives 1: AC1 always, kappa whenever it is defined", () => {
    fc.assert(
      fc.property(fc.array(yesNo, { minLength: 1, maxLength: 80 }), (answers) => {
        const s = agreement(answers.map((a) => ({ first: a, second: a })));
        expect(s.percentAgreement.value).toBe(1);
        expect(s.ac1.value).toBeCloseTo(1, 12);
        const bothUsed = new Set(answers).size === 2;
        if (bothUsed) expect(s.kappa.value).toBeCloseTo(1, 12);
        else expect(s.kappa.value).toBeNull();
      }),
    );
  });

  it("is symmetric in the two assessors", () => {
    fc.assert(
      fc.property(pairList, (pairs) => {
        const a = agreement(pairs);
        const b = agreement(pairs.map(({ first, second }) => ({ first: second, second: first })));
        for (const key of ["percentAgreement", "kappa", "ac1"] as const) {
          if (a[key].value === null) expect(b[key].value).toBeNull();
          else {
            expect(b[key].value).toBeCloseTo(a[key].value, 12);
            expect(b[key].standardError!).toBeCloseTo(a[key].standardError!, 12);
          }
        }
        expect(b.applicabilityDisagreements).toBe(a.applicabilityDisagreements);
      }),
    );
  });

  it("keeps every statistic and interval within its bounds", () => {
    fc.assert(
      fc.property(pairList, (pairs) => {
        const s = agreement(pairs);
        expect(s.compared + s.applicabilityDisagreements + s.bothNotApplicable + s.unanswered).toBe(s.pairs);
        for (const [e, min] of [
          [s.percentAgreement, 0],
          [s.kappa, -1],
          [s.ac1, -1],
        ] as const) {
          if (e.value === null) continue;
          expect(e.value).toBeGreaterThanOrEqual(min - 1e-12);
          expect(e.value).toBeLessThanOrEqual(1 + 1e-12);
          expect(e.interval80!.lower).toBeGreaterThanOrEqual(min);
          expect(e.interval80!.upper).toBeLessThanOrEqual(1);
          expect(e.interval80!.lower).toBeLessThanOrEqual(e.value + 1e-12);
          expect(e.interval80!.upper).toBeGreaterThanOrEqual(e.value - 1e-12);
        }
      }),
    );
  });
});

describe("agreementBreakdown", () => {
  it("groups per key question, standard and inspector, in natural id order, with the overall figure", () => {
    const o = (keyQuestionId: string, inspectorId: string, first: Judgement, second: Judgement): AgreementObservation => ({
      keyQuestionId,
      standardId: keyQuestionId.split(".").slice(0, 2).join("."),
      inspectorId,
      first,
      second,
    });
    const b = agreementBreakdown([
      o("1.10.1", "ann", "yes", "yes"),
      o("1.9.1", "ann", "yes", "no"),
      o("1.9.1", "bob", "no", "no"),
      o("2.1.3", "bob", "yes", "yes"),
      o("2.1.3", "bob", "not_applicable", "yes"),
    ]);
    expect([...b.byKeyQuestion.keys()]).toEqual(["1.9.1", "1.10.1", "2.1.3"]);
    expect([...b.byStandard.keys()]).toEqual(["1.9", "1.10", "2.1"]);
    expect(b.byKeyQuestion.get("1.9.1")).toMatchObject({ compared: 2, agreed: 1 });
    expect(b.byKeyQuestion.get("2.1.3")).toMatchObject({ compared: 1, agreed: 1, applicabilityDisagreements: 1 });
    expect(b.byInspector.get("ann")).toMatchObject({ compared: 2, agreed: 1 });
    expect(b.byInspector.get("bob")).toMatchObject({ compared: 2, agreed: 2, applicabilityDisagreements: 1 });
    expect(b.overall).toMatchObject({ pairs: 5, compared: 4, agreed: 3 });
  });
});
