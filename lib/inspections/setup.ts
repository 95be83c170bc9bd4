import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { FRAMEWORK_VERSIONS, type FrameworkVersion } from "@/lib/framework";
import { INSPECTION_DETAILS_SELECT } from "@/lib/inspections/details-select";
import { FRAMEWORK_LABELS } from "@/lib/inspections/labels";
import { authorize, authorizeGlobal, isUuid, type Actor } from "@/lib/permissions/access";
import { can, type Caller } from "@/lib/permissions/table";
import {
  hasStreamWindows,
  isRealIsoDate,
  proposeInspectionWindows,
  windowForStream,
  YJS_2018_WINDOW_ASSUMPTION,
  type EligibilityWindow,
  type InspectionWindows,
} from "@/lib/sampling/eligibility-window";
import { parse } from "@/lib/validation";

// Setting up an inspection before fieldwork: its details and eligibility windows, its team, and the
// move to fieldwork. Managers and the inspection's lead change set-up; its members read it.
//
// Rules decided here:
// - An inspection has at most one lead (a unique index enforces it too); starting fieldwork needs
//   exactly one. Who leads is a manager's decision: only a manager appoints, replaces or removes the
//   lead. Appointing a new lead makes the previous one an inspector, in the same transaction.
// - Only active users whose account role is lead inspector or inspector join a team; only users
//   whose account role is lead inspector can lead one.
// - The framework, fieldwork date and windows change only during set-up; the name until sign-off.
// - yjs-2021 has one eligibility window; yjs-2018 one for court and one for out-of-court disposals
//   (lib/sampling/eligibility-window.ts). A window left blank is stored as the proposal.
// - Every set-up change locks the inspection row first, so changes from several app instances to
//   one inspection happen one after another.

export const EDITABLE_SETUP_STATUSES = ["setup", "fieldwork", "panel"] as const;


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
    /** yjs-2018 only; ignored for yjs-2021, which has one window. */
    oocWindowStart: optionalDate("start of the out-of-court disposal eligibility window").default(null),
    oocWindowEnd: optionalDate("end of the out-of-court disposal eligibility window").default(null),
  })
  .superRefine((data, ctx) => {
    const streamWindows = hasStreamWindows(data.frameworkVersion);
    const check = (start: string | null, end: string | null, fields: [string, string], name: string) => {
      if ((start === null) !== (end === null)) {
        ctx.addIssue({ code: "custom", path: [start === null ? fields[0] : fields[1]], message: `Enter both dates of the ${name}, or neither` });
      } else if (start !== null && end !== null) {
        if (start > end) {
          ctx.addIssue({ code: "custom", path: [fields[1]], message: `The ${name} must end on or after the day it starts` });
        } else if (end >= data.fieldworkStart) {
          ctx.addIssue({ code: "custom", path: [fields[1]], message: `The ${name} must end before fieldwork starts` });
        }
      }
    };
    check(data.windowStart, data.windowEnd, ["windowStart", "windowEnd"], streamWindows ? "court disposal eligibility window" : "eligibility window");
    if (streamWindows) {
      check(data.oocWindowStart, data.oocWindowEnd, ["oocWindowStart", "oocWindowEnd"], "out-of-court disposal eligibility window");
    }
  });

type Details = z.infer<typeof detailsSchema>;

/** The windows to store: each as entered, or the proposal where left blank. */
function windowsOf(details: Details): InspectionWindows & { proposed: { window: boolean; oocWindow: boolean } } {
  const proposal = proposeInspectionWindows(details.frameworkVersion, details.fieldworkStart);
  const entered = (start: string | null, end: string | null): EligibilityWindow | null =>
    start !== null && end !== null ? { start, end } : null;
  const window = entered(details.windowStart, details.windowEnd);
  const oocWindow = hasStreamWindows(details.frameworkVersion) ? entered(details.oocWindowStart, details.oocWindowEnd) : null;
  const proposeOoc = hasStreamWindows(details.frameworkVersion) && oocWindow === null;
  return {
    window: window ?? proposal?.window ?? null,
    oocWindow: proposeOoc ? (proposal?.oocWindow ?? null) : oocWindow,
    proposed: { window: window === null, oocWindow: proposeOoc },
  };
}

/** The windows of each column as audited: YYYY-MM-DD or null. */
function windowsJson(windows: InspectionWindows) {
  return {
    windowStart: windows.window?.start ?? null,
    windowEnd: windows.window?.end ?? null,
    oocWindowStart: windows.oocWindow?.start ?? null,
    oocWindowEnd: windows.oocWindow?.end ?? null,
  };
}

function windowColumns(windows: InspectionWindows) {
  const date = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));
  return {
    windowStart: date(windows.window?.start),
    windowEnd: date(windows.window?.end),
    oocWindowStart: date(windows.oocWindow?.start),
    oocWindowEnd: date(windows.oocWindow?.end),
  };
}

/** An inspection's stored windows, from its date columns. */
export function storedWindows(inspection: {
  windowStart: Date | null;
  windowEnd: Date | null;
  oocWindowStart: Date | null;
  oocWindowEnd: Date | null;
}): InspectionWindows {
  const of = (start: Date | null, end: Date | null): EligibilityWindow | null =>
    start !== null && end !== null ? { start: isoDate(start), end: isoDate(end) } : null;
  return { window: of(inspection.windowStart, inspection.windowEnd), oocWindow: of(inspection.oocWindowStart, inspection.oocWindowEnd) };
}

export async function createInspection(actor: Actor, input: unknown): Promise<{ id: string; yjsName: string }> {
  authorizeGlobal(actor, "inspection.create");
  const details = parse(detailsSchema, input);
  const windows = windowsOf(details);
  return db.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        ...windowColumns(windows),
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
        ...windowsJson(windows),
        windowProposed: windows.proposed.window,
        ...(hasStreamWindows(details.frameworkVersion) ? { oocWindowProposed: windows.proposed.oocWindow } : {}),
      },
    });
    return inspection;
  });
}

export async function updateInspectionDetails(actor: Actor, input: unknown): Promise<void> {
  const { inspectionId } = parse(z.object({ inspectionId: uuid("There is no such inspection.") }), input);
  await authorize(actor, inspectionId, "inspection.editSetup");
  const details = parse(detailsSchema, input);
  const windows = windowsOf(details);
  await db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, inspectionId);
    const before = await tx.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: INSPECTION_DETAILS_SELECT,
    });
    const beforeJson = {
      yjsName: before.yjsName,
      frameworkVersion: before.frameworkVersion,
      fieldworkStart: isoDate(before.fieldworkStart),
      ...windowsJson(storedWindows(before)),
    };
    const afterJson = {
      yjsName: details.yjsName,
      frameworkVersion: details.frameworkVersion,
      fieldworkStart: details.fieldworkStart,
      ...windowsJson(windows),
    };
    if (status === "signed_off") throw new ConflictError("The inspection is signed off; its details can no longer change.");
    const windowsChanged = (["windowStart", "windowEnd", "oocWindowStart", "oocWindowEnd"] as const).some(
      (key) => afterJson[key] !== beforeJson[key],
    );
    const datesChanged =
      afterJson.frameworkVersion !== beforeJson.frameworkVersion || afterJson.fieldworkStart !== beforeJson.fieldworkStart || windowsChanged;
    if (!datesChanged && afterJson.yjsName === beforeJson.yjsName) return;
    if (datesChanged && status !== "setup") {
      throw new ConflictError("Fieldwork has started: only the name can change now, not the framework, the dates or the windows.");
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
    if (windowsChanged || afterJson.frameworkVersion !== beforeJson.frameworkVersion) {
      await assertPopulationWithinWindows(tx, inspectionId, details.frameworkVersion, windows);
    }
    await tx.inspection.update({
      where: { id: inspectionId },
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        ...windowColumns(windows),
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

/**
 * Refuses new windows that would leave imported cases outside the window of their stream: the
 * population was checked against the old ones. yjs-2018's out-of-court cases are reported on the
 * out-of-court window's field, every other case on the (court or only) window's.
 */
async function assertPopulationWithinWindows(tx: Tx, inspectionId: string, frameworkVersion: string, windows: InspectionWindows): Promise<void> {
  const outsideOf = (streams: readonly Stream[], window: EligibilityWindow | null) =>
    window === null || streams.length === 0
      ? Promise.resolve(0)
      : tx.populationCase.count({
          where: {
            inspectionId,
            stream: { in: [...streams] },
            OR: [{ disposalDate: { lt: new Date(window.start) } }, { disposalDate: { gt: new Date(window.end) } }],
          },
        });
  const streams = sampledStreams(frameworkVersion);
  const oocSeparate = hasStreamWindows(frameworkVersion);
  const [outside, oocOutside] = await Promise.all([
    outsideOf(oocSeparate ? streams.filter((stream) => stream !== "out_of_court") : streams, windows.window),
    oocSeparate ? outsideOf(["out_of_court"], windowForStream(frameworkVersion, "out_of_court", windows)) : Promise.resolve(0),
  ]);
  const fieldErrors: Record<string, string> = {};
  const advice = "Import a population for the new window first, or keep the window";
  if (outside > 0) {
    const what = oocSeparate ? `${outside} court cases` : `${outside} cases`;
    fieldErrors.windowStart = `${what} of the imported population fall outside this window. ${advice}`;
  }
  if (oocOutside > 0) {
    fieldErrors.oocWindowStart = `${oocOutside} out-of-court cases of the imported population fall outside this window. ${advice}`;
  }
  const messages = Object.values(fieldErrors);
  if (messages.length > 0) throw new ValidationError(messages.join(" "), fieldErrors);
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
      ...INSPECTION_DETAILS_SELECT,
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
    oocWindowStart: isoDate(inspection.oocWindowStart),
    oocWindowEnd: isoDate(inspection.oocWindowEnd),
    /** yjs-2018: the windows are per stream, and how they were proposed is an assumption. */
    streamWindows: hasStreamWindows(inspection.frameworkVersion),
    windowAssumption: hasStreamWindows(inspection.frameworkVersion) ? YJS_2018_WINDOW_ASSUMPTION : null,
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
