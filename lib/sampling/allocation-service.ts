import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { STREAMS } from "@/lib/framework/case-attributes";
import { changeSetup, readSetup, fieldProblem, sampledStreams, type SetupChangeWindow } from "@/lib/inspections/kernel";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { groupBy } from "@/lib/statistics/group-by";
import { balancedAllocation } from "./allocation";
import { parse } from "@/lib/validation";

// Sharing the sampled cases between the inspection's team.
//
// Rules decided here:
// - Cases go only to members of the inspection. The balanced allocation shares them between the
//   inspectors, and the lead too when asked (leads often take cases on smaller inspections).
// - A case someone has started (status other than not started) keeps its inspector in a balanced
//   allocation; the rest are shared afresh unless "keep existing allocations" is chosen.
// - Manual reassignment names the inspector the case was with when the page was loaded; if that
//   changed meanwhile, the change is refused rather than silently overwriting someone else's.
// - Allocation can change until the ratings panel begins.

const ALLOCATION_OPEN: SetupChangeWindow = {
  statuses: new Set(["setup", "fieldwork"]),
  closed: "Allocation can no longer change: the ratings panel has begun.",
};


const checkbox = z
  .union([z.boolean(), z.string(), z.null()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const balanceSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  includeLead: checkbox,
  keepExisting: checkbox,
});

export async function allocateBalanced(actor: Actor, input: unknown): Promise<string> {
  const data = parse(balanceSchema, input);
  return changeSetup(actor, data.inspectionId, ALLOCATION_OPEN, async (tx) => {
    const members = await tx.membership.findMany({
      where: { inspectionId: data.inspectionId },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      select: { userId: true, role: true, user: { select: { active: true } } },
    });
    const inspectorIds = members
      .filter((m) => m.user.active && (m.role === "inspector" || (data.includeLead && m.role === "lead_inspector")))
      .map((m) => m.userId);
    if (inspectorIds.length === 0) {
      throw fieldProblem("includeLead", "Add inspectors to the team first, or include the lead inspector in the allocation");
    }
    const memberIds = new Set(members.map((m) => m.userId));
    const cases = await tx.case.findMany({
      where: { inspectionId: data.inspectionId, removedAt: null },
      select: { id: true, stream: true, status: true, allocatedToId: true },
    });
    if (cases.length === 0) throw new ConflictError("There are no sampled cases to allocate yet. Draw a sample first.");
    const inRound = new Set(inspectorIds);
    // A started case stays with the member who has it, even one left out of this round.
    const stays = (c: (typeof cases)[number]) =>
      c.status !== "not_started" && c.allocatedToId !== null && memberIds.has(c.allocatedToId) && !inRound.has(c.allocatedToId);
    const allocation = balancedAllocation(
      cases
        .filter((c) => !stays(c))
        .map((c) => {
          const keep = (data.keepExisting || c.status !== "not_started") && c.allocatedToId !== null;
          return { id: c.id, stream: c.stream, allocatedTo: keep ? c.allocatedToId : null };
        }),
      inspectorIds,
      { keepExisting: true },
    );
    for (const c of cases) if (stays(c)) allocation.set(c.id, c.allocatedToId as string);
    const changed = cases.filter((c) => allocation.get(c.id) !== c.allocatedToId);
    for (const [to, group] of groupBy(changed, (c) => allocation.get(c.id) as string)) {
      await tx.case.updateMany({ where: { id: { in: group.map((c) => c.id) } }, data: { allocatedToId: to } });
    }
    for (const c of changed) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "case.allocated",
        entityType: "case",
        entityId: c.id,
        inspectionId: data.inspectionId,
        caseId: c.id,
        before: { allocatedToId: c.allocatedToId },
        after: { allocatedToId: allocation.get(c.id) ?? null, how: "balanced" },
      });
    }
    return changed.length === 0
      ? "The allocation is already balanced; nothing changed."
      : `Allocated ${changed.length} cases across ${inspectorIds.length} ${inspectorIds.length === 1 ? "person" : "people"}.`;
  });
}

const reassignSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  caseId: z.string().refine(isUuid, "There is no such case."),
  /** "" = not allocated. */
  userId: z.string({ error: "Choose an inspector" }).refine((value) => value === "" || isUuid(value), "Choose an inspector"),
  /** Who had the case when the page was shown ("" = nobody): a stale page is refused. */
  expectedUserId: z.string().default(""),
});

export async function reassignCase(actor: Actor, input: unknown): Promise<string> {
  const data = parse(reassignSchema, input);
  return changeSetup(actor, data.inspectionId, ALLOCATION_OPEN, async (tx) => {
    const found = await tx.case.findFirst({
      where: { id: data.caseId, inspectionId: data.inspectionId },
      select: { id: true, reference: true, removedAt: true, allocatedToId: true, allocatedTo: { select: { name: true } } },
    });
    if (!found) throw new NotFoundError("There is no such case in this inspection.");
    if (found.removedAt !== null) throw new ConflictError(`${found.reference} has been removed from the sample, so it cannot be allocated.`);
    const to = data.userId === "" ? null : data.userId;
    if ((found.allocatedToId ?? "") !== data.expectedUserId) {
      throw new ConflictError(
        `Someone else changed ${found.reference}'s allocation meanwhile: it is now with ${found.allocatedTo?.name ?? "nobody"}. Reload the page and try again.`,
      );
    }
    if (found.allocatedToId === to) return `${found.reference} is unchanged.`;
    let name = "nobody";
    if (to !== null) {
      const member = await tx.membership.findUnique({
        where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: to } },
        select: { user: { select: { name: true, active: true } } },
      });
      if (!member || !member.user.active) throw fieldProblem("userId", "Choose an active member of this inspection's team");
      name = member.user.name;
    }
    await tx.case.update({ where: { id: found.id }, data: { allocatedToId: to } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "case.allocated",
      entityType: "case",
      entityId: found.id,
      inspectionId: data.inspectionId,
      caseId: found.id,
      before: { allocatedToId: found.allocatedToId },
      after: { allocatedToId: to, how: "manual" },
    });
    return to === null ? `${found.reference} is no longer allocated.` : `${found.reference} allocated to ${name}.`;
  });
}

/** Per-person counts by stream, and every sampled case with who has it. */
export async function allocationView(actor: Actor, inspectionId: string) {
  const { caller, inspection } = await readSetup(actor, inspectionId, {
    id: true,
    yjsName: true,
    status: true,
    frameworkVersion: true,
    memberships: {
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      select: { role: true, user: { select: { id: true, name: true, active: true } } },
    },
  });
  const cases = await db.case.findMany({
    where: { inspectionId, removedAt: null },
    orderBy: [{ stream: "asc" }, { reference: "asc" }],
    select: { id: true, reference: true, stream: true, disposalType: true, status: true, allocatedToId: true, allocatedTo: { select: { name: true } } },
  });
  const streams = sampledStreams(inspection.frameworkVersion);
  const people = inspection.memberships.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    active: m.user.active,
    memberRole: m.role,
    counts: Object.fromEntries(STREAMS.map((s) => [s, cases.filter((c) => c.allocatedToId === m.user.id && c.stream === s).length])) as Record<
      (typeof STREAMS)[number],
      number
    >,
    total: cases.filter((c) => c.allocatedToId === m.user.id).length,
  }));
  const memberIds = new Set(people.map((p) => p.id));
  return {
    id: inspection.id,
    yjsName: inspection.yjsName,
    status: inspection.status,
    streams,
    people,
    unallocated: Object.fromEntries(STREAMS.map((s) => [s, cases.filter((c) => c.stream === s && c.allocatedToId === null).length])) as Record<
      (typeof STREAMS)[number],
      number
    >,
    /** Cases with someone no longer on the team: shown so they can be moved. */
    withFormerMembers: cases.filter((c) => c.allocatedToId !== null && !memberIds.has(c.allocatedToId)).length,
    cases: cases.map((c) => ({ ...c, allocatedTo: c.allocatedTo?.name ?? null })),
    editSetup: can(caller, "inspection.editSetup"),
    canAllocate: can(caller, "inspection.editSetup") && ALLOCATION_OPEN.statuses.has(inspection.status),
    myId: caller.userId,
  };
}
