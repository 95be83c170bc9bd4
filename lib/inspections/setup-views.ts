import "server-only";
import { db } from "@/lib/db/client";
import { type Stream } from "@/lib/framework/case-attributes";
import { INSPECTION_DETAILS_SELECT } from "@/lib/inspections/details-select";
import { frameworkLabel } from "@/lib/framework";
import { type Actor } from "@/lib/permissions/access";
import { can, type Caller } from "@/lib/permissions/table";
import { hasStreamWindows, windowRule } from "@/lib/framework/eligibility-window";
import { isoDate, readSetup, sampledStreams } from "./kernel";

// What the set-up pages show: the overview and the team, with the caller's rights.

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
  const { caller, inspection } = await readSetup(actor, inspectionId, {
    id: true,
    ...INSPECTION_DETAILS_SELECT,
    status: true,
    memberships: { select: { role: true, user: { select: { name: true } } } },
    imports: { orderBy: { createdAt: "desc" }, take: 1, select: { fileName: true, rowCount: true, createdAt: true } },
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
    frameworkLabel: frameworkLabel(inspection.frameworkVersion),
    fieldworkStart,
    windowStart: isoDate(inspection.windowStart),
    windowEnd: isoDate(inspection.windowEnd),
    oocWindowStart: isoDate(inspection.oocWindowStart),
    oocWindowEnd: isoDate(inspection.oocWindowEnd),
    /** Whether the windows are per stream, and what their proposal assumed (the version's window rule). */
    streamWindows: hasStreamWindows(inspection.frameworkVersion),
    windowAssumption: windowRule(inspection.frameworkVersion)?.assumption ?? null,
    status: inspection.status,
    lead: inspection.memberships.find((m) => m.role === "lead_inspector")?.user.name ?? null,
    inspectorCount: inspection.memberships.filter((m) => m.role === "inspector").length,
    population: inspection.imports[0] ?? null,
    // Only the streams the framework version samples (2018 has no resettlement stream).
    streams: sampledStreams(inspection.frameworkVersion).map((stream) => ({
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
  const { caller, inspection } = await readSetup(actor, inspectionId, {
    id: true,
    yjsName: true,
    status: true,
    memberships: {
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      select: { role: true, user: { select: { id: true, name: true, email: true, role: true, active: true } } },
    },
  });
  const rights = rightsOf(caller);
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
