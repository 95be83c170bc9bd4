import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import { promptAggregates, type PromptMarkCount } from "./prompt-aggregates";

const court = { stream: "court" as const, disposalType: "referral_order", harmFactors: true, safetyWellbeingFactors: true };

describe("promptAggregates", () => {
  it("sums marks per prompt over final cases, as the reports cite them", () => {
    const counts: PromptMarkCount[] = [
      { status: "completed", attributes: court, questionId: "2.1.1", promptIndex: 0, mark: "met", count: 20 },
      { status: "approved", attributes: court, questionId: "2.1.1", promptIndex: 0, mark: "met", count: 3 },
      { status: "completed", attributes: court, questionId: "2.1.1", promptIndex: 0, mark: "not_met", count: 2 },
      // Not final: left out.
      { status: "in_progress", attributes: court, questionId: "2.1.1", promptIndex: 0, mark: "met", count: 9 },
      { status: "completed", attributes: court, questionId: "2.1.1", promptIndex: 3, mark: "not_met", count: 1 },
    ];
    const result = promptAggregates(getFramework("yjs-2021"), counts);
    expect(result["2.1.1"]?.map((p) => p.citation)).toEqual([
      "analysis of offending behaviour (23 out of 25)",
      "the child and their parents or carers meaningfully involved (0 out of 1)",
    ]);
  });

  it("leaves out cases the key question does not apply to (2018: harm factors judged none)", () => {
    const noHarm = { ...court, harmFactors: false };
    const result = promptAggregates(getFramework("yjs-2018"), [
      { status: "completed", attributes: noHarm, questionId: "2.1.3", promptIndex: 0, mark: "met", count: 4 },
      { status: "completed", attributes: court, questionId: "2.1.3", promptIndex: 0, mark: "met", count: 2 },
    ]);
    expect(result["2.1.3"]?.[0]).toMatchObject({ met: 2, marked: 2 });
  });
});
