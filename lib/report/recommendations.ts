// The draft report's recommendations: the lead keeps them on the panel, in order, each addressed to
// one party. The report groups consecutive recommendations by party under "<party> should:" and
// numbers them 1, 2, 3… across the whole list, as the published reports do. Each change is audited.

import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { parse } from "@/lib/validation";
import { inspectionStatusOf } from "@/lib/statuses";

export const RECOMMENDATION_PARTIES = ["yjs", "management_board", "police", "health", "local_authority", "other"] as const;
export type RecommendationParty = (typeof RECOMMENDATION_PARTIES)[number];

/** How the form names each party, and how the report does when no name of its own is given. */
export const PARTY_LABELS: Readonly<Record<RecommendationParty, string>> = Object.freeze({
  yjs: "The YJS",
  management_board: "The YJS management board",
  police: "The police",
  health: "Health services",
  local_authority: "The local authority",
  other: "Other",
});

export const MAX_RECOMMENDATION_TEXT = 2000;
export const MAX_PARTY_NAME = 200;
// A recommendation another tab has just deleted is a form error, not a missing page.
const GONE = "That recommendation no longer exists: it may have been deleted. Reload the page to see the current list.";
const SIGNED_OFF = "The ratings are signed off, so the report's recommendations are frozen. The lead inspector can reopen them.";

const fields = {
  party: z.enum(RECOMMENDATION_PARTIES, { message: "Choose who the recommendation is for" }),
  partyName: z
    .string()
    .trim()
    .max(MAX_PARTY_NAME, `Enter a name of at most ${MAX_PARTY_NAME} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
  text: z
    .string({ message: "Enter the recommendation" })
    .trim()
    .min(1, "Enter the recommendation")
    .max(MAX_RECOMMENDATION_TEXT, `Enter a recommendation of at most ${MAX_RECOMMENDATION_TEXT} characters`),
};
const addSchema = z.object(fields).refine((v) => v.party !== "other" || v.partyName !== null, {
  message: "Enter who the recommendation is for",
  path: ["partyName"],
});
const idField = z.string({ message: "Unknown recommendation" }).refine(isUuid, "Unknown recommendation");
const editSchema = z.object({ recommendationId: idField, ...fields }).refine((v) => v.party !== "other" || v.partyName !== null, {
  message: "Enter who the recommendation is for",
  path: ["partyName"],
});
const moveSchema = z.object({ recommendationId: idField, direction: z.enum(["up", "down"], { message: "Choose up or down" }) });
const deleteSchema = z.object({ recommendationId: idField });


export interface RecommendationView {
  readonly id: string;
  readonly position: number;
  readonly party: RecommendationParty;
  readonly partyName: string | null;
  readonly text: string;
}

/** Locks the inspection row (one change at a time per inspection) and refuses once signed off. */
async function lockOpenInspection(tx: Tx, inspectionId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM inspections WHERE id = ${inspectionId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError("There is no such inspection.");
  if (inspectionStatusOf(rows[0].status) === "signed_off") throw new ValidationError(SIGNED_OFF);
}

export async function addRecommendation(actor: Actor, inspectionId: string, input: unknown): Promise<RecommendationView> {
  await authorize(actor, inspectionId, "report.write");
  const data = parse(addSchema, input);
  return db.$transaction(async (tx) => {
    await lockOpenInspection(tx, inspectionId);
    const last = await tx.recommendation.aggregate({ where: { inspectionId }, _max: { position: true } });
    const position = (last._max.position ?? 0) + 1;
    const row = await tx.recommendation.create({
      data: { inspectionId, position, party: data.party, partyName: data.partyName, text: data.text, createdById: actor.id },
      select: { id: true, position: true, party: true, partyName: true, text: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "recommendation.added",
      entityType: "recommendation",
      entityId: row.id,
      inspectionId,
      after: { position, party: data.party, partyName: data.partyName, text: data.text },
    });
    return row;
  });
}

export async function editRecommendation(actor: Actor, inspectionId: string, input: unknown): Promise<RecommendationView> {
  await authorize(actor, inspectionId, "report.write");
  const data = parse(editSchema, input);
  return db.$transaction(async (tx) => {
    await lockOpenInspection(tx, inspectionId);
    const before = await tx.recommendation.findFirst({
      where: { id: data.recommendationId, inspectionId },
      select: { party: true, partyName: true, text: true },
    });
    if (!before) throw new ValidationError(GONE, { recommendationId: GONE });
    const row = await tx.recommendation.update({
      where: { id: data.recommendationId },
      data: { party: data.party, partyName: data.partyName, text: data.text, updatedAt: new Date() },
      select: { id: true, position: true, party: true, partyName: true, text: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "recommendation.edited",
      entityType: "recommendation",
      entityId: row.id,
      inspectionId,
      before,
      after: { party: data.party, partyName: data.partyName, text: data.text },
    });
    return row;
  });
}

/** Swaps a recommendation with its neighbour; moving the first up or the last down is refused. */
export async function moveRecommendation(actor: Actor, inspectionId: string, input: unknown): Promise<void> {
  await authorize(actor, inspectionId, "report.write");
  const { recommendationId, direction } = parse(moveSchema, input);
  await db.$transaction(async (tx) => {
    await lockOpenInspection(tx, inspectionId);
    const row = await tx.recommendation.findFirst({ where: { id: recommendationId, inspectionId }, select: { id: true, position: true } });
    if (!row) throw new ValidationError(GONE, { recommendationId: GONE });
    const neighbour = await tx.recommendation.findFirst({
      where: { inspectionId, position: direction === "up" ? { lt: row.position } : { gt: row.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) {
      throw new ValidationError(`Recommendation ${row.position} is already the ${direction === "up" ? "first" : "last"}.`, {
        direction: `It is already the ${direction === "up" ? "first" : "last"}`,
      });
    }
    // The unique position constraint is deferred to commit, so the two rows can swap in place.
    await tx.recommendation.update({ where: { id: row.id }, data: { position: neighbour.position } });
    await tx.recommendation.update({ where: { id: neighbour.id }, data: { position: row.position } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "recommendation.moved",
      entityType: "recommendation",
      entityId: row.id,
      inspectionId,
      before: { position: row.position },
      after: { position: neighbour.position },
    });
  });
}

export async function deleteRecommendation(actor: Actor, inspectionId: string, input: unknown): Promise<void> {
  await authorize(actor, inspectionId, "report.write");
  const { recommendationId } = parse(deleteSchema, input);
  await db.$transaction(async (tx) => {
    await lockOpenInspection(tx, inspectionId);
    const row = await tx.recommendation.findFirst({
      where: { id: recommendationId, inspectionId },
      select: { id: true, position: true, party: true, partyName: true, text: true },
    });
    if (!row) throw new ValidationError(GONE, { recommendationId: GONE });
    await tx.recommendation.delete({ where: { id: row.id } });
    // Close the gap so the report's numbering stays 1, 2, 3…
    await tx.recommendation.updateMany({ where: { inspectionId, position: { gt: row.position } }, data: { position: { decrement: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "recommendation.deleted",
      entityType: "recommendation",
      entityId: row.id,
      inspectionId,
      before: { position: row.position, party: row.party, partyName: row.partyName, text: row.text },
    });
  });
}

/** Recommendations in report order. Readers of the panel may see them. */
export async function listRecommendations(actor: Actor, inspectionId: string): Promise<{ items: RecommendationView[]; canWrite: boolean }> {
  const caller = await authorize(actor, inspectionId, "panel.view");
  const items = await db.recommendation.findMany({
    where: { inspectionId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, party: true, partyName: true, text: true },
  });
  return { items, canWrite: can(caller, "report.write") };
}

/** "Greater Manchester Police" if named, else the party's generic name. */
export function partyHeading(r: Pick<RecommendationView, "party" | "partyName">): string {
  return r.partyName ?? PARTY_LABELS[r.party];
}
