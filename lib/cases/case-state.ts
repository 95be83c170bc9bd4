import "server-only";
import { recordAudit } from "@/lib/audit";
import { sqlRunner, type AnyTx } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { findStandard, type Framework } from "@/lib/framework";
import type { CaseStatus } from "@/lib/statuses";
import { sectionProblems, type AnswerState, type CaseForCompletion } from "./completion";

// Keeping a case's status and section marks truthful after its content changed; the rules are in
// completion.ts. Runs inside the transaction of the change, after the row lock, as SQL that works in
// a Prisma transaction (completion, quality assurance) and in the autosave's plain one.

// One round trip: the case's attributes that completion depends on, its marked sections, its answers
// and its open comments.
const COMPLETION_INPUTS_SQL = `
  SELECT c.stream::text AS stream, c.disposal_type AS "disposalType", c.harm_factors AS "harmFactors",
         c.safety_wellbeing_factors AS "safetyWellbeingFactors", c.case_manager_interviewed AS "caseManagerInterviewed",
         to_char(c.case_manager_interview_date, 'YYYY-MM-DD') AS "caseManagerInterviewDate",
         COALESCE((SELECT json_agg(s.standard_id ORDER BY s.standard_id) FROM case_sections s WHERE s.case_id = c.id), '[]') AS "markedSections",
         COALESCE((SELECT json_agg(json_build_object('questionId', a.question_id, 'value', a.value, 'naReason', a.na_reason, 'rationale', a.rationale))
                   FROM answers a WHERE a.case_id = c.id), '[]') AS answers,
         COALESCE((SELECT json_agg(json_build_object('id', q.id, 'questionId', q.question_id) ORDER BY q.created_at)
                   FROM queries q WHERE q.case_id = c.id AND q.status = 'open'), '[]') AS "openQueries"
  FROM cases c WHERE c.id = $1::uuid`;

interface CompletionInputsRow extends CaseForCompletion {
  markedSections: string[];
  answers: ({ questionId: string } & AnswerState)[];
  openQueries: { id: string; questionId: string }[];
}

export async function loadCompletionInputs(tx: AnyTx, caseId: string) {
  const row = (await sqlRunner(tx).rows<CompletionInputsRow>(COMPLETION_INPUTS_SQL, [caseId]))[0];
  if (!row) throw new NotFoundError("There is no such case.");
  const answers = new Map<string, AnswerState>(row.answers.map((a) => [a.questionId, { value: a.value, naReason: a.naReason, rationale: a.rationale }]));
  const kase: CaseForCompletion = {
    stream: row.stream,
    disposalType: row.disposalType,
    harmFactors: row.harmFactors,
    safetyWellbeingFactors: row.safetyWellbeingFactors,
    caseManagerInterviewed: row.caseManagerInterviewed,
    caseManagerInterviewDate: row.caseManagerInterviewDate,
  };
  return { kase, answers, markedSections: row.markedSections, openQueries: row.openQueries };
}

/** Why a completed case went back to in progress: the case history shows it to the lead. */
const CHANGED_AFTER_COMPLETION = "Changed after the case was completed: it counts as provisional until it is marked complete again.";

/**
 * After an edit: a not-started case is in progress; a section mark whose section now has problems is
 * removed; and any edit to a completed case returns it to in progress (its answers then count only
 * in the provisional figures), with the first such edit recorded on the case row
 * (changed_after_completion_at / _by) for the lead's grid until the lead approves. Every step
 * audited. Answers the case's status after the change.
 */
export async function afterContentChange(
  tx: AnyTx,
  fw: Framework,
  ids: { caseId: string; inspectionId: string; actorId: string },
  status: CaseStatus,
  markedSections: number,
): Promise<CaseStatus> {
  const audit = { actorId: ids.actorId, inspectionId: ids.inspectionId, caseId: ids.caseId };
  const newStatus = status === "not_started" || status === "completed" ? "in_progress" : status;
  // With no section marked complete there is nothing a change could reopen: skip loading the case.
  if (markedSections > 0 && (status === "completed" || status === "returned" || status === "in_progress")) {
    const inputs = await loadCompletionInputs(tx, ids.caseId);
    for (const standardId of inputs.markedSections) {
      const standard = findStandard(fw, standardId);
      if (!standard || sectionProblems(standard, inputs.kase, inputs.answers).length === 0) continue;
      await sqlRunner(tx).rows("DELETE FROM case_sections WHERE case_id = $1::uuid AND standard_id = $2", [ids.caseId, standardId]);
      await recordAudit(tx, {
        ...audit,
        action: "case.section_reopened",
        entityType: "case_section",
        entityId: `${ids.caseId}:${standardId}`,
        before: { completed: true },
        after: { standardId, completed: false, why: "A change left this section with something missing." },
      });
    }
  }
  if (status === "completed") {
    await sqlRunner(tx).rows(
      `UPDATE cases SET changed_after_completion_at = COALESCE(changed_after_completion_at, now()),
         changed_after_completion_by = COALESCE(changed_after_completion_by, $2::uuid) WHERE id = $1::uuid`,
      [ids.caseId, ids.actorId],
    );
    await setStatus(tx, ids, status, newStatus, { why: CHANGED_AFTER_COMPLETION });
  } else if (newStatus !== status) {
    await setStatus(tx, ids, status, newStatus);
  }
  return newStatus;
}

export async function setStatus(
  tx: AnyTx,
  ids: { caseId: string; inspectionId: string; actorId: string },
  from: CaseStatus,
  to: CaseStatus,
  extra: Record<string, string | number> = {},
): Promise<void> {
  // Approval is the lead's review of the case as it stands: the "changed after completion" signal ends.
  const clearChangedAfterCompletion = to === "approved" ? ", changed_after_completion_at = NULL, changed_after_completion_by = NULL" : "";
  await sqlRunner(tx).rows(
    `UPDATE cases SET status = $2::case_status, version = version + 1, updated_at = now()${clearChangedAfterCompletion} WHERE id = $1::uuid`,
    [ids.caseId, to],
  );
  await recordAudit(tx, {
    actorId: ids.actorId,
    inspectionId: ids.inspectionId,
    caseId: ids.caseId,
    action: "case.status_changed",
    entityType: "case",
    entityId: ids.caseId,
    before: { status: from },
    after: { status: to, ...extra },
  });
}
