import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { findKeyQuestion } from "@/lib/framework";
import type { Actor } from "@/lib/permissions/access";
import { parse } from "@/lib/validation";
import { applicableKeyQuestions, caseRef, keyQuestionRef, loadDipCase, lockDipCase } from "./kernel";

// The moderator's blind second assessment of a dip-sampled case: the same key questions as the
// inspector, each saved on its own, stored in second_answers (never in answers, so never in the
// panel's figures). What the moderator is shown here holds nothing of the inspector's answers.
// Completing it locks the second answers and opens the reconciliation (./reconciliation.ts).

const MAX_SECOND_RATIONALE = 20_000;

const answerSchema = z.object({
  ...keyQuestionRef,
  value: z.enum(["yes", "no", "na"], { error: "Choose yes, no or not applicable" }),
  rationale: z.string().trim().max(MAX_SECOND_RATIONALE, `Enter a rationale of at most ${MAX_SECOND_RATIONALE} characters`).default(""),
});

const completeSchema = z.object(caseRef);

const COMPLETED = "You have completed the second assessment of this case, so its answers can no longer change.";

export interface SecondAssessmentView {
  reference: string;
  stream: string;
  disposalType: string;
  inDipSample: boolean;
  completedAt: Date | null;
  questions: { id: string; standardId: string; text: string; prompts: readonly string[]; notApplicableAllowed: boolean; value: "yes" | "no" | "na" | null; rationale: string }[];
  answered: number;
}

/** The moderator's own view of the case: attributes, key questions and their own second answers only. */
export async function secondAssessmentView(actor: Actor, inspectionId: string, caseId: string): Promise<SecondAssessmentView> {
  const { kase } = await loadDipCase(actor, inspectionId, caseId, "moderation.assess");
  const own = kase.moderation ? await db.secondAnswer.findMany({ where: { caseId }, select: { questionId: true, value: true, rationale: true } }) : [];
  const byQuestion = new Map(own.map((a) => [a.questionId, a]));
  const questions = applicableKeyQuestions(kase).map((kq) => ({
    id: kq.id,
    standardId: kq.standardId,
    text: kq.text,
    prompts: kq.prompts,
    notApplicableAllowed: kq.notApplicableAllowed,
    value: byQuestion.get(kq.id)?.value ?? null,
    rationale: byQuestion.get(kq.id)?.rationale ?? "",
  }));
  return {
    reference: kase.reference,
    stream: kase.stream,
    disposalType: kase.disposalType,
    inDipSample: kase.moderation !== null,
    completedAt: kase.moderation?.completedAt ?? null,
    questions,
    answered: questions.filter((q) => q.value !== null).length,
  };
}

export async function saveSecondAnswer(actor: Actor, input: unknown): Promise<string> {
  const data = parse(answerSchema, input);
  return db.$transaction(async (tx) => {
    const { kase, moderation } = await lockDipCase(tx, actor, data);
    if (moderation.completedAt) throw new ConflictError(COMPLETED);
    const kq = applicableKeyQuestions(kase).find((q) => q.id === data.questionId);
    if (!kq) {
      const known = findKeyQuestion(kase.framework, data.questionId);
      throw new ValidationError("There is a problem with what you entered.", {
        questionId: known ? `Key question ${known.id} does not apply to this case` : "There is no such key question",
      });
    }
    if (data.value === "na" && !kq.notApplicableAllowed) {
      throw new ValidationError("There is a problem with what you entered.", { value: `Key question ${kq.id} cannot be marked not applicable` });
    }
    await tx.secondAnswer.upsert({
      where: { caseId_questionId: { caseId: data.caseId, questionId: kq.id } },
      create: { caseId: data.caseId, questionId: kq.id, value: data.value, rationale: data.rationale, moderatorId: actor.id },
      update: { value: data.value, rationale: data.rationale, moderatorId: actor.id, updatedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.second_answers_saved",
      entityType: "moderation_case",
      entityId: data.caseId,
      inspectionId: data.inspectionId,
      after: { answers: [{ questionId: kq.id, value: data.value }] },
    });
    return `Second answer to key question ${kq.id} saved.`;
  });
}

export async function completeSecondAssessment(actor: Actor, input: unknown): Promise<string> {
  const data = parse(completeSchema, input);
  return db.$transaction(async (tx) => {
    const { kase, moderation } = await lockDipCase(tx, actor, data);
    if (moderation.completedAt) throw new ConflictError(COMPLETED);
    const questions = applicableKeyQuestions(kase);
    const answered = new Set((await tx.secondAnswer.findMany({ where: { caseId: data.caseId }, select: { questionId: true } })).map((a) => a.questionId));
    const missing = questions.filter((q) => !answered.has(q.id)).map((q) => q.id);
    if (missing.length > 0) {
      throw new ValidationError(`Answer every key question before completing: ${missing.join(", ")} ${missing.length === 1 ? "has" : "have"} no answer.`, {
        form: `Answer key question${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`,
      });
    }
    await tx.moderationCase.update({ where: { caseId: data.caseId }, data: { completedAt: new Date(), completedById: actor.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.second_assessment_completed",
      entityType: "moderation_case",
      entityId: data.caseId,
      inspectionId: data.inspectionId,
      after: { questions: questions.length },
    });
    return `Second assessment of case ${kase.reference} completed: the inspector's answers are now shown beside yours.`;
  });
}
