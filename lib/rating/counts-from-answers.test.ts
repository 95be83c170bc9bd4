import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";
import type { CaseStatus } from "@/lib/statuses";
import { countsFromAnswers, type AnswerForCounting, type CaseForCounting } from "./counts-from-answers";

const y2018 = getFramework("yjs-2018");
const y2021 = getFramework("yjs-2021");

const court = (overrides: Partial<ApplicabilityAttributes> = {}): ApplicabilityAttributes => ({
  stream: "court",
  disposalType: "referral_order",
  harmFactors: true,
  safetyWellbeingFactors: true,
  ...overrides,
});
const kase = (id: string, status: CaseStatus, attributes = court()): CaseForCounting => ({ id, status, attributes });
const answer = (caseId: string, questionId: string, value: "yes" | "no" | "na"): AnswerForCounting => ({ caseId, questionId, value });

describe("countsFromAnswers", () => {
  it("counts final answers from completed and approved cases, provisional from all", () => {
    const cases = [kase("a", "completed"), kase("b", "approved"), kase("c", "in_progress"), kase("d", "returned")];
    const answers = [answer("a", "2.1.1", "yes"), answer("b", "2.1.1", "no"), answer("c", "2.1.1", "yes"), answer("d", "2.1.1", "yes")];
    const counts = countsFromAnswers(y2021, cases, answers);
    expect(counts.final).toEqual({ "2.1.1": { yes: 1, no: 1 } });
    expect(counts.provisional).toEqual({ "2.1.1": { yes: 3, no: 1 } });
    expect(counts.excluded).toEqual({ "2.1.1": { markedNotApplicable: 0, doesNotApply: 0, caseNotFinal: 2 } });
  });

  it("takes N/A answers out of the denominator", () => {
    const counts = countsFromAnswers(y2021, [kase("a", "completed"), kase("b", "completed")], [
      answer("a", "2.1.3", "yes"),
      answer("b", "2.1.3", "na"),
    ]);
    expect(counts.final).toEqual({ "2.1.3": { yes: 1, no: 0 } });
    expect(counts.excluded["2.1.3"]?.markedNotApplicable).toBe(1);
  });

  it("yjs-2018: leaves out answers where the key question does not apply by the factors", () => {
    const cases = [kase("a", "completed", court({ harmFactors: false })), kase("b", "completed", court({ harmFactors: null }))];
    const counts = countsFromAnswers(y2018, cases, [answer("a", "2.1.3", "no"), answer("b", "2.1.3", "no")]);
    // Unjudged factors count as applying.
    expect(counts.final).toEqual({ "2.1.3": { yes: 0, no: 1 } });
    expect(counts.excluded["2.1.3"]?.doesNotApply).toBe(1);
  });

  it("yjs-2018: 3.4.2 counts only youth conditional cautions", () => {
    const ooc = (disposalType: string) => court({ stream: "out_of_court", disposalType });
    const cases = [kase("a", "completed", ooc("youth_conditional_caution")), kase("b", "completed", ooc("community_resolution"))];
    const counts = countsFromAnswers(y2018, cases, [answer("a", "3.4.2", "yes"), answer("b", "3.4.2", "yes")]);
    expect(counts.final).toEqual({ "3.4.2": { yes: 1, no: 0 } });
  });

  it("leaves out answers across streams and reports unmatched answers", () => {
    const counts = countsFromAnswers(y2021, [kase("a", "completed")], [
      answer("a", "3.1.1", "yes"), // court case answering an out-of-court question
      answer("zz", "2.1.1", "yes"),
      answer("a", "9.9.9", "yes"),
      answer("a", "1.1.1", "yes"),
    ]);
    expect(counts.final).toEqual({});
    expect(counts.excluded["3.1.1"]?.doesNotApply).toBe(1);
    expect(counts.unmatched).toEqual({ unknownCase: 1, unknownKeyQuestion: 2 });
  });

  it("omits key questions with no yes/no answers, so the output is valid engine input", () => {
    const counts = countsFromAnswers(y2021, [kase("a", "completed")], [answer("a", "2.1.1", "na")]);
    expect(counts.final).toEqual({});
    expect(counts.provisional).toEqual({});
  });

  it("counts a pre-aggregated row as that many answers, with the same result as the rows one by one", () => {
    const statuses: CaseStatus[] = ["completed", "approved", "in_progress"];
    const harm = [true, false, null] as const;
    const cases: CaseForCounting[] = [];
    const rows: AnswerForCounting[] = [];
    for (let i = 0; i < 30; i++) {
      cases.push(kase(`c${i}`, statuses[i % 3] as CaseStatus, court({ harmFactors: harm[i % 3] as boolean | null })));
      rows.push(answer(`c${i}`, "2.1.3", i % 4 === 0 ? "no" : i % 7 === 0 ? "na" : "yes"));
    }
    // Group as SQL would: one synthetic case per (status, attributes), one row per (question, value).
    const groups = new Map<string, { kase: CaseForCounting; questionId: string; value: AnswerForCounting["value"]; count: number }>();
    for (const row of rows) {
      const c = cases.find((x) => x.id === row.caseId) as CaseForCounting;
      const key = JSON.stringify([c.status, c.attributes, row.questionId, row.value]);
      const group = groups.get(key);
      if (group) group.count += 1;
      else groups.set(key, { kase: { ...c, id: key }, questionId: row.questionId, value: row.value, count: 1 });
    }
    const grouped = [...groups.values()];
    for (const version of [y2018, y2021]) {
      expect(
        countsFromAnswers(
          version,
          grouped.map((g) => g.kase),
          grouped.map((g) => ({ caseId: g.kase.id, questionId: g.questionId, value: g.value, count: g.count })),
        ),
      ).toEqual(countsFromAnswers(version, cases, rows));
    }
  });
});
