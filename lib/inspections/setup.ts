import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { FRAMEWORK_VERSIONS, type FrameworkVersion } from "@/lib/framework";
import { FRAMEWORK_LABELS } from "@/lib/inspections/labels";
import { authorize, authorizeGlobal, isUuid, type Actor } from "@/lib/permissions/access";
import { can, type Caller } from "@/lib/permissions/table";
import { isRealIsoDate, proposeEligibilityWindow } from "@/lib/sampling/eligibility-window";
import { fieldErrorsOf } from "@/lib/users";

// Setting up an inspection before fieldwork: its details and eligibility window, its team, and the
// move to fieldwork. Managers and the inspection's lead change set-up; its members read it.
//
// Rules decided here:
// - An inspection has at most one lead (a unique index enforces it too); starting fieldwork needs
//   exactly one. Who leads is a manager's decision: only a manager appoints, replaces or removes the
//   lead. Appointing a new lead makes the previous one an inspector, in the same transaction.
// - Only active users whose account role is lead inspector or inspector join a team; only users
//   whose account role is lead inspector can lead one.
// - The framework, fieldwork date and window change only during set-up; the name until sign-off.
// - Every set-up change locks the inspection row first, so changes from several app instances to
//   one inspection happen one after another.

export const EDITABLE_SETUP_STATUSES = ["setup", "fieldwork", "panel"] as const;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError("There is a problem with what you entered.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Field-level refusal: the message is both the summary and the field's error. */
export function fieldProblem(field: string, message: string): ValidationError {
  return new ValidationError(message, { [field]: message });
}

export function isoDate(date: Date): string;
export function isoDate(date: Date | null): string | null;
export function isoDate(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

/** The case streams a framework version inspects: yjs-2018 has no resettlement standard (framework.md 3). */
const SAMPLED_STREAMS: Readonly<Record<FrameworkVersion, readonly Stream[]>> = Object.freeze({
  "yjs-2018": ["court", "out_of_court"],
  "yjs-2021": ["court", "out_of_court", "resettlement"],
});

export function sampledStreams(frameworkVersion: string): readonly Stream[] {
  return SAMPLED_STREAMS[frameworkVersion as FrameworkVersion] ?? STREAMS;
}

const uuid = (message: string) => z.string().refine(isUuid, message);

/** Locks the inspection row for the rest of the transaction; NotFoundError if there is none. */
export async function lockInspection(
  tx: Tx,
  inspectionId: string,
): Promise<{ status: "setup" | "fieldwork" | "panel" | "signed_off"; frameworkVersion: string }> {
  const rows = await tx.$queryRaw<{ status: "setup" | "fieldwork" | "panel" | "signed_off"; framework_version: string }[]>`
    SELECT status::text AS status, framework_version FROM inspections WHERE id = ${inspectionId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError("There is no such inspection.");
  return { status: row.status, frameworkVersion: row.framework_version };
}

/**
 * Reading set-up (team, population, sample, allocation): managers and the inspection's members.
 * Admins can see that an inspection exists (inspection.view) but not its cases.
 */
export async function authorizeSetupRead(actor: Actor, inspectionId: string): Promise<Caller> {
  const caller = await authorize(actor, inspectionId, "inspection.view");
  if (caller.role !== "manager" && caller.inspectionRole === null) throw new ForbiddenError();
  return caller;
}

// --- Details ---------------------------------------------------------------------------------------

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isRealIsoDate(value), `Enter the ${label} as a real date`)
    .transform((value) => (value === "" ? null : value));

const detailsSchema = z
  .object({
    yjsName: z
      .string({ error: "Enter the name of the youth justice service" })
      .trim()
      .min(1, "Enter the name of the youth justice service")
      .max(150, "Enter a name of at most 150 characters"),
    frameworkVersion: z.enum(FRAMEWORK_VERSIONS, { error: "Choose the framework version" }),
    fieldworkStart: z
      .string({ error: "Enter the date fieldwork starts" })
      .trim()
      .min(1, "Enter the date fieldwork starts")
      .refine(isRealIsoDate, "Enter the date fieldwork starts as a real date")
      .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", "Enter a fieldwork start date between 2000 and 2100"),
    windowStart: optionalDate("start of the eligibility window").default(null),
    windowEnd: optionalDate("end of the eligibility window").default(null),
  })
  .superRefine((data, ctx) => {
    if ((data.windowStart === null) !== (data.windowEnd === null)) {
      const missing = data.windowStart === null ? "windowStart" : "windowEnd";
      ctx.addIssue({ code: "custom", path: [missing], message: "Enter both dates of the eligibility window, or neither" });
      return;
    }
    if (data.windowStart !== null && data.windowEnd !== null) {
      if (data.windowStart > data.windowEnd) {
        ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "The eligibility window must end on or after the day it starts" });
      } else if (data.windowEnd >= data.fieldworkStart) {
        ctx.addIssue({ code: "custom", path: ["windowEnd"], message: "The eligibility window must end before fieldwork starts" });
      }
    }
  });

type Details = z.infer<typeof detailsSchema>;

/** The window to store: as entered, or for yjs-2021 the proposal when left blank. */
function windowOf(details: Details): { start: string; end: string } | null {
  if (details.windowStart !== null && details.windowEnd !== null) return { start: details.windowStart, end: details.windowEnd };
  if (details.frameworkVersion === "yjs-2021") return proposeEligibilityWindow(details.fieldworkStart);
  return null;
}

/** The proposed window for a framework and fieldwork date, or null where no pattern is known. */
export function proposedWindow(frameworkVersion: string, fieldworkStart: string): { start: string; end: string } | null {
  if (frameworkVersion !== "yjs-2021" || !isRealIsoDate(fieldworkStart)) return null;
  return proposeEligibilityWindow(fieldworkStart);
}

export async function createInspection(actor: Actor, input: unknown): Promise<{ id: string; yjsName: string }> {
  authorizeGlobal(actor, "inspection.create");
  const details = parse(detailsSchema, input);
  const window = windowOf(details);
  return db.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        windowStart: window ? new Date(window.start) : null,
        windowEnd: window ? new Date(window.end) : null,
        createdById: actor.id,
      },
      select: { id: true, yjsName: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inspection.created",
      entityType: "inspection",
      entityId: inspection.id,
      inspectionId: inspection.id,
      after: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: details.fieldworkStart,
        windowStart: window?.start ?? null,
        windowEnd: window?.end ?? null,
        windowProposed: details.windowStart === null && window !== null,
      },
    });
    return inspection;
  });
}

export async function updateInspectionDetails(actor: Actor, input: unknown): Promise<void> {
  const { inspectionId } = parse(z.object({ inspectionId: uuid("There is no such inspection.") }), input);
  await authorize(actor, inspectionId, "inspection.editSetup");
  const details = parse(detailsSchema, input);
  const window = windowOf(details);
  await db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, inspectionId);
    const before = await tx.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { yjsName: true, frameworkVersion: true, fieldworkStart: true, windowStart: true, windowEnd: true },
    });
    const beforeJson = {
      yjsName: before.yjsName,
      frameworkVersion: before.frameworkVersion,
      fieldworkStart: isoDate(before.fieldworkStart),
      windowStart: isoDate(before.windowStart),
      windowEnd: isoDate(before.windowEnd),
    };
    const afterJson = {
      yjsName: details.yjsName,
      frameworkVersion: details.frameworkVersion,
      fieldworkStart: details.fieldworkStart,
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
    };
    if (status === "signed_off") throw new ConflictError("The inspection is signed off; its details can no longer change.");
    const datesChanged =
      afterJson.frameworkVersion !== beforeJson.frameworkVersion ||
      afterJson.fieldworkStart !== beforeJson.fieldworkStart ||
      afterJson.windowStart !== beforeJson.windowStart ||
      afterJson.windowEnd !== beforeJson.windowEnd;
    if (!datesChanged && afterJson.yjsName === beforeJson.yjsName) return;
    if (datesChanged && status !== "setup") {
      throw new ConflictError("Fieldwork has started: only the name can change now, not the framework, the dates or the window.");
    }
    if (afterJson.frameworkVersion !== beforeJson.frameworkVersion) {
      const cases = await tx.case.count({ where: { inspectionId } });
      if (cases > 0) {
        throw fieldProblem("frameworkVersion", "The framework cannot change once cases have been sampled: the sample was drawn for this framework");
      }
      const resettlementCases = sampledStreams(details.frameworkVersion).includes("resettlement")
        ? 0
        : await tx.populationCase.count({ where: { inspectionId, stream: "resettlement" } });
      if (resettlementCases > 0) {
        throw fieldProblem(
          "frameworkVersion",
          `The imported population has ${resettlementCases} resettlement cases, which the 2018 framework does not inspect; import a population without them first`,
        );
      }
    }
    if (window !== null && (afterJson.windowStart !== beforeJson.windowStart || afterJson.windowEnd !== beforeJson.windowEnd)) {
      const outside = await tx.populationCase.count({
        where: { inspectionId, OR: [{ disposalDate: { lt: new Date(window.start) } }, { disposalDate: { gt: new Date(window.end) } }] },
      });
      if (outside > 0) {
        throw fieldProblem(
          "windowStart",
          `${outside} cases of the imported population fall outside this window. Import a population for the new window first, or keep the window`,
        );
      }
    }
    await tx.inspection.update({
      where: { id: inspectionId },
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        windowStart: window ? new Date(window.start) : null,
        windowEnd: window ? new Date(window.end) : null,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inspection.details_changed",
      entityType: "inspection",
      entityId: inspectionId,
      inspectionId,
      before: beforeJson,
      after: afterJson,
    });
  });
}

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

// --- Team ------------------------------------------------------------------------------------------

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

async function assertTeamEditable(tx: Tx, inspectionId: string): Promise<void> {
  const { status } = await lockInspection(tx, inspectionId);
  if (status === "signed_off") throw new ConflictError("The inspection is signed off; its team can no longer change.");
}

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
    await assertTeamEditable(tx, data.inspectionId);
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
  const caller = await authorize(actor, data.inspectionId, "inspection.editSetup");
  return db.$transaction(async (tx) => {
    await assertTeamEditable(tx, data.inspectionId);
    const existing = await tx.membership.findUnique({
      where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!existing) throw new NotFoundError("That person is not on the team.");
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
  const caller = await authorize(actor, data.inspectionId, "inspection.editSetup");
  return db.$transaction(async (tx) => {
    await assertTeamEditable(tx, data.inspectionId);
    const existing = await tx.membership.findUnique({
      where: { inspectionId_userId: { inspectionId: data.inspectionId, userId: data.userId } },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!existing) throw new NotFoundError("That person is not on the team.");
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

// --- Read models -----------------------------------------------------------------------------------

export interface SetupRights {
  editSetup: boolean;
  /** Appoint, replace or remove the lead: managers only. */
  changeLead: boolean;
}

function rightsOf(caller: Caller): SetupRights {
  const editSetup = can(caller, "inspection.editSetup");
  return { editSetup, changeLead: editSetup && caller.role === "manager" };
}

/** The set-up overview: details, team, and progress of population, sample and allocation. */
export async function setupOverview(actor: Actor, inspectionId: string) {
  const caller = await authorizeSetupRead(actor, inspectionId);
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: {
      id: true,
      yjsName: true,
      frameworkVersion: true,
      fieldworkStart: true,
      windowStart: true,
      windowEnd: true,
      status: true,
      memberships: { select: { role: true, user: { select: { name: true } } } },
      imports: { orderBy: { createdAt: "desc" }, take: 1, select: { fileName: true, rowCount: true, createdAt: true } },
    },
  });
  const [populationByStream, casesByStream, unallocatedByStream] = await Promise.all([
    db.populationCase.groupBy({ by: ["stream"], where: { inspectionId }, _count: { _all: true } }),
    db.case.groupBy({ by: ["stream"], where: { inspectionId, removedAt: null }, _count: { _all: true } }),
    db.case.groupBy({ by: ["stream"], where: { inspectionId, removedAt: null, allocatedToId: null }, _count: { _all: true } }),
  ]);
  const countOf = (groups: { stream: Stream; _count: { _all: number } }[], stream: Stream) =>
    groups.find((g) => g.stream === stream)?._count._all ?? 0;
  const fieldworkStart = isoDate(inspection.fieldworkStart);
  return {
    id: inspection.id,
    yjsName: inspection.yjsName,
    frameworkVersion: inspection.frameworkVersion,
    frameworkLabel: FRAMEWORK_LABELS[inspection.frameworkVersion] ?? inspection.frameworkVersion,
    fieldworkStart,
    windowStart: isoDate(inspection.windowStart),
    windowEnd: isoDate(inspection.windowEnd),
    proposedWindow: proposedWindow(inspection.frameworkVersion, fieldworkStart),
    status: inspection.status,
    lead: inspection.memberships.find((m) => m.role === "lead_inspector")?.user.name ?? null,
    inspectorCount: inspection.memberships.filter((m) => m.role === "inspector").length,
    population: inspection.imports[0] ?? null,
    streams: STREAMS.map((stream) => ({
      stream,
      population: countOf(populationByStream, stream),
      sampled: countOf(casesByStream, stream),
      unallocated: countOf(unallocatedByStream, stream),
    })),
    rights: rightsOf(caller),
    caller,
  };
}

/** The team, and (for those who can change it) the people who could join. */
export async function teamView(actor: Actor, inspectionId: string) {
  const caller = await authorizeSetupRead(actor, inspectionId);
  const rights = rightsOf(caller);
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: {
      id: true,
      yjsName: true,
      status: true,
      memberships: {
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: true, role: true, active: true } } },
      },
    },
  });
  const allocated = await db.case.groupBy({
    by: ["allocatedToId"],
    where: { inspectionId, removedAt: null, allocatedToId: { not: null } },
    _count: { _all: true },
  });
  const memberIds = inspection.memberships.map((m) => m.user.id);
  const candidates = rights.editSetup
    ? await db.user.findMany({
        where: { active: true, role: { in: ["lead_inspector", "inspector"] }, id: { notIn: memberIds } },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, role: true },
      })
    : [];
  return {
    id: inspection.id,
    yjsName: inspection.yjsName,
    status: inspection.status,
    members: inspection.memberships.map((m) => ({
      ...m.user,
      memberRole: m.role,
      allocatedCases: allocated.find((a) => a.allocatedToId === m.user.id)?._count._all ?? 0,
    })),
    candidates,
    rights,
    caller,
  };
}
