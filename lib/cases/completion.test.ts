import { describe, expect, it } from "vitest";
import { getFramework, findStandard } from "@/lib/framework";
import { caseProblems, sectionProblems, type AnswerState } from "./completion";

const fw2021 = getFramework("yjs-2021");
const fw2018 = getFramework("yjs-2018");
const court = { stream: "court" as const, disposalType: "referral_order", harmFactors: null, safetyWellbeingFactors: null };
const answers = (entries: [string, Partial<AnswerState>][]) =>
  new Map(entries.map(([id, a]) => [id, { value: null, naReason: null, rationale: "", ...a } as AnswerState]));

describe("completion problems", () => {
  it("lists each missing answer, rationale for a no, and reason for N/A, with the field to fix", () => {
    const standard = findStandard(fw2021, "2.1")!;
    const problems = sectionProblems(standard, court, answers([["2.1.1", { value: "no", rationale: "  " }], ["2.1.2", { value: "na" }]]));
    expect(problems).toEqual([
      { field: "kq-2-1-1-rationale", message: "Enter a rationale for key question 2.1.1: a “no” answer needs one", standardId: "2.1" },
      { field: "kq-2-1-2-na-reason", message: "Enter why key question 2.1.2 is not applicable", standardId: "2.1" },
      { field: "kq-2-1-3-yes", message: "Choose yes, no or not applicable for key question 2.1.3", standardId: "2.1" },
    ]);
  });

  it("accepts a section where every question is answered properly", () => {
    const standard = findStandard(fw2021, "2.1")!;
    expect(sectionProblems(standard, court, answers([["2.1.1", { value: "yes" }], ["2.1.2", { value: "no", rationale: "Thin." }], ["2.1.3", { value: "na", naReason: "No victims." }]]))).toEqual([]);
  });

  it("asks for the factor judgement once, and skips questions the judgement rules out (yjs-2018)", () => {
    const pending = caseProblems(fw2018, { ...court, caseManagerInterviewed: true, caseManagerInterviewDate: "2026-11-24" }, new Map());
    expect(pending.filter((p) => p.field === "case-harm-factors-yes")).toHaveLength(1);
    const judged = { ...court, harmFactors: false, safetyWellbeingFactors: false, caseManagerInterviewed: true, caseManagerInterviewDate: "2026-11-24" };
    const problems = caseProblems(fw2018, judged, new Map());
    expect(problems.some((p) => p.field.startsWith("case-"))).toBe(false);
    expect(problems.every((p) => p.field.startsWith("kq-"))).toBe(true);
  });

  it("needs the case manager interview and answers to open comments for the whole case", () => {
    const all = new Map(
      fw2021.domains
        .flatMap((d) => d.standards)
        .filter((s) => s.stream === "court")
        .flatMap((s) => s.keyQuestions)
        .map((kq) => [kq.id, { value: "yes", naReason: null, rationale: "" } as AnswerState]),
    );
    expect(caseProblems(fw2021, { ...court, caseManagerInterviewed: null, caseManagerInterviewDate: null }, all)).toEqual([
      { field: "case-interviewed-yes", message: "Choose whether the case manager was interviewed" },
    ]);
    expect(caseProblems(fw2021, { ...court, caseManagerInterviewed: true, caseManagerInterviewDate: null }, all, [{ id: "q1", questionId: "2.2.1" }])).toEqual([
      { field: "case-interview-date", message: "Enter the date of the case manager interview" },
      { field: "query-q1-reply", message: "Respond to the lead inspector's comment on key question 2.2.1" },
    ]);
    expect(caseProblems(fw2021, { ...court, caseManagerInterviewed: false, caseManagerInterviewDate: null }, all)).toEqual([]);
  });
});
