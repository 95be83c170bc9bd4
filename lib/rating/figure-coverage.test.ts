import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import { countsFromAnswers, type CaseForCounting } from "./counts-from-answers";
import { keyQuestionCoverage, unsettledStandards, whyWithoutFigures, type CaseGroup } from "./figure-coverage";
import { rateInspection } from "./rate-inspection";

const fw2018 = getFramework("yjs-2018");
const court = (status: CaseGroup["status"], harmFactors: boolean | null, cases = 1): CaseGroup => ({
  status,
  attributes: { stream: "court", disposalType: "referral_order", harmFactors, safetyWellbeingFactors: true },
  cases,
});

describe("keyQuestionCoverage", () => {
  it("counts the cases each key question applies to, and those not final", () => {
    const coverage = keyQuestionCoverage(fw2018, [court("completed", false, 4), court("in_progress", true, 2), court("approved", null)]);
    const of = (id: string) => coverage.find((c) => c.id === id);
    // 2.1.1 applies to every court case; the harm question only where harm factors are judged yes or not yet judged.
    expect(of("2.1.1")).toEqual({ id: "2.1.1", applicableCases: 7, casesNotFinal: 2 });
    expect(of("2.1.3")).toEqual({ id: "2.1.3", applicableCases: 3, casesNotFinal: 2 });
    expect(of("3.1.1")).toEqual({ id: "3.1.1", applicableCases: 0, casesNotFinal: 0 });
  });
});

describe("whyWithoutFigures", () => {
  it("tells no applicable case from cases not final from answers all 'not applicable'", () => {
    const groups = [court("completed", false, 3)];
    const cases: CaseForCounting[] = [{ id: "c", status: "completed", attributes: groups[0]!.attributes }];
    const counts = countsFromAnswers(fw2018, cases, [{ caseId: "c", questionId: "2.1.2", value: "na", count: 3 }]);
    const coverage = keyQuestionCoverage(fw2018, groups);
    expect(whyWithoutFigures(["2.1.3"], coverage, counts.excluded)[0]).toMatchObject({
      reason: "no_applicable_case",
      explanation: "2.1.3: no case in the sample is one it applies to.",
    });
    expect(whyWithoutFigures(["2.1.2"], coverage, counts.excluded)[0]).toMatchObject({
      reason: "marked_not_applicable",
      markedNotApplicable: 3,
      explanation: "2.1.2: inspectors answered 'not applicable' in all 3 cases it applies to.",
    });
    const pending = keyQuestionCoverage(fw2018, [...groups, court("not_started", true)]);
    expect(whyWithoutFigures(["2.1.3"], pending, counts.excluded)[0]).toMatchObject({
      reason: "cases_not_final",
      casesNotFinal: 1,
      explanation: "2.1.3: 1 case it applies to is not completed or approved yet.",
    });
  });
});

describe("unsettledStandards", () => {
  it("names standards with a key question whose cases are not all final, with or without figures", () => {
    const coverage = keyQuestionCoverage(fw2018, [court("completed", true, 5), court("returned", true)]);
    const result = rateInspection({ framework: "yjs-2018", keyQuestions: { "2.1.1": { yes: 4, no: 1 }, "2.1.2": { yes: 5, no: 0 } } });
    const unsettled = unsettledStandards(result, coverage);
    expect(unsettled["2.1"]).toEqual(["2.1.1", "2.1.2", "2.1.3"]);
    expect(unsettled["3.1"]).toBeUndefined();
    expect(unsettled["1.1"]).toBeUndefined();
  });
});
