import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db/client";
import { findStandard, type Framework } from "@/lib/framework";
import { sectionProblems, type AnswerState, type CaseForCompletion } from "./completion";

// Keeping a case's status and section marks truthful after its content changed (Prisma; the rules
// are in completion.ts). Runs inside the transaction of the change, after the row lock.

export async function loadCompletionInputs(tx: Tx, caseId: string) {
  const kase = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      stream: true,
      disposalType: true,
      harmFactors: true,
      safetyWellbeingFactors: true,
      caseManagerInterviewed: true,
      caseManagerInterviewDate: true,
      sections: { select: { standardId: true } },
      answers: { select: { questionId: true, value: true, naReason: true, rationale: true } },
      queries: { where: { status: "open" }, select: { id: true, questionId: true } },
    },
  });
  const answers = new Map<string, AnswerState>(kase.answers.map((a) => [a.questionId, { value: a.value, naReason: a.naReason, rationale: a.rationale }]));
  const forCompletion: CaseForCompletion = {
    stream: kase.stream,
    disposalType: kase.disposalType,
    harmFactors: kase.harmFactors,
    safetyWellbeingFactors: kase.safetyWellbeingFactors,
    caseManagerInterviewed: kase.caseManagerInterviewed,
    caseManagerInterviewDate: kase.caseManagerInterviewDate,
  };
  return { kase: forCompletion, answers, markedSections: kase.sections.map((s) => s.standardId), openQueries: kase.queries };
}

/**
 * After an edit: a not-started case is in progress; a section mark whose section now has problems is
 * removed; a completed case with any removed mark goes back to in progress. Every step audited.
 */
export async function afterContentChange(
  tx: Tx,
  fw: Framework,
  ids: { caseId: string; inspectionId: string; actorId: string },
  status: string,
  markedSections: number,
): Promise<void> {
  const audit = { actorId: ids.actorId, inspectionId: ids.inspectionId, caseId: ids.caseId };
  let newStatus = status === "not_started" ? "in_progress" : status;
  // With no section marked complete there is nothing a change could reopen: skip loading the case.
  if (markedSections > 0 && (status === "completed" || status === "returned" || status === "in_progress")) {
    const inputs = await loadCompletionInputs(tx, ids.caseId);
    for (const standardId of inputs.markedSections) {
      const standard = findStandard(fw, standardId);
      if (!standard || sectionProblems(standard, inputs.kase, inputs.answers).length === 0) continue;
      await tx.caseSection.delete({ where: { caseId_standardId: { caseId: ids.caseId, standardId } } });
      await recordAudit(tx, {
        ...audit,
        action: "case.section_reopened",
        entityType: "case_section",
        entityId: `${ids.caseId}:${standardId}`,
        before: { completed: true },
        after: { standardId, completed: false, why: "A change left this section with something missing." },
      });
      if (status === "completed") newStatus = "in_progress";
    }
  }
  if (newStatus !== status) await setStatus(tx, ids, status, newStatus);
}

export async function setStatus(
  tx: Tx,
  ids: { caseId: string; inspectionId: string; actorId: string },
  from: string,
  to: "not_started" | "in_progress" | "completed" | "returned" | "approved" | string,
  extra: Record<string, string | number> = {},
): Promise<void> {
  await tx.case.update({
    where: { id: ids.caseId },
    data: { status: to as "in_progress", version: { increment: 1 } },
  });
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
