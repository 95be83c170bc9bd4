import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { findKeyQuestion } from "@/lib/framework";
import { isDisposalTypeOfStream } from "@/lib/framework/case-attributes";
import { caseContext, lockCase, LOCKED_CASE_MESSAGE, SIGNED_OFF_MESSAGE, type CaseContext } from "@/lib/cases/access";
import { afterContentChange } from "@/lib/cases/case-state";
import type { Actor } from "@/lib/permissions/access";
import {
  changeBatchSchema,
  flattenAnswerFields,
  mergeChange,
  storedAnswerFlat,
  type AnswerChange,
  type CaseChange,
  type Change,
  type ChangeResult,
  type Scalar,
  type StoredState,
} from "./change";

// Applies a browser outbox batch (architecture.md "Saving an answer"). Each change is its own
// transaction, in order: an already-applied change id answers as before; a change made on an older
// version that would overwrite someone else's value is a conflict carrying the stored value; anything
// else is written with version + 1 and an audit event (from → to). The first conflict or refusal ends
// the batch so that nothing is applied out of order; the browser resends the rest afterwards.

/** Ends a change's transaction (rolling it back) with an answer for the browser. */
class Outcome extends Error {
  constructor(readonly result: ChangeResult) {
    super(result.status);
  }
}

const rejected = (changeId: string, code: number, message: string): Outcome => new Outcome({ changeId, status: "rejected", code, message });

export async function applyChanges(actor: Actor, caseId: string, input: unknown): Promise<{ results: ChangeResult[] }> {
  const ctx = await caseContext(actor, caseId);
  if (!ctx.canAnswer) {
    throw new ForbiddenError("Only the inspector allocated to this case, or the lead inspector, can change it.");
  }
  const parsed = changeBatchSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "changes"] ??= issue.message;
    throw new ValidationError("The changes are not in the expected form.", fields);
  }

  const results: ChangeResult[] = [];
  for (const change of parsed.data.changes) {
    const result = await applyOne(actor, ctx, change);
    results.push(result);
    if (result.status === "conflict" || result.status === "rejected") break;
  }
  return { results };
}

async function applyOne(actor: Actor, ctx: CaseContext, change: Change): Promise<ChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      // The whole case row is locked: a change may move the case's status, and the lead's approval
      // (which locks the same row) must see either all of it or none of it. It is locked first: the
      // claim's insert takes a key-share lock on the same row (foreign key), and two saves to one case
      // that each held that lock while asking for this one deadlocked (40P01, a 500 every second).
      const kase = await lockCase(tx, ctx.caseId);
      const previous = await claimChangeId(tx, actor, ctx, change.changeId);
      if (previous) return previous;
      if (kase.status === "approved") throw rejected(change.changeId, 423, LOCKED_CASE_MESSAGE);
      if (kase.signedOff) throw rejected(change.changeId, 423, SIGNED_OFF_MESSAGE);

      const result = change.target === "answer" ? await applyAnswerChange(tx, actor, ctx, change) : await applyCaseChange(tx, actor, ctx, change);
      if (result.changed) {
        await afterContentChange(tx, ctx.framework, { caseId: ctx.caseId, inspectionId: ctx.inspectionId, actorId: actor.id }, kase.status, kase.markedSections);
      }
      await tx.appliedChange.update({ where: { changeId: change.changeId }, data: { response: result.response as unknown as Prisma.InputJsonValue } });
      return result.response;
    });
  } catch (error) {
    if (error instanceof Outcome) return error.result;
    throw error;
  }
}

/**
 * Claims the change id for this transaction. INSERT … ON CONFLICT DO NOTHING waits for a concurrent
 * transaction holding the same id, so two resends of one change can never both apply it.
 */
async function claimChangeId(tx: Tx, actor: Actor, ctx: CaseContext, changeId: string): Promise<ChangeResult | null> {
  const claimed = await tx.$queryRaw<{ change_id: string }[]>`
    INSERT INTO applied_changes (change_id, case_id, user_id, response)
    VALUES (${changeId}::uuid, ${ctx.caseId}::uuid, ${actor.id}::uuid, '{}'::jsonb)
    ON CONFLICT (change_id) DO NOTHING
    RETURNING change_id`;
  if (claimed.length > 0) return null;
  const existing = await tx.appliedChange.findUniqueOrThrow({ where: { changeId } });
  if (existing.caseId !== ctx.caseId || existing.userId !== actor.id) {
    throw rejected(changeId, 409, "This change id was already used for another change.");
  }
  const stored = existing.response as unknown as ChangeResult;
  return { ...stored, status: "duplicate" } as ChangeResult;
}

interface Applied {
  changed: boolean;
  response: ChangeResult;
}

async function applyAnswerChange(tx: Tx, actor: Actor, ctx: CaseContext, change: AnswerChange): Promise<Applied> {
  const kq = findKeyQuestion(ctx.framework, change.questionId);
  if (!kq || kq.appliesTo.stream !== ctx.stream) {
    throw rejected(change.changeId, 400, `Key question ${change.questionId} is not one this case answers.`);
  }
  if (change.to.value === "na" && !kq.notApplicableAllowed) {
    throw rejected(change.changeId, 400, `Key question ${kq.id} cannot be marked not applicable.`);
  }
  for (const index of Object.keys(change.to.promptMarks ?? {})) {
    if (Number(index) >= kq.prompts.length) throw rejected(change.changeId, 400, `Key question ${kq.id} has no prompt ${index}.`);
  }
  // Version 0 means "no answer yet": the row exists from here on so that it can be locked.
  await tx.$executeRaw`
    INSERT INTO answers (id, case_id, question_id, updated_by, version)
    VALUES (gen_random_uuid(), ${ctx.caseId}::uuid, ${kq.id}, ${actor.id}::uuid, 0)
    ON CONFLICT (case_id, question_id) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM answers WHERE case_id = ${ctx.caseId}::uuid AND question_id = ${kq.id} FOR UPDATE`;
  const answerId = rows[0]!.id;
  const stored = await tx.answer.findUniqueOrThrow({ where: { id: answerId }, include: { updatedBy: { select: { name: true } } } });
  const storedFlat = storedAnswerFlat(stored);
  const outcome = mergeChange(storedFlat, stored.version, {
    baseVersion: change.baseVersion,
    from: flattenAnswerFields(change.from),
    to: flattenAnswerFields(change.to),
  });
  const base = { changeId: change.changeId, target: "answer" as const, questionId: kq.id };
  if (outcome.kind === "conflict") {
    throw new Outcome({
      ...base,
      status: "conflict",
      code: 409,
      message: `Someone else changed key question ${kq.id} after you loaded it.`,
      fields: outcome.fields,
      current: {
        version: stored.version,
        fields: storedFlat,
        updatedByName: stored.version === 0 ? null : stored.updatedBy.name,
        updatedAt: stored.version === 0 ? null : stored.updatedAt.toISOString(),
      } satisfies StoredState,
    });
  }
  if (outcome.kind === "unchanged") return { changed: false, response: { ...base, status: "applied", version: stored.version } };

  const merged = { ...storedFlat, ...outcome.updates };
  const promptMarks: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (key.startsWith("prompt.") && value !== null) promptMarks[key.slice(7)] = String(value);
  const version = stored.version + 1;
  await tx.answer.update({
    where: { id: answerId },
    data: {
      value: merged.value as "yes" | "no" | "na" | null,
      naReason: merged.naReason as string | null,
      rationale: merged.rationale as string,
      promptMarks,
      version,
      updatedById: actor.id,
      updatedAt: new Date(),
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "answer.changed",
    entityType: "answer",
    entityId: answerId,
    inspectionId: ctx.inspectionId,
    caseId: ctx.caseId,
    before: { questionId: kq.id, version: stored.version, ...outcome.before },
    after: { questionId: kq.id, version, ...outcome.updates },
  });
  return { changed: true, response: { ...base, status: "applied", version } };
}

const DATE_FIELDS = new Set(["disposalDate", "caseManagerInterviewDate"]);

async function applyCaseChange(tx: Tx, actor: Actor, ctx: CaseContext, change: CaseChange): Promise<Applied> {
  if (change.to.disposalType !== undefined && !isDisposalTypeOfStream(ctx.stream, change.to.disposalType)) {
    throw rejected(change.changeId, 400, "Choose a disposal type of this case's stream.");
  }
  const stored = await tx.case.findUniqueOrThrow({
    where: { id: ctx.caseId },
    select: {
      version: true,
      updatedAt: true,
      disposalType: true,
      disposalDate: true,
      gender: true,
      age: true,
      rosh: true,
      safetyWellbeing: true,
      harmFactors: true,
      safetyWellbeingFactors: true,
      caseManagerInterviewed: true,
      caseManagerInterviewDate: true,
      overallNotes: true,
    },
  });
  const { version: storedVersion, updatedAt, ...columns } = stored;
  const storedFlat: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(columns)) storedFlat[key] = value instanceof Date ? value.toISOString().slice(0, 10) : (value as Scalar);
  const outcome = mergeChange(storedFlat, storedVersion, { baseVersion: change.baseVersion, from: change.from, to: change.to as Record<string, Scalar> });
  const base = { changeId: change.changeId, target: "case" as const };
  if (outcome.kind === "conflict") {
    throw new Outcome({
      ...base,
      status: "conflict",
      code: 409,
      message: "Someone else changed this case's details after you loaded them.",
      fields: outcome.fields,
      current: { version: storedVersion, fields: storedFlat, updatedByName: null, updatedAt: updatedAt.toISOString() },
    });
  }
  if (outcome.kind === "unchanged") return { changed: false, response: { ...base, status: "applied", version: storedVersion } };

  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outcome.updates)) {
    data[key] = DATE_FIELDS.has(key) && typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
  }
  const version = storedVersion + 1;
  await tx.case.update({ where: { id: ctx.caseId }, data: { ...data, version } });
  const keys = Object.keys(outcome.updates);
  const action = keys.every((k) => k === "overallNotes")
    ? "case.notes_changed"
    : keys.every((k) => k === "caseManagerInterviewed" || k === "caseManagerInterviewDate")
      ? "case.interview_changed"
      : "case.attributes_changed";
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "case",
    entityId: ctx.caseId,
    inspectionId: ctx.inspectionId,
    caseId: ctx.caseId,
    before: outcome.before,
    after: outcome.updates,
  });
  return { changed: true, response: { ...base, status: "applied", version } };
}
