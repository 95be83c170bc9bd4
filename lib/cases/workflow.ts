import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { findKeyQuestion, standardsForStream } from "@/lib/framework";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { caseContext, lockCase, LOCKED_CASE_MESSAGE, SIGNED_OFF_MESSAGE, type CaseContext } from "./access";
import { loadCompletionInputs, setStatus } from "./case-state";
import { caseProblems, problemsAsFieldErrors, sectionProblems } from "./completion";
import { parse } from "@/lib/validation";
import type { CaseStatus } from "@/lib/statuses";

// Completion and quality assurance of a case: an inspector marks a section or the case complete (the
// server refuses with every missing answer); the lead comments per answer (REDCap data queries: open →
// answered → closed), returns or approves (locks) the case, and reopens it with a reason. Each use
// case checks rights, locks the case row, and audits in its own transaction.

const MAX_COMMENT = 5_000;


const caseIdSchema = z.string().refine(isUuid, "Unknown case");

interface Ids {
  caseId: string;
  inspectionId: string;
  actorId: string;
}
const idsOf = (ctx: CaseContext, actor: Actor): Ids => ({ caseId: ctx.caseId, inspectionId: ctx.inspectionId, actorId: actor.id });

async function lockForChange(tx: Tx, ctx: CaseContext) {
  const row = await lockCase(tx, ctx.caseId);
  if (row.signedOff) throw new ConflictError(SIGNED_OFF_MESSAGE);
  return row;
}

// ---- Completion ----

const completeSchema = z.object({ caseId: caseIdSchema, scope: z.string().min(1) });

/**
 * Marks one section (scope = standard id) or the whole case (scope = "case") complete. Refuses with a
 * ValidationError listing each problem, keyed by the id of the field to fix.
 */
export async function completeCase(actor: Actor, input: unknown): Promise<{ scope: string }> {
  const { caseId, scope } = parse(completeSchema, input);
  const ctx = await caseContext(actor, caseId);
  if (!ctx.canAnswer) throw new ForbiddenError("Only the inspector allocated to this case, or the lead inspector, can complete it.");
  const standards = standardsForStream(ctx.framework, ctx.stream);
  const targets = scope === "case" ? standards : standards.filter((s) => s.id === scope);
  if (targets.length === 0 && scope !== "case") throw new ValidationError("There is no such section in this case.", { form: "There is no such section in this case." });
  return db.$transaction(async (tx) => {
    const row = await lockForChange(tx, ctx);
    if (row.status === "approved") throw new ConflictError(LOCKED_CASE_MESSAGE);
    const inputs = await loadCompletionInputs(tx, caseId);
    const problems =
      scope === "case"
        ? caseProblems(ctx.framework, inputs.kase, inputs.answers, inputs.openQueries)
        : targets.flatMap((s) => sectionProblems(s, inputs.kase, inputs.answers));
    if (problems.length > 0) {
      const what = scope === "case" ? "this case" : `section ${scope}`;
      throw new ValidationError(`You cannot mark ${what} complete yet.`, problemsAsFieldErrors(problems));
    }
    const ids = idsOf(ctx, actor);
    for (const standard of targets) {
      if (inputs.markedSections.includes(standard.id)) continue;
      await tx.caseSection.create({ data: { caseId, standardId: standard.id, completedById: actor.id } });
      await recordAudit(tx, {
        ...auditIds(ids),
        action: "case.section_completed",
        entityType: "case_section",
        entityId: `${caseId}:${standard.id}`,
        after: { standardId: standard.id, completed: true },
      });
    }
    if (scope === "case" && row.status !== "completed") await setStatus(tx, ids, row.status, "completed");
    else if (row.status === "not_started") await setStatus(tx, ids, row.status, "in_progress");
    return { scope };
  });
}

function auditIds(ids: Ids) {
  return { actorId: ids.actorId, inspectionId: ids.inspectionId, caseId: ids.caseId };
}

// ---- Lead's comments (data queries) ----

const commentBody = z
  .string()
  .trim()
  .min(1, "Enter a comment")
  .max(MAX_COMMENT, `Enter a comment of at most ${MAX_COMMENT} characters`);

const raiseSchema = z.object({ caseId: caseIdSchema, questionId: z.string().min(1), body: commentBody });

/** The lead comments on one answer: an open query the inspector must answer. */
export async function raiseQuery(actor: Actor, input: unknown): Promise<{ queryId: string }> {
  const data = parse(raiseSchema, input);
  const ctx = await caseContext(actor, data.caseId);
  if (!ctx.canQualityAssure) throw new ForbiddenError("Only the lead inspector can comment on answers.");
  const kq = findKeyQuestion(ctx.framework, data.questionId);
  if (!kq || kq.appliesTo.stream !== ctx.stream) throw new NotFoundError("This case has no such key question.");
  return db.$transaction(async (tx) => {
    const row = await lockForChange(tx, ctx);
    if (row.status === "approved") throw new ConflictError(LOCKED_CASE_MESSAGE);
    const answer = await tx.answer.findUnique({ where: { caseId_questionId: { caseId: ctx.caseId, questionId: kq.id } }, select: { id: true } });
    const query = await tx.query.create({
      data: {
        caseId: ctx.caseId,
        answerId: answer?.id ?? null,
        questionId: kq.id,
        createdById: actor.id,
        messages: { create: { authorId: actor.id, body: data.body } },
      },
    });
    await recordAudit(tx, {
      ...auditIds(idsOf(ctx, actor)),
      action: "query.raised",
      entityType: "query",
      entityId: query.id,
      after: { questionId: kq.id, status: "open", comment: data.body },
    });
    return { queryId: query.id };
  });
}

const replySchema = z.object({ queryId: z.string().refine(isUuid, "Unknown comment"), body: commentBody });
const closeSchema = z.object({ queryId: z.string().refine(isUuid, "Unknown comment"), body: z.string().trim().max(MAX_COMMENT).optional() });

async function queryContext(actor: Actor, queryId: string) {
  const query = await db.query.findUnique({ where: { id: queryId }, select: { id: true, caseId: true, questionId: true } });
  if (!query) throw new NotFoundError("There is no such comment.");
  return { query, ctx: await caseContext(actor, query.caseId) };
}

/**
 * A reply in a comment thread. The case's inspector answering moves it to "answered"; the lead
 * replying (a follow-up question) moves it back to "open".
 */
export async function replyToQuery(actor: Actor, input: unknown): Promise<void> {
  const data = parse(replySchema, input);
  const { query, ctx } = await queryContext(actor, data.queryId);
  const asLead = ctx.canQualityAssure;
  if (!asLead && !ctx.canAnswer) throw new ForbiddenError("Only the case's inspector or the lead inspector can reply to this comment.");
  await db.$transaction(async (tx) => {
    const row = await lockForChange(tx, ctx);
    if (row.status === "approved") throw new ConflictError(LOCKED_CASE_MESSAGE);
    const current = await tx.query.findUniqueOrThrow({ where: { id: query.id }, select: { status: true } });
    if (current.status === "closed") throw new ConflictError("This comment is closed.");
    const status = asLead ? "open" : "answered";
    await tx.queryMessage.create({ data: { queryId: query.id, authorId: actor.id, body: data.body } });
    await tx.query.update({ where: { id: query.id }, data: { status } });
    await recordAudit(tx, {
      ...auditIds(idsOf(ctx, actor)),
      action: asLead ? "query.followed_up" : "query.answered",
      entityType: "query",
      entityId: query.id,
      before: { status: current.status },
      after: { questionId: query.questionId, status, reply: data.body },
    });
  });
}

/** The lead closes a comment thread (optionally with a last word). */
export async function closeQuery(actor: Actor, input: unknown): Promise<void> {
  const data = parse(closeSchema, input);
  const { query, ctx } = await queryContext(actor, data.queryId);
  if (!ctx.canQualityAssure) throw new ForbiddenError("Only the lead inspector can close a comment.");
  await db.$transaction(async (tx) => {
    await lockForChange(tx, ctx);
    const current = await tx.query.findUniqueOrThrow({ where: { id: query.id }, select: { status: true } });
    if (current.status === "closed") return;
    if (data.body) await tx.queryMessage.create({ data: { queryId: query.id, authorId: actor.id, body: data.body } });
    await tx.query.update({ where: { id: query.id }, data: { status: "closed" } });
    await recordAudit(tx, {
      ...auditIds(idsOf(ctx, actor)),
      action: "query.closed",
      entityType: "query",
      entityId: query.id,
      before: { status: current.status },
      after: { questionId: query.questionId, status: "closed", ...(data.body ? { reply: data.body } : {}) },
    });
  });
}

// ---- Return, approve, reopen ----

const caseOnly = z.object({ caseId: caseIdSchema });

async function leadContext(actor: Actor, caseId: string, what: string): Promise<CaseContext> {
  const ctx = await caseContext(actor, caseId);
  if (!ctx.canQualityAssure) throw new ForbiddenError(`Only the lead inspector can ${what}.`);
  return ctx;
}

/**
 * The lead's decision on a completed case (`what` it is, for the refusal of anyone else): in one
 * transaction after the case's lock, given the number of its open comments.
 */
async function decideCompletedCase(
  actor: Actor,
  input: unknown,
  what: string,
  notCompleted: string,
  decide: (tx: Tx, ids: Ids, from: CaseStatus, openComments: number) => Promise<void>,
): Promise<void> {
  const { caseId } = parse(caseOnly, input);
  const ctx = await leadContext(actor, caseId, what);
  await db.$transaction(async (tx) => {
    const row = await lockForChange(tx, ctx);
    if (row.status !== "completed") throw new ConflictError(notCompleted);
    await decide(tx, idsOf(ctx, actor), row.status, await tx.query.count({ where: { caseId, status: "open" } }));
  });
}

/** Sends a completed case back to its inspector; the lead's open comments say what to look at. */
export async function returnCase(actor: Actor, input: unknown): Promise<void> {
  await decideCompletedCase(actor, input, "return a case", "Only a completed case can be returned to its inspector.", async (tx, ids, status, open) => {
    if (open === 0) {
      throw new ValidationError("Add a comment on each answer that needs attention before returning the case.", {
        "qa-return": "Add a comment on each answer that needs attention before returning the case",
      });
    }
    await setStatus(tx, ids, status, "returned", { openComments: open });
  });
}

/** Approves a completed case: it locks. Answered comments are closed with it; open ones block it. */
export async function approveCase(actor: Actor, input: unknown): Promise<void> {
  await decideCompletedCase(actor, input, "approve a case", "Only a completed case can be approved.", async (tx, ids, status, open) => {
    if (open > 0) {
      throw new ValidationError("Close or wait for a reply to every open comment before approving.", {
        "qa-approve": `There ${open === 1 ? "is 1 open comment" : `are ${open} open comments`} waiting for the inspector`,
      });
    }
    await approveLocked(tx, ids, status);
  });
}

/** The approval itself, on a case already locked and checked: closes answered comments, then approves. */
async function approveLocked(tx: Tx, ids: Ids, from: CaseStatus): Promise<void> {
  const answered = await tx.query.findMany({ where: { caseId: ids.caseId, status: "answered" }, select: { id: true, questionId: true } });
  for (const query of answered) {
    await tx.query.update({ where: { id: query.id }, data: { status: "closed" } });
    await recordAudit(tx, {
      ...auditIds(ids),
      action: "query.closed",
      entityType: "query",
      entityId: query.id,
      before: { status: "answered" },
      after: { questionId: query.questionId, status: "closed", why: "Closed when the case was approved." },
    });
  }
  await setStatus(tx, ids, from, "approved");
}

const approveManySchema = z.object({
  inspectionId: z.string().refine(isUuid, "Unknown inspection"),
  caseIds: z
    .array(z.string().refine(isUuid, "Unknown case"), { message: "Choose the cases to approve" })
    .min(1, "Choose at least one case to approve")
    .max(1000, "Approve at most 1,000 cases at once"),
});

/**
 * The lead approves several completed cases from the grid in ONE transaction: each must be completed
 * with no comment thread left open (answered or waiting); if any is not, none is approved and the
 * refusal names every such case. One audit event per case, as approving each would write.
 */
export async function approveCases(actor: Actor, input: unknown): Promise<{ approved: string[] }> {
  const { inspectionId, caseIds } = parse(approveManySchema, input);
  const unique = [...new Set(caseIds)].sort();
  const contexts = await Promise.all(unique.map((id) => leadContext(actor, id, "approve cases")));
  if (contexts.some((ctx) => ctx.inspectionId !== inspectionId)) throw new NotFoundError("There is no such case.");
  return db.$transaction(async (tx) => {
    const refused: string[] = [];
    const locked: { ctx: CaseContext; status: CaseStatus }[] = [];
    // Locks in id order, so two bulk approvals never wait on each other in a cycle.
    for (const ctx of contexts) {
      const row = await lockForChange(tx, ctx);
      const notClosed = await tx.query.count({ where: { caseId: ctx.caseId, status: { not: "closed" } } });
      if (row.status !== "completed") refused.push(`${ctx.reference} is ${row.status.replace("_", " ")}, not completed`);
      else if (notClosed > 0) refused.push(`${ctx.reference} has ${notClosed === 1 ? "an open comment" : `${notClosed} open comments`}`);
      else locked.push({ ctx, status: row.status });
    }
    if (refused.length > 0) {
      const message = `No case was approved: ${refused.sort().join("; ")}.`;
      throw new ValidationError(message, { caseIds: message });
    }
    for (const { ctx, status } of locked) await approveLocked(tx, idsOf(ctx, actor), status);
    return { approved: locked.map(({ ctx }) => ctx.reference).sort() };
    // A whole inspection's cases in one transaction: more than Prisma's default 5 s on a busy server.
  }, { timeout: 60_000 });
}

const reopenSchema = z.object({
  caseId: caseIdSchema,
  reason: z.string().trim().min(1, "Enter why you are reopening this case").max(MAX_COMMENT, `Enter a reason of at most ${MAX_COMMENT} characters`),
  // The lead's explicit confirmation (the form's checkbox): reopening undoes an approval.
  confirmed: z.literal(true, {
    error: "Confirm that you want to reopen the case: it goes back to in progress for its inspector and no longer counts as approved until you approve it again",
  }),
});

/** Unlocks an approved case: the lead only, confirmed, with a reason that goes into the audit trail. */
export async function reopenCase(actor: Actor, input: unknown): Promise<void> {
  const data = parse(reopenSchema, input);
  const ctx = await leadContext(actor, data.caseId, "reopen an approved case");
  await db.$transaction(async (tx) => {
    const row = await lockForChange(tx, ctx);
    if (row.status !== "approved") throw new ConflictError("Only an approved case can be reopened.");
    await setStatus(tx, idsOf(ctx, actor), row.status, "in_progress", { reason: data.reason });
  });
}
