import "server-only";
import { db } from "@/lib/db/client";
import { INSPECTION_DETAILS_SELECT } from "@/lib/inspections/details-select";
import { frameworkLabel } from "@/lib/framework";
import { authorize, type Actor } from "@/lib/permissions/access";
import { can, moderatorHeld, teamRoleHeld } from "@/lib/permissions/table";
import type { InspectionStatus } from "@/lib/statuses";

// Read models for the home pages and the inspection overview.

export interface InspectionSummary {
  id: string;
  yjsName: string;
  frameworkVersion: string;
  frameworkLabel: string;
  fieldworkStart: Date;
  status: InspectionStatus;
  myRole: "lead_inspector" | "inspector" | null;
  /** Whether the caller moderates it (a quality assurer assigned to it). */
  moderating: boolean;
  caseCount: number;
}

/** Managers and admins see every inspection; everyone else only those they are on or moderate. */
export async function listInspectionsFor(actor: Actor): Promise<InspectionSummary[]> {
  const seesAll = actor.role === "admin" || actor.role === "manager";
  const rows = await db.inspection.findMany({
    where: seesAll ? {} : { OR: [{ memberships: { some: { userId: actor.id } } }, { moderators: { some: { userId: actor.id } } }] },
    orderBy: [{ fieldworkStart: "desc" }, { yjsName: "asc" }],
    select: {
      id: true,
      yjsName: true,
      frameworkVersion: true,
      fieldworkStart: true,
      status: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
      moderators: { where: { userId: actor.id }, select: { userId: true } },
      _count: { select: { cases: { where: { removedAt: null } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    yjsName: row.yjsName,
    frameworkVersion: row.frameworkVersion,
    frameworkLabel: frameworkLabel(row.frameworkVersion),
    fieldworkStart: row.fieldworkStart,
    status: row.status,
    myRole: teamRoleHeld(actor.role, row.memberships[0]?.role ?? null),
    moderating: moderatorHeld(actor.role, row.moderators.length > 0),
    caseCount: row._count.cases,
  }));
}

export async function inspectionOverview(actor: Actor, inspectionId: string) {
  const caller = await authorize(actor, inspectionId, "inspection.view");
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: {
      id: true,
      ...INSPECTION_DETAILS_SELECT,
      status: true,
      memberships: {
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: true, active: true } } },
      },
    },
  });
  const groups = await db.case.groupBy({
    by: ["stream", "status"],
    where: { inspectionId, removedAt: null },
    _count: { _all: true },
  });
  const caseCounts = groups.map((g) => ({ stream: g.stream, status: g.status, count: g._count._all }));
  return {
    ...inspection,
    frameworkLabel: frameworkLabel(inspection.frameworkVersion),
    caseCounts,
    caller,
    rights: {
      readCases: can(caller, "cases.read"),
      editSetup: can(caller, "inspection.editSetup"),
      viewPanel: can(caller, "panel.view"),
      exportRatings: can(caller, "ratings.export"),
      viewModeration: can(caller, "moderation.view"),
    },
  };
}
