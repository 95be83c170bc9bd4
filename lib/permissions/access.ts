import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { callerOf, can, type Action, type Caller, type GlobalRole } from "./table";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export interface Actor {
  id: string;
  role: GlobalRole;
}

/** How `actor` stands to the inspection; NotFoundError when there is no such inspection. */
export async function callerFor(actor: Actor, inspectionId: string): Promise<Caller> {
  if (!isUuid(inspectionId)) throw new NotFoundError("There is no such inspection.");
  const inspection = await db.inspection.findUnique({
    where: { id: inspectionId },
    select: {
      memberships: { where: { userId: actor.id }, select: { role: true } },
      moderators: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
  if (!inspection) throw new NotFoundError("There is no such inspection.");
  return callerOf(actor.id, actor.role, inspection.memberships[0]?.role ?? null, inspection.moderators.length > 0);
}

/** The caller, if `action` is allowed on the inspection; ForbiddenError otherwise. */
export async function authorize(actor: Actor, inspectionId: string, action: Action): Promise<Caller> {
  const caller = await callerFor(actor, inspectionId);
  if (!can(caller, action)) throw new ForbiddenError();
  return caller;
}

export function authorizeGlobal(actor: Actor, action: Action): void {
  if (!can({ userId: actor.id, role: actor.role, inspectionRole: null }, action)) throw new ForbiddenError();
}
