// Properties of the roll-up that hold for any input, checked with fast-check.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getFramework, RATINGS, type Rating } from "@/lib/framework";
import { keyQuestionBand, percentYes, ratingRank } from "./bands";
import { countsFromAnswers, type AnswerForCounting, type CaseForCounting } from "./counts-from-answers";
import type { KeyQuestionFigures } from "./input";
import { rateInspection } from "./rate-inspection";

const counts = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
  .filter(([yes, no]) => yes + no > 0);

describe("bands are monotone in the answers", () => {
  it("adding a yes never lowers a band", () => {
    fc.assert(
      fc.property(counts, ([yes, no]) => {
        const before = keyQuestionBand(percentYes(yes, yes + no));
        const after = keyQuestionBand(percentYes(yes + 1, yes + no + 1));
        expect(ratingRank(after)).toBeLessThanOrEqual(ratingRank(before));
      }),
    );
  });

  it("adding a no never raises a band", () => {
    fc.assert(
      fc.property(counts, ([yes, no]) => {
        const before = keyQuestionBand(percentYes(yes, yes + no));
        const after = keyQuestionBand(percentYes(yes, yes + no + 1));
        expect(ratingRank(after)).toBeGreaterThanOrEqual(ratingRank(before));
      }),
    );
  });

  it("rounds half up exactly", () => {
    fc.assert(
      fc.property(counts, ([yes, no]) => {
        const applicable = yes + no;
        const p = percentYes(yes, applicable);
        // p − 0.5 <= 100·yes/applicable < p + 0.5, in integers.
        expect(2 * applicable * p - applicable).toBeLessThanOrEqual(200 * yes);
        expect(200 * yes).toBeLessThan(2 * applicable * p + applicable);
      }),
    );
  });
});

const CASE_KEY_QUESTIONS_2021 = ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"].flatMap((s) => [1, 2, 3].map((k) => `${s}.${k}`));
const JUDGED_2021 = ["1.1", "1.2", "1.3", "1.4", "3.4", "4.1"];
const rating = fc.constantFrom<Rating>(...RATINGS);

describe("the score", () => {
  it("equals the sum of the scored standards' points", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...CASE_KEY_QUESTIONS_2021), counts, { maxKeys: 21 }),
        fc.dictionary(fc.constantFrom(...JUDGED_2021.filter((id) => id !== "1.1")), rating, { maxKeys: 5 }),
        (kqCounts, judgements) => {
          const keyQuestions: Record<string, KeyQuestionFigures> = {};
          for (const [id, [yes, no]] of Object.entries(kqCounts)) keyQuestions[id] = { yes, no };
          const result = rateInspection({ framework: "yjs-2021", keyQuestions, judgements });
          const sum = result.standards.filter((s) => s.scored).reduce((total, s) => total + (s.score ?? 0), 0);
          expect(result.score).toBe(sum);
          expect(result.maxScore).toBe(3 * result.standards.filter((s) => s.scored && s.rating !== null).length);
          expect(result.complete).toBe(result.missing.length === 0);
          expect(result.overallRating === null).toBe(!result.complete);
          expect(result.standards.find((s) => s.id === "4.1")?.score).toBeNull();
        },
      ),
    );
  });
});

describe("N/A answers", () => {
  it("never change a percentage", () => {
    const fw = getFramework("yjs-2021");
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<"yes" | "no">("yes", "no"), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (values, naCount) => {
          const cases: CaseForCounting[] = Array.from({ length: values.length + naCount }, (_, i) => ({
            id: `c${i}`,
            status: "completed",
            attributes: { stream: "court", disposalType: "referral_order", harmFactors: null, safetyWellbeingFactors: null },
          }));
          const answers: AnswerForCounting[] = values.map((value, i) => ({ caseId: `c${i}`, questionId: "2.1.1", value }));
          const withNa = [
            ...answers,
            ...Array.from({ length: naCount }, (_, i) => ({ caseId: `c${values.length + i}`, questionId: "2.1.1", value: "na" as const })),
          ];
          const percentOf = (list: AnswerForCounting[]) => {
            const c = countsFromAnswers(fw, cases, list).final["2.1.1"];
            if (!c) throw new Error("no counts");
            return percentYes(c.yes, c.yes + c.no);
          };
          expect(percentOf(withNa)).toBe(percentOf(answers));
        },
      ),
    );
  });
});
