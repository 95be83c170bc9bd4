import "server-only";
import { z } from "zod";
import { storedCaseColumn } from "@/lib/answers/apply-changes";
import { storedAnswerFlat, type AnswerValue, type Scalar } from "@/lib/flat-fields";
import { sqlQuery } from "@/lib/db/client";
import type { Actor } from "@/lib/permissions/access";
import { caseContext } from "@/lib/cases/access";
import { CASE_FIELD_NAMES } from "@/lib/cases/case-fields";
import { caseStatusOf, type CaseStatus } from "@/lib/statuses";

// What an open case page polls (on focus and every few seconds) to learn that someone else changed
// the case: a stamp that moves with every write to the case (its version moves with each field and
// status change, the sum of its answers' versions with each answer, and its section marks), and,
// only when the stamp differs from the page's, the stored state: status, section marks, case
// fields and each answer with who changed it last.

export interface LiveAnswer {
  version: number;
  fields: Record<string, Scalar>;
  updatedByName: string | null;
  updatedAt: string | null;
}

export interface CaseLiveState {
  stamp: string;
  status: CaseStatus;
  markedSections: string[];
  caseVersion: number;
  caseFields: Record<string, Scalar>;
  answers: Record<string, LiveAnswer>;
}

export type CaseLiveAnswer = { stamp: string; unchanged: true } | ({ unchanged: false } & CaseLiveState);

const STAMP_SQL = `
  SELECT c.version || '.' || c.status::text || '.' || COALESCE((SELECT sum(a.version) FROM answers a WHERE a.case_id = c.id), 0)
         || '.' || COALESCE((SELECT string_agg(s.standard_id, ',' ORDER BY s.standard_id) FROM case_sections s WHERE s.case_id = c.id), '') AS stamp
  FROM cases c WHERE c.id = $1::uuid`;

const STATE_SQL = `
  SELECT c.version AS "caseVersion", c.status::text AS status, ${CASE_FIELD_NAMES.map(storedCaseColumn).join(", ")},
         COALESCE((SELECT json_agg(s.standard_id ORDER BY s.standard_id) FROM case_sections s WHERE s.case_id = c.id), '[]') AS "markedSections",
         COALESCE((SELECT json_agg(json_build_object('questionId', a.question_id, 'value', a.value, 'naReason', a.na_reason, 'rationale', a.rationale,
                     'promptMarks', a.prompt_marks, 'version', a.version, 'updatedByName', u.name, 'updatedAt', a.updated_at))
                   FROM answers a JOIN users u ON u.id = a.updated_by WHERE a.case_id = c.id), '[]') AS answers
  FROM cases c WHERE c.id = $1::uuid`;

interface StateRow extends Record<string, unknown> {
  caseVersion: number;
  status: string;
  markedSections: string[];
  answers: {
    questionId: string;
    value: AnswerValue | null;
    naReason: string | null;
    rationale: string;
    promptMarks: unknown;
    version: number;
    updatedByName: string;
    updatedAt: string;
  }[];
}

const sinceSchema = z.string().max(200).nullable().catch(null);

/** The case's live state for a reader of the case, or only its stamp when `since` is still current. */
export async function caseLiveState(actor: Actor, caseId: string, since: unknown): Promise<CaseLiveAnswer> {
  await caseContext(actor, caseId);
  const known = sinceSchema.parse(since ?? null);
  const stamp = (await sqlQuery<{ stamp: string }>(STAMP_SQL, [caseId])).rows[0]!.stamp;
  if (known === stamp) return { stamp, unchanged: true };
  const row = (await sqlQuery<StateRow>(STATE_SQL, [caseId])).rows[0]!;
  const caseFields: Record<string, Scalar> = {};
  for (const field of CASE_FIELD_NAMES) caseFields[field] = row[field] as Scalar;
  const answers: Record<string, LiveAnswer> = {};
  for (const a of row.answers) {
    answers[a.questionId] = {
      version: a.version,
      fields: storedAnswerFlat({ value: a.value, naReason: a.naReason, rationale: a.rationale ?? "", promptMarks: a.promptMarks }),
      updatedByName: a.version > 0 ? a.updatedByName : null,
      updatedAt: a.version > 0 ? new Date(a.updatedAt).toISOString() : null,
    };
  }
  return { unchanged: false, stamp, status: caseStatusOf(row.status), markedSections: row.markedSections, caseVersion: row.caseVersion, caseFields, answers };
}
