import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { fieldProblem, lockInspection } from "@/lib/inspections/kernel";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { parse } from "@/lib/validation";
import { inspectionRef, uuid } from "./kernel";

// Who moderates an inspection: a lead (of that inspection) or a manager assigns a quality assurer,
// at any stage, and may remove them. What a removed moderator recorded is kept.

const addSchema = z.object({ ...inspectionRef, userId: z.string({ error: "Choose a quality assurer" }).refine(isUuid, "Choose a quality assurer") });
const removeSchema = z.object({ ...inspectionRef, userId: uuid("That person does not moderate this inspection.") });

export async function addModerator(actor: Actor, input: unknown): Promise<string> {
  const data = parse(addSchema, input);
  await authorize(actor, data.inspectionId, "moderation.manage");
  return db.$transaction(async (tx) => {
    await lockInspection(tx, data.inspectionId);
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { name: true, role: true, active: true } });
    if (!user || !user.active) throw fieldProblem("userId", "Choose a quality assurer with an active account");
    if (user.role !== "quality_assurer") throw fieldProblem("userId", `${user.name} is not a quality assurer, so they cannot moderate`);
    const existing = await tx.inspectionModerator.findUnique({ where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } } });
    if (existing) throw fieldProblem("userId", `${user.name} already moderates this inspection`);
    await tx.inspectionModerator.create({ data: { inspectionId: data.inspectionId, userId: data.userId, addedById: actor.id } });
    await recordAudit(tx, { actorId: actor.id, action: "moderator.added", entityType: "inspection_moderator", entityId: data.userId, inspectionId: data.inspectionId, after: { userId: data.userId } });
    return `${user.name} now moderates this inspection.`;
  });
}

export async function removeModerator(actor: Actor, input: unknown): Promise<string> {
  const data = parse(removeSchema, input);
  await authorize(actor, data.inspectionId, "moderation.manage");
  return db.$transaction(async (tx) => {
    await lockInspection(tx, data.inspectionId);
    const existing = await tx.inspectionModerator.findUnique({
      where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } },
      select: { user: { select: { name: true } } },
    });
    if (!existing) throw new NotFoundError("That person does not moderate this inspection.");
    await tx.inspectionModerator.delete({ where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } } });
    await recordAudit(tx, { actorId: actor.id, action: "moderator.removed", entityType: "inspection_moderator", entityId: data.userId, inspectionId: data.inspectionId, before: { userId: data.userId } });
    return `${existing.user.name} no longer moderates this inspection; what they recorded is kept.`;
  });
}
