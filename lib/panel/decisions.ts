// The ratings panel's decisions: discretion on a case-rated standard, the judgement of an
// evidence-rated one, clearing either, signing off and reopening. Each checks the lead's right,
// serialises on the inspection row, asks the rating engine whether the decision fits the final
// figures (refusing with the engine's own message when not, the governance cap included) and writes
// its audit event in the same transaction.

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { RATINGS } from "@/lib/framework";
import { authorize, type Actor } from "@/lib/permissions/access";
import { consumeRateLimit } from "@/lib/rate-limit";
import { loadPanelState, rateState, type PanelState } from "./load";
import { programmeFiguresOf, recordProgrammeFigures, removeProgrammeFigures } from "./programme-figures";
import { newlySetAside, ratePanel, type DecisionKind, type StoredDecision } from "./rate-panel";
import { SNAPSHOT_VERSION, type SignOffSnapshot } from "./snapshot";
import { parse } from "@/lib/validation";

const MAX_NOTE = 4000;

const standardId = z.string().trim().regex(/^\d\.\d$/, "Choose a standard");
const rating = z.enum(RATINGS, { message: "Choose a rating" });

/** A decision on a standard: the rating, and the written reason every decision needs (`missing` asks for it). */
const decisionSchema = (missing: string, reason: "a note" | "a rationale") =>
  z.object({
    standardId,
    rating,
    note: z.string({ message: missing }).trim().min(1, missing).max(MAX_NOTE, `Enter ${reason} of at most ${MAX_NOTE} characters`),
  });

const discretionSchema = decisionSchema("Enter a note saying why the panel applied discretion", "a note");
const judgementSchema = decisionSchema("Enter the rationale for the judgement", "a rationale");

const clearSchema = z.object({ standardId, kind: z.enum(["judgement", "discretion"], { message: "Choose a decision" }) });

const signOffSchema = z.object({
  password: z.string({ message: "Enter your password" }).min(1, "Enter your password").max(200),
  /**
   * The number of cases completed but not approved that the lead confirms signing off with, as the
   * page showed it; absent when they confirm nothing. A number, not a yes, so a case completed since
   * the page was drawn is never signed off unseen.
   */
  confirmUnapproved: z.preprocess(
    (v) => (v === null || v === "" ? undefined : v),
    z.coerce.number({ message: "Confirm the cases completed but not approved" }).int().min(0).max(100_000).optional(),
  ),
});

const reopenSchema = z.object({
  reason: z
    .string({ message: "Enter the reason for reopening the ratings" })
    .trim()
    .min(1, "Enter the reason for reopening the ratings")
    .max(MAX_NOTE, `Enter a reason of at most ${MAX_NOTE} characters`),
});


const SIGNED_OFF = "The ratings are signed off. Reopen them, giving a reason, before changing a decision.";

/** Locks the inspection row so decisions and sign-off on one inspection happen one at a time. */
async function lockInspection(tx: Tx, inspectionId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM inspections WHERE id = ${inspectionId}::uuid FOR UPDATE`;
}

async function lockedState(tx: Tx, inspectionId: string): Promise<PanelState> {
  await lockInspection(tx, inspectionId);
  const state = await loadPanelState(tx, inspectionId);
  if (state.inspection.status === "signed_off") throw new ValidationError(SIGNED_OFF);
  return state;
}

/**
 * Refuses a change to the decisions when the engine would refuse the changed decision itself, or any
 * other decision that fits the figures now (e.g. the governance cap on 1.1). Field: rating.
 */
function checkChange(state: PanelState, target: { standardId: string; kind: DecisionKind }, proposed: readonly StoredDecision[]): void {
  const version = state.framework.version;
  const before = ratePanel(version, state.counts.final, state.decisions).setAside;
  const after = ratePanel(version, state.counts.final, proposed).setAside;
  const own = after.find((d) => d.standardId === target.standardId && d.kind === target.kind);
  if (own) throw new ValidationError(own.message, { rating: own.message });
  const broken = newlySetAside(before, after)[0];
  if (broken) {
    const message = `This would break the rules for the ${broken.kind} on ${broken.standardId}: ${broken.message}`;
    throw new ValidationError(message, { rating: message });
  }
}

async function recordDecision(actor: Actor, inspectionId: string, kind: DecisionKind, input: z.infer<typeof discretionSchema>) {
  await authorize(actor, inspectionId, "panel.decide");
  return db.$transaction(async (tx) => {
    const state = await lockedState(tx, inspectionId);
    const decision: StoredDecision = { standardId: input.standardId, kind, rating: input.rating, note: input.note };
    const others = state.decisions.filter((d) => !(d.standardId === input.standardId && d.kind === kind));
    checkChange(state, decision, [...others, decision]);
    const where = { inspectionId_standardId_kind: { inspectionId, standardId: input.standardId, kind } };
    const previous = await tx.panelDecision.findUnique({ where, select: { rating: true, note: true } });
    const saved = await tx.panelDecision.upsert({
      where,
      create: { inspectionId, standardId: input.standardId, kind, rating: input.rating, note: input.note, decidedById: actor.id },
      update: { rating: input.rating, note: input.note, decidedById: actor.id, decidedAt: new Date() },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: kind === "discretion" ? "panel.discretion_recorded" : "panel.judgement_recorded",
      entityType: "panel_decision",
      entityId: saved.id,
      inspectionId,
      before: previous ?? null,
      after: { standardId: input.standardId, kind, rating: input.rating, note: input.note },
    });
    return decision;
  });
}

/** The panel moves a case-rated standard one band; refused with the engine's message outside the rule. */
export async function recordDiscretion(actor: Actor, inspectionId: string, input: unknown): Promise<StoredDecision> {
  return recordDecision(actor, inspectionId, "discretion", parse(discretionSchema, input));
}

/** The panel's judgement of an evidence-rated standard with its rationale; the governance cap applies. */
export async function recordJudgement(actor: Actor, inspectionId: string, input: unknown): Promise<StoredDecision> {
  return recordDecision(actor, inspectionId, "judgement", parse(judgementSchema, input));
}

export async function clearDecision(actor: Actor, inspectionId: string, input: unknown): Promise<void> {
  const { standardId: id, kind } = parse(clearSchema, input);
  await authorize(actor, inspectionId, "panel.decide");
  await db.$transaction(async (tx) => {
    const state = await lockedState(tx, inspectionId);
    const existing = await tx.panelDecision.findUnique({
      where: { inspectionId_standardId_kind: { inspectionId, standardId: id, kind } },
      select: { id: true, rating: true, note: true },
    });
    if (!existing) throw new ValidationError(`There is no ${kind} recorded for ${id}.`);
    checkChange(
      state,
      { standardId: id, kind },
      state.decisions.filter((d) => !(d.standardId === id && d.kind === kind)),
    );
    await tx.panelDecision.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "panel.decision_cleared",
      entityType: "panel_decision",
      entityId: existing.id,
      inspectionId,
      before: { standardId: id, kind, rating: existing.rating, note: existing.note },
    });
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether the final figures can be signed off, and if not, every reason. Cases completed but not
 * approved do not block: the lead confirms them explicitly (signOffRatings checks and records it).
 */
export function signOffBlockers(state: PanelState, final = rateState(state).final): string[] {
  const reasons: string[] = [];
  if (state.cases.notFinal > 0) {
    reasons.push(`${plural(state.cases.notFinal, "case is", "cases are")} not completed or approved yet.`);
  }
  if (state.qa.openComments > 0) {
    reasons.push(`${plural(state.qa.openComments, "comment is", "comments are")} still open: close ${state.qa.openComments === 1 ? "it" : "them"} first.`);
  }
  if (!final.result.complete) reasons.push(`These standards are not rated yet: ${final.result.missing.join(", ")}.`);
  for (const d of final.setAside) reasons.push(`The ${d.kind} on ${d.standardId} no longer fits the figures: ${d.message}`);
  return reasons;
}

/** The lead signs off the final ratings, re-entering their password; the result is frozen. */
export async function signOffRatings(actor: Actor, inspectionId: string, input: unknown): Promise<{ signOffId: string }> {
  const { password, confirmUnapproved } = parse(signOffSchema, input);
  await authorize(actor, inspectionId, "panel.decide");
  // Per lead and inspection: guessing stays bounded (10 tries per 15 minutes on each inspection they
  // lead), and attempts on one inspection never block signing off another.
  const limit = await consumeRateLimit(`sign-off:${actor.id}:${inspectionId}`, 10, 900);
  if (!limit.allowed) {
    throw new ValidationError("Too many attempts.", { password: `Too many password attempts. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes` });
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("The password is not right.", { password: "The password is not right" });
  }
  return db.$transaction(async (tx) => {
    const state = await lockedState(tx, inspectionId);
    const blockers = signOffBlockers(state);
    if (blockers.length > 0) throw new ValidationError(`The ratings cannot be signed off yet. ${blockers.join(" ")}`);
    const unapproved = state.qa.completedNotApproved;
    if (unapproved > 0 && confirmUnapproved !== unapproved) {
      const message =
        confirmUnapproved === undefined
          ? `Confirm that you are signing off with ${plural(unapproved, "case", "cases")} completed but not approved`
          : `The cases completed but not approved are now ${unapproved}, not ${confirmUnapproved}: check the list and confirm again`;
      throw new ValidationError(message, { confirmUnapproved: message });
    }
    const unapprovedReferences =
      unapproved > 0
        ? (
            await tx.case.findMany({
              where: { inspectionId, removedAt: null, status: "completed" },
              orderBy: { reference: "asc" },
              select: { reference: true },
            })
          ).map((c) => c.reference)
        : [];
    const { final } = rateState(state);
    const snapshot: SignOffSnapshot = {
      snapshotVersion: SNAPSHOT_VERSION,
      result: final.result,
      support: final.support,
      decisions: state.decisions.map((d) => ({
        standardId: d.standardId,
        kind: d.kind,
        rating: d.rating,
        note: d.note,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt.toISOString(),
      })),
      cases: state.cases,
    };
    const signOff = await tx.signOff.create({
      data: { inspectionId, signedById: actor.id, ratings: snapshot as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    await tx.inspection.update({ where: { id: inspectionId }, data: { status: "signed_off" } });
    await recordProgrammeFigures(tx, { inspectionId, signOffId: signOff.id }, programmeFiguresOf(final.result));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "panel.signed_off",
      entityType: "sign_off",
      entityId: signOff.id,
      inspectionId,
      before: { status: state.inspection.status },
      after: {
        status: "signed_off",
        score: final.result.score,
        overallRating: final.result.overallRating,
        // The lead's explicit confirmation, with the pseudonymous references of the cases it covered.
        ...(unapprovedReferences.length > 0 ? { confirmedCompletedNotApproved: unapprovedReferences } : {}),
      },
    });
    return { signOffId: signOff.id };
  });
}

/** Reopens signed-off ratings: the sign-off is voided with the reason and decisions can change again. */
export async function reopenRatings(actor: Actor, inspectionId: string, input: unknown): Promise<void> {
  const { reason } = parse(reopenSchema, input);
  await authorize(actor, inspectionId, "panel.decide");
  await db.$transaction(async (tx) => {
    await lockInspection(tx, inspectionId);
    const signOff = await tx.signOff.findFirst({ where: { inspectionId, voidedAt: null }, select: { id: true } });
    if (!signOff) throw new ValidationError("The ratings are not signed off, so there is nothing to reopen.");
    await tx.signOff.update({ where: { id: signOff.id }, data: { voidedAt: new Date(), voidedById: actor.id, voidReason: reason } });
    await tx.inspection.update({ where: { id: inspectionId }, data: { status: "panel" } });
    await removeProgrammeFigures(tx, inspectionId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "panel.reopened",
      entityType: "sign_off",
      entityId: signOff.id,
      inspectionId,
      before: { status: "signed_off" },
      after: { status: "panel", reason },
    });
  });
}
