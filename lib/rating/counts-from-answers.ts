// Builds the engine's keyQuestions input from stored answers. Only answers where the key question
// applies to the case (by the version's rule, keyQuestionApplicability) count, and "na" answers
// leave the denominator. Two sets: final (cases completed or approved: what the panel rates) and
// provisional (every answer given so far: progress during fieldwork).

import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";
import { findKeyQuestion, keyQuestionApplicability, type Framework } from "@/lib/framework";
import type { CaseStatus } from "@/lib/statuses";

/** Statuses whose answers count in the final figures. */
export const FINAL_CASE_STATUSES: readonly CaseStatus[] = Object.freeze(["completed", "approved"]);

export interface CaseForCounting {
  readonly id: string;
  readonly status: CaseStatus;
  readonly attributes: ApplicabilityAttributes;
}

export type AnswerValue = "yes" | "no" | "na";

export interface AnswerForCounting {
  readonly caseId: string;
  readonly questionId: string;
  readonly value: AnswerValue;
  /**
   * How many identical answers this row stands for (default 1). Lets a caller pre-aggregate in SQL:
   * one "case" per combination of the attributes that decide applicability and status, one row per
   * key question and value, with its count.
   */
  readonly count?: number;
}

export interface AnswerCounts {
  readonly yes: number;
  readonly no: number;
}

/** Answers to a key question that were left out of the counts, by reason. */
export interface Exclusions {
  /** The inspector answered N/A: out of the denominator. */
  markedNotApplicable: number;
  /** The key question does not apply to the case by the version's rule (e.g. no harm factors judged). */
  doesNotApply: number;
  /** The case is not completed or approved: left out of final, counted in provisional. */
  caseNotFinal: number;
}

export interface CountsFromAnswers {
  /** Engine input from completed and approved cases. Key questions with no yes/no answers are absent. */
  readonly final: Readonly<Record<string, AnswerCounts>>;
  /** Engine input from every answered case, whatever its status. */
  readonly provisional: Readonly<Record<string, AnswerCounts>>;
  /** By key question id. */
  readonly excluded: Readonly<Record<string, Exclusions>>;
  /** Answers that match no case or no case-answered key question of the version (data to look at, never counted). */
  readonly unmatched: { readonly unknownCase: number; readonly unknownKeyQuestion: number };
}

export function countsFromAnswers(
  fw: Framework,
  cases: readonly CaseForCounting[],
  answers: readonly AnswerForCounting[],
): CountsFromAnswers {
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const final: Record<string, { yes: number; no: number }> = {};
  const provisional: Record<string, { yes: number; no: number }> = {};
  const excluded: Record<string, Exclusions> = {};
  const unmatched = { unknownCase: 0, unknownKeyQuestion: 0 };

  const exclusionsFor = (id: string): Exclusions =>
    (excluded[id] ??= { markedNotApplicable: 0, doesNotApply: 0, caseNotFinal: 0 });
  const add = (into: Record<string, { yes: number; no: number }>, id: string, value: "yes" | "no", n: number) => {
    const counts = (into[id] ??= { yes: 0, no: 0 });
    counts[value] += n;
  };

  for (const answer of answers) {
    const n = answer.count ?? 1;
    const kq = findKeyQuestion(fw, answer.questionId);
    if (!kq || kq.appliesTo.stream === null) {
      unmatched.unknownKeyQuestion += n;
      continue;
    }
    const kase = caseById.get(answer.caseId);
    if (!kase) {
      unmatched.unknownCase += n;
      continue;
    }
    if (!keyQuestionApplicability(kq, kase.attributes).applies) {
      exclusionsFor(kq.id).doesNotApply += n;
      continue;
    }
    if (answer.value === "na") {
      exclusionsFor(kq.id).markedNotApplicable += n;
      continue;
    }
    add(provisional, kq.id, answer.value, n);
    if (FINAL_CASE_STATUSES.includes(kase.status)) {
      add(final, kq.id, answer.value, n);
    } else {
      exclusionsFor(kq.id).caseNotFinal += n;
    }
  }
  return { final, provisional, excluded, unmatched };
}
