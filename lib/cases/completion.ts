// What stops a section or a whole case from being marked complete (ODK's "finalise" rules, GOV.UK
// error summary wording). Pure: the server refuses completion with this list, and the same list
// decides whether a completed case must go back to "in progress" after an edit.

import { keyQuestionApplicability, type Framework, type Standard } from "@/lib/framework";
import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";
import { standardsForStream } from "@/lib/framework";
import { fieldIds } from "./field-ids";

export interface AnswerState {
  value: "yes" | "no" | "na" | null;
  naReason: string | null;
  rationale: string;
}

export interface Problem {
  /** Element id of the field to fix (error summary link target). */
  field: string;
  message: string;
  /** The standard (section) the problem belongs to; absent for case-level problems. */
  standardId?: string;
}

export interface CaseForCompletion extends ApplicabilityAttributes {
  caseManagerInterviewed: boolean | null;
  caseManagerInterviewDate: string | Date | null;
}

export interface OpenQuery {
  id: string;
  questionId: string;
}

const FACTOR_FIELDS = {
  harm_factors: { field: fieldIds.harmFactors, message: "Choose whether there are harm factors in this case" },
  safety_wellbeing_factors: {
    field: fieldIds.safetyWellbeingFactors,
    message: "Choose whether there are safety and wellbeing factors in this case",
  },
} as const;

export function sectionProblems(standard: Standard, attrs: ApplicabilityAttributes, answers: ReadonlyMap<string, AnswerState>): Problem[] {
  const problems: Problem[] = [];
  const judgementsNeeded = new Set<keyof typeof FACTOR_FIELDS>();
  for (const kq of standard.keyQuestions) {
    const applicability = keyQuestionApplicability(kq, attrs);
    if (!applicability.applies) continue;
    if (applicability.pendingJudgement && (kq.appliesTo.requires === "harm_factors" || kq.appliesTo.requires === "safety_wellbeing_factors")) {
      judgementsNeeded.add(kq.appliesTo.requires);
    }
    const answer = answers.get(kq.id);
    const value = answer?.value ?? null;
    if (value === null) {
      problems.push({
        field: fieldIds.answer(kq.id),
        message: `Choose ${kq.notApplicableAllowed ? "yes, no or not applicable" : "yes or no"} for key question ${kq.id}`,
        standardId: standard.id,
      });
    } else if (value === "no" && !answer?.rationale.trim()) {
      problems.push({
        field: fieldIds.rationale(kq.id),
        message: `Enter a rationale for key question ${kq.id}: a “no” answer needs one`,
        standardId: standard.id,
      });
    } else if (value === "na" && !kq.notApplicableAllowed) {
      problems.push({
        field: fieldIds.answer(kq.id),
        message: `Choose yes or no for key question ${kq.id}: it cannot be marked not applicable`,
        standardId: standard.id,
      });
    } else if (value === "na" && !answer?.naReason?.trim()) {
      problems.push({
        field: fieldIds.naReason(kq.id),
        message: `Enter why key question ${kq.id} is not applicable`,
        standardId: standard.id,
      });
    }
  }
  const judgements = [...judgementsNeeded].map((factor) => ({ ...FACTOR_FIELDS[factor], standardId: standard.id }));
  return [...judgements, ...problems];
}

/** Every problem of the case: each section's, the case manager interview, unanswered lead comments. */
export function caseProblems(
  fw: Framework,
  kase: CaseForCompletion,
  answers: ReadonlyMap<string, AnswerState>,
  openQueries: readonly OpenQuery[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const standard of standardsForStream(fw, kase.stream)) {
    for (const problem of sectionProblems(standard, kase, answers)) {
      if (seen.has(problem.field)) continue; // a factor judgement is asked once, not per section
      seen.add(problem.field);
      problems.push(problem);
    }
  }
  if (kase.caseManagerInterviewed === null) {
    problems.push({ field: fieldIds.interviewed, message: "Choose whether the case manager was interviewed" });
  } else if (kase.caseManagerInterviewed && !kase.caseManagerInterviewDate) {
    problems.push({ field: fieldIds.interviewDate, message: "Enter the date of the case manager interview" });
  }
  for (const query of openQueries) {
    problems.push({
      field: fieldIds.queryReply(query.id),
      message: `Respond to the lead inspector's comment on key question ${query.questionId}`,
    });
  }
  return problems;
}

/** The problems as the fieldErrors of a ValidationError (field id → message, first wins). */
export function problemsAsFieldErrors(problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[problem.field] ??= problem.message;
  return errors;
}
