import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions/access";
import { parse } from "@/lib/validation";
import { lockInspection, uuid } from "./kernel";

// Set-up ends: the move to fieldwork, once the team and the sample are ready.

/** Set-up → fieldwork, once there is exactly one lead and every sampled case is allocated. */
export async function startFieldwork(actor: Actor, input: unknown): Promise<void> {
  const { inspectionId } = parse(z.object({ inspectionId: uuid("There is no such inspection.") }), input);
  await authorize(actor, inspectionId, "inspection.editSetup");
  await db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, inspectionId);
    if (status !== "setup") throw new ConflictError("Fieldwork has already started.");
    const leads = await tx.membership.count({ where: { inspectionId, role: "lead_inspector" } });
    const cases = await tx.case.count({ where: { inspectionId, removedAt: null } });
    const unallocated = await tx.case.count({ where: { inspectionId, removedAt: null, allocatedToId: null } });
    const problems: string[] = [];
    if (leads !== 1) problems.push("appoint a lead inspector");
    if (cases === 0) problems.push("draw a sample");
    if (unallocated > 0) problems.push(`allocate the ${unallocated} unallocated cases`);
    if (problems.length > 0) {
      throw new ConflictError(`Fieldwork cannot start yet: ${problems.join(", ")}.`);
    }
    await tx.inspection.update({ where: { id: inspectionId }, data: { status: "fieldwork" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inspection.status_changed",
      entityType: "inspection",
      entityId: inspectionId,
      inspectionId,
      before: { status: "setup" },
      after: { status: "fieldwork" },
    });
  });
}
