import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { parse } from "@/lib/validation";
import { applicableKeyQuestions, keyQuestionRef, loadDipCase, lockDipCase, MAX_NOTE, seesInspectorAnswers } from "./kernel";

// Reconciliation of one dip-sampled case: per key question, the inspector's and the moderator's
// answers and rationales side by side, disagreements first, and the moderator's outcome on each
// disagreement. The inspector's side is read only for callers who may see it (./kernel.ts
// seesInspectorAnswers): a moderator sees nothing of it until their second assessment is complete.

export const OUTCOMES = ["answer_stands", "inspector_to_review"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = Object.freeze({
  answer_stands: "Inspector's answer stands",
  inspector_to_review: "Inspector to review",
});

type Value = "yes" | "no" | "na";

export interface ReconciliationRow {
  questionId: string;
  standardId: string;
  text: string;
  inspector: { value: Value | null; rationale: string; naReason: string | null };
  second: { value: Value | null; rationale: string };
  /** Both answered and the answers differ. */
  disagreement: boolean;
  outcome: { outcome: Outcome; note: string; decidedBy: string; decidedAt: Date; response: "changed" | "kept" | null; reply: string | null; respondedAt: Date | null } | null;
}

export type ReconciliationView =
  | { reference: string; stream: string; inspectorName: string | null; state: "not_in_sample" | "awaiting_second_assessment"; rows: null; canRecordOutcomes: false }
  | { reference: string; stream: string; inspectorName: string | null; state: "ready"; rows: ReconciliationRow[]; canRecordOutcomes: boolean; completedAt: Date | null };

export async function reconciliationView(actor: Actor, inspectionId: string, caseId: string): Promise<ReconciliationView> {
  const { caller, kase } = await loadDipCase(actor, inspectionId, caseId, "moderation.view");
  const inspector = kase.allocatedToId ? await db.user.findUnique({ where: { id: kase.allocatedToId }, select: { name: true } }) : null;
  const base = { reference: kase.reference, stream: kase.stream, inspectorName: inspector?.name ?? null };
  if (!kase.moderation) return { ...base, state: "not_in_sample", rows: null, canRecordOutcomes: false };
  // Checked on the server before any inspector answer is read: the moderator's page cannot receive it.
  if (!seesInspectorAnswers(caller, kase, can(caller, "cases.read")) || !kase.moderation.completedAt) {
    return { ...base, state: "awaiting_second_assessment", rows: null, canRecordOutcomes: false };
  }
  const [answers, seconds, outcomes] = await Promise.all([
    db.answer.findMany({ where: { caseId }, select: { questionId: true, value: true, rationale: true, naReason: true } }),
    db.secondAnswer.findMany({ where: { caseId }, select: { questionId: true, value: true, rationale: true } }),
    db.moderationOutcome.findMany({ where: { caseId }, include: { decidedBy: { select: { name: true } } } }),
  ]);
  const answerOf = new Map(answers.map((a) => [a.questionId, a]));
  const secondOf = new Map(seconds.map((a) => [a.questionId, a]));
  const outcomeOf = new Map(outcomes.map((o) => [o.questionId, o]));
  const rows = applicableKeyQuestions(kase).map((kq): ReconciliationRow => {
    const a = answerOf.get(kq.id);
    const s = secondOf.get(kq.id);
    const o = outcomeOf.get(kq.id);
    return {
      questionId: kq.id,
      standardId: kq.standardId,
      text: kq.text,
      inspector: { value: a?.value ?? null, rationale: a?.rationale ?? "", naReason: a?.naReason ?? null },
      second: { value: s?.value ?? null, rationale: s?.rationale ?? "" },
      disagreement: Boolean(a?.value && s?.value && a.value !== s.value),
      outcome: o
        ? {
            outcome: o.outcome as Outcome,
            note: o.note,
            decidedBy: o.decidedBy.name,
            decidedAt: o.decidedAt,
            response: (o.response as "changed" | "kept" | null) ?? null,
            reply: o.reply,
            respondedAt: o.respondedAt,
          }
        : null,
    };
  });
  // Disagreements first (in framework order), then the rest.
  rows.sort((x, y) => Number(y.disagreement) - Number(x.disagreement));
  return { ...base, state: "ready", rows, canRecordOutcomes: can(caller, "moderation.assess"), completedAt: kase.moderation.completedAt };
}

const outcomeSchema = z.object({
  ...keyQuestionRef,
  outcome: z.enum(OUTCOMES, { error: "Choose an outcome" }),
  note: z.string({ error: "Enter a note for the inspector" }).trim().min(1, "Enter a note for the inspector").max(MAX_NOTE, `Enter a note of at most ${MAX_NOTE} characters`),
});

export async function recordOutcome(actor: Actor, input: unknown): Promise<string> {
  const data = parse(outcomeSchema, input);
  return db.$transaction(async (tx) => {
    const { moderation } = await lockDipCase(tx, actor, data);
    if (!moderation.completedAt) throw new ConflictError("Complete your second assessment of this case before recording outcomes.");
    const [answer, second, existing] = await Promise.all([
      tx.answer.findUnique({ where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } }, select: { value: true } }),
      tx.secondAnswer.findUnique({ where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } }, select: { value: true } }),
      tx.moderationOutcome.findUnique({ where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } }, select: { outcome: true, response: true } }),
    ]);
    if (!second || !answer?.value || answer.value === second.value) {
      throw new ValidationError("There is a problem with what you entered.", { questionId: `Key question ${data.questionId} is not a disagreement on this case` });
    }
    if (existing?.response) throw new ConflictError("The inspector has already responded to this outcome, so it can no longer change.");
    await tx.moderationOutcome.upsert({
      where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } },
      create: { caseId: data.caseId, questionId: data.questionId, outcome: data.outcome, note: data.note, inspectorValue: answer.value, secondValue: second.value, decidedById: actor.id },
      update: { outcome: data.outcome, note: data.note, inspectorValue: answer.value, secondValue: second.value, decidedById: actor.id, decidedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.outcome_recorded",
      entityType: "moderation_outcome",
      entityId: `${data.caseId}:${data.questionId}`,
      inspectionId: data.inspectionId,
      caseId: data.caseId,
      before: existing ? { outcome: existing.outcome } : null,
      after: { questionId: data.questionId, outcome: data.outcome, inspectorValue: answer.value, secondValue: second.value },
    });
    return `Outcome on key question ${data.questionId} recorded: ${OUTCOME_LABELS[data.outcome].toLowerCase()}.`;
  });
}
