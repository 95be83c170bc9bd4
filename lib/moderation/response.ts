import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { caseContext, LOCKED_CASE_MESSAGE, lockCase, SIGNED_OFF_MESSAGE } from "@/lib/cases/access";
import { afterContentChange } from "@/lib/cases/case-state";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { parse } from "@/lib/validation";
import { keyQuestionRef, MAX_NOTE } from "./kernel";
import { OUTCOME_LABELS, type Outcome } from "./reconciliation";

// The inspector's side of moderation: the outcomes on their case (shown on the case page), and their
// response to one to review: change the answer (only they, or the lead, can: the change is theirs,
// audited as a change after moderation) or keep it with a reply. Nothing else changes their answer.

export interface CaseModerationNote {
  questionId: string;
  outcome: Outcome;
  outcomeLabel: string;
  note: string;
  decidedBy: string;
  decidedAt: Date;
  response: "changed" | "kept" | null;
  reply: string | null;
  /** Whether this caller may respond now (an outcome to review, not yet answered, their case). */
  canRespond: boolean;
}

/** The moderation outcomes on a case, for its readers (the team and managers: cases.read). */
export async function moderationNotesForCase(actor: Actor, inspectionId: string, caseId: string): Promise<CaseModerationNote[]> {
  const ctx = await caseContext(actor, caseId, inspectionId);
  const outcomes = await db.moderationOutcome.findMany({
    where: { caseId },
    include: { decidedBy: { select: { name: true } } },
    orderBy: { questionId: "asc" },
  });
  const mayRespond = ctx.canAnswer && can(ctx.caller, "moderation.respond");
  return outcomes.map((o) => ({
    questionId: o.questionId,
    outcome: o.outcome as Outcome,
    outcomeLabel: OUTCOME_LABELS[o.outcome as Outcome],
    note: o.note,
    decidedBy: o.decidedBy.name,
    decidedAt: o.decidedAt,
    response: (o.response as "changed" | "kept" | null) ?? null,
    reply: o.reply,
    canRespond: mayRespond && o.outcome === "inspector_to_review" && o.response === null,
  }));
}

const responseSchema = z
  .object({
    ...keyQuestionRef,
    response: z.enum(["changed", "kept"], { error: "Choose whether you change your answer or keep it" }),
    value: z.string().default(""),
    rationale: z.string().trim().max(20_000, "Enter a rationale of at most 20000 characters").default(""),
    reply: z.string().trim().max(MAX_NOTE, `Enter a reply of at most ${MAX_NOTE} characters`).default(""),
  })
  .superRefine((d, issue) => {
    if (d.response === "kept" && d.reply === "") issue.addIssue({ code: "custom", path: ["reply"], message: "Enter why your answer stands" });
    if (d.response === "changed") {
      if (!["yes", "no", "na"].includes(d.value)) issue.addIssue({ code: "custom", path: ["value"], message: "Choose your new answer" });
      if (d.rationale === "") issue.addIssue({ code: "custom", path: ["rationale"], message: "Enter the rationale for your new answer" });
    }
  });

export async function respondToOutcome(actor: Actor, input: unknown): Promise<string> {
  const data = parse(responseSchema, input);
  const ctx = await caseContext(actor, data.caseId, data.inspectionId);
  if (!ctx.canAnswer || !can(ctx.caller, "moderation.respond")) {
    throw new ForbiddenError("Only the inspector allocated to this case, or the lead inspector, can respond to its moderation.");
  }
  return db.$transaction(async (tx) => {
    const kase = await lockCase(tx, data.caseId);
    const outcome = await tx.moderationOutcome.findUnique({ where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } } });
    if (!outcome) throw new NotFoundError("There is no moderation outcome on that key question.");
    if (outcome.outcome !== "inspector_to_review") throw new ConflictError("The moderator let this answer stand; there is nothing to respond to.");
    if (outcome.response) throw new ConflictError("You have already responded to this outcome.");
    if (data.response === "changed") {
      if (kase.status === "approved") throw new ConflictError(LOCKED_CASE_MESSAGE);
      if (kase.signedOff) throw new ConflictError(SIGNED_OFF_MESSAGE);
      const answer = await tx.answer.findUnique({ where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } } });
      if (!answer) throw new NotFoundError("There is no answer to that key question.");
      const value = data.value as "yes" | "no" | "na";
      if (value === answer.value && data.rationale === answer.rationale) {
        throw new ValidationError("There is a problem with what you entered.", { value: "Your new answer is the same as before: keep it with a reply instead" });
      }
      const naReason = value === "na" ? data.rationale : null;
      const version = answer.version + 1;
      await tx.answer.update({
        where: { id: answer.id },
        data: { value, rationale: data.rationale, naReason, version, updatedById: actor.id, updatedAt: new Date() },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "answer.changed_after_moderation",
        entityType: "answer",
        entityId: answer.id,
        inspectionId: data.inspectionId,
        caseId: data.caseId,
        before: { questionId: data.questionId, version: answer.version, value: answer.value, rationale: answer.rationale, naReason: answer.naReason },
        after: { questionId: data.questionId, version, value, rationale: data.rationale, naReason },
      });
      await afterContentChange(tx, ctx.framework, { caseId: data.caseId, inspectionId: data.inspectionId, actorId: actor.id }, kase.status, kase.markedSections);
    }
    await tx.moderationOutcome.update({
      where: { caseId_questionId: { caseId: data.caseId, questionId: data.questionId } },
      data: { response: data.response, reply: data.reply, respondedById: actor.id, respondedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.outcome_responded",
      entityType: "moderation_outcome",
      entityId: `${data.caseId}:${data.questionId}`,
      inspectionId: data.inspectionId,
      caseId: data.caseId,
      after: { questionId: data.questionId, response: data.response, reply: data.reply },
    });
    return data.response === "changed"
      ? `Your answer to key question ${data.questionId} is changed; the moderator and the lead can see it.`
      : `Your answer to key question ${data.questionId} stands, with your reply.`;
  });
}
