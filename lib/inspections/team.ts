import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { type Caller } from "@/lib/permissions/table";
import { parse } from "@/lib/validation";
import { changeSetup, fieldProblem, lockInspectionIn, uuid, type SetupChangeWindow } from "./kernel";

// An inspection's team. Managers and the inspection's lead change it; its members read it.
//
// - An inspection has at most one lead (a unique index enforces it too); starting fieldwork needs
//   exactly one. Who leads is a manager's decision: only a manager appoints, replaces or removes the
//   lead. Appointing a new lead makes the previous one an inspector, in the same transaction.
// - Only active users whose account role is lead inspector or inspector join a team; only users
//   whose account role is lead inspector can lead one.

const MEMBER_ROLES = ["lead_inspector", "inspector"] as const;
type MemberRole = (typeof MEMBER_ROLES)[number];

const memberSchema = z.object({
  inspectionId: uuid("There is no such inspection."),
  userId: z.string({ error: "Choose a person" }).refine(isUuid, "Choose a person"),
  role: z.enum(MEMBER_ROLES, { error: "Choose their role in this inspection" }),
});

const memberRefSchema = z.object({
  inspectionId: uuid("There is no such inspection."),
  userId: uuid("There is no such team member."),
});

function requireManagerForLead(caller: Caller): void {
  if (caller.role !== "manager") {
    throw new ForbiddenError("Only a manager can appoint, replace or remove an inspection's lead inspector.");
  }
}

const TEAM_OPEN: SetupChangeWindow = {
  statuses: new Set(["setup", "fieldwork", "panel"]),
  closed: "The inspection is signed off; its team can no longer change.",
};

/** Makes `userId` the lead, turning the current lead (if another person) into an inspector. */
async function appointLead(tx: Tx, actor: Actor, inspectionId: string, userId: string): Promise<string | null> {
  const current = await tx.membership.findFirst({
    where: { inspectionId, role: "lead_inspector", userId: { not: userId } },
    select: { userId: true, user: { select: { name: true } } },
  });
  if (!current) return null;
  await tx.membership.update({ where: { inspectionId_userId: { inspectionId, userId: current.userId } }, data: { role: "inspector" } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "membership.role_changed",
    entityType: "membership",
    entityId: current.userId,
    inspectionId,
    before: { role: "lead_inspector" },
    after: { role: "inspector", reason: "another lead was appointed" },
  });
  return current.user.name;
}

/** A member's role and name, for changing or removing them; not on the team is a 404. */
async function teamMember(tx: Tx, inspectionId: string, userId: string) {
  const member = await tx.membership.findUnique({
    where: { inspectionId_userId: { inspectionId, userId } },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!member) throw new NotFoundError("That person is not on the team.");
  return member;
}

async function eligibleUser(tx: Tx, userId: string, role: MemberRole) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
  if (!user || !user.active) throw fieldProblem("userId", "Choose a person with an active account");
  if (user.role !== "lead_inspector" && user.role !== "inspector") {
    throw fieldProblem("userId", "Only inspectors and lead inspectors can join an inspection team");
  }
  if (role === "lead_inspector" && user.role !== "lead_inspector") {
    throw fieldProblem("role", `${user.name} is not a lead inspector, so they can join as an inspector but cannot lead`);
  }
  return user;
}

export async function addMember(actor: Actor, input: unknown): Promise<string> {
  const data = parse(memberSchema, input);
  const caller = await authorize(actor, data.inspectionId, "inspection.editSetup");
  if (data.role === "lead_inspector") requireManagerForLead(caller);
  return db.$transaction(async (tx) => {
    await lockInspectionIn(tx, data.inspectionId, TEAM_OPEN);
    const user = await eligibleUser(tx, data.userId, data.role);
    const existing = await tx.membership.findUnique({
      where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } },
      select: { role: true },
    });
    if (existing) throw fieldProblem("userId", `${user.name} is already on the team; change their role in the list instead`);
    const replaced = data.role === "lead_inspector" ? await appointLead(tx, actor, data.inspectionId, data.userId) : null;
    await tx.membership.create({ data: { inspectionId: data.inspectionId, userId: data.userId, role: data.role } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.added",
      entityType: "membership",
      entityId: data.userId,
      inspectionId: data.inspectionId,
      after: { role: data.role },
    });
    const roleText = data.role === "lead_inspector" ? "lead inspector" : "an inspector";
    return `${user.name} added as ${roleText}.${replaced ? ` ${replaced} is now an inspector.` : ""}`;
  });
}

export async function setMemberRole(actor: Actor, input: unknown): Promise<string> {
  const data = parse(memberSchema, input);
  return changeSetup(actor, data.inspectionId, TEAM_OPEN, async (tx, { caller }) => {
    const existing = await teamMember(tx, data.inspectionId, data.userId);
    if (existing.role === data.role) return `${existing.user.name}'s role is unchanged.`;
    requireManagerForLead(caller);
    await eligibleUser(tx, data.userId, data.role);
    const replaced = data.role === "lead_inspector" ? await appointLead(tx, actor, data.inspectionId, data.userId) : null;
    await tx.membership.update({
      where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } },
      data: { role: data.role },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.role_changed",
      entityType: "membership",
      entityId: data.userId,
      inspectionId: data.inspectionId,
      before: { role: existing.role },
      after: { role: data.role },
    });
    const roleText = data.role === "lead_inspector" ? "the lead inspector" : "an inspector";
    return `${existing.user.name} is now ${roleText}.${replaced ? ` ${replaced} is now an inspector.` : ""}`;
  });
}

export async function removeMember(actor: Actor, input: unknown): Promise<string> {
  const data = parse(memberRefSchema, input);
  return changeSetup(actor, data.inspectionId, TEAM_OPEN, async (tx, { caller }) => {
    const existing = await teamMember(tx, data.inspectionId, data.userId);
    if (existing.role === "lead_inspector") requireManagerForLead(caller);
    const allocated = await tx.case.count({ where: { inspectionId: data.inspectionId, allocatedToId: data.userId, removedAt: null } });
    if (allocated > 0) {
      throw new ConflictError(`${existing.user.name} has ${allocated} allocated cases. Reallocate them before removing ${existing.user.name} from the team.`);
    }
    await tx.membership.delete({ where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.removed",
      entityType: "membership",
      entityId: data.userId,
      inspectionId: data.inspectionId,
      before: { role: existing.role },
    });
    return `${existing.user.name} removed from the team.`;
  });
}
