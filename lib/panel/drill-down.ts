// From a key question to the cases behind it, so the panel can read the evidence: each case of the
// key question's stream with its answer, rationale and the inspector who gave it, filterable by
// answer. Whether an answer counts is lib/framework's applicability rule and the case status.

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { findKeyQuestion, getFramework, isFrameworkVersion, keyQuestionApplicability, type KeyQuestion } from "@/lib/framework";
import { FINAL_CASE_STATUSES } from "@/lib/rating";
import type { CaseStatus } from "@/lib/statuses";
import { authorize, type Actor } from "@/lib/permissions/access";
import { APPLICABILITY_SELECT } from "@/lib/cases/applicability-select";

export const ANSWER_FILTERS = ["all", "yes", "no", "na", "unanswered", "does_not_apply"] as const;
export type AnswerFilter = (typeof ANSWER_FILTERS)[number];

export interface DrillDownRow {
  readonly caseId: string;
  readonly reference: string;
  readonly caseStatus: CaseStatus;
  readonly answer: "yes" | "no" | "na" | null;
  readonly naReason: string | null;
  readonly rationale: string;
  readonly inspector: string | null;
  /** Counted in the final figures: the question applies, the answer is yes or no, the case is final. */
  readonly countsInFinal: boolean;
  /** Why it does not count (the rule's reason), when the question does not apply to the case. */
  readonly notApplicableReason: string | null;
}

export interface DrillDown {
  readonly inspection: { id: string; yjsName: string };
  readonly keyQuestion: KeyQuestion;
  readonly filter: AnswerFilter;
  readonly rows: readonly DrillDownRow[];
  /** Rows per answer before filtering. */
  readonly totals: Readonly<Record<AnswerFilter, number>>;
}

const filterSchema = z.enum(ANSWER_FILTERS).catch("all");

export async function keyQuestionCases(actor: Actor, inspectionId: string, questionId: string, filter: unknown): Promise<DrillDown> {
  await authorize(actor, inspectionId, "panel.view");
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: { id: true, yjsName: true, frameworkVersion: true },
  });
  if (!isFrameworkVersion(inspection.frameworkVersion)) throw new NotFoundError("There is no such key question.");
  const kq = findKeyQuestion(getFramework(inspection.frameworkVersion), questionId);
  if (!kq || kq.appliesTo.stream === null) throw new NotFoundError("There is no such key question answered from cases.");
  const cases = await db.case.findMany({
    where: { inspectionId, removedAt: null, stream: kq.appliesTo.stream },
    orderBy: { reference: "asc" },
    select: {
      id: true,
      reference: true,
      status: true,
      ...APPLICABILITY_SELECT,
      answers: {
        where: { questionId },
        select: { value: true, naReason: true, rationale: true, updatedBy: { select: { name: true } } },
      },
    },
  });
  const all: DrillDownRow[] = cases.map((c) => {
    const answer = c.answers[0];
    const applicability = keyQuestionApplicability(kq, c);
    const value = answer?.value ?? null;
    return {
      caseId: c.id,
      reference: c.reference,
      caseStatus: c.status,
      answer: value,
      naReason: answer?.naReason ?? null,
      rationale: answer?.rationale ?? "",
      inspector: answer ? answer.updatedBy.name : null,
      countsInFinal: applicability.applies && (value === "yes" || value === "no") && FINAL_CASE_STATUSES.includes(c.status),
      notApplicableReason: applicability.applies ? null : applicability.reason,
    };
  });
  // A case where the key question does not apply is neither unanswered nor counted under its stored
  // answer (left from before its applicability changed): it has its own group.
  const keyOf = (row: DrillDownRow): AnswerFilter => (row.notApplicableReason !== null ? "does_not_apply" : (row.answer ?? "unanswered"));
  const totals = { all: all.length, yes: 0, no: 0, na: 0, unanswered: 0, does_not_apply: 0 } satisfies Record<AnswerFilter, number>;
  for (const row of all) totals[keyOf(row)] += 1;
  const chosen = filterSchema.parse(filter);
  return {
    inspection: { id: inspection.id, yjsName: inspection.yjsName },
    keyQuestion: kq,
    filter: chosen,
    rows: chosen === "all" ? all : all.filter((row) => keyOf(row) === chosen),
    totals,
  };
}
