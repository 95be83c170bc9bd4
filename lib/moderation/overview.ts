import "server-only";
import { db } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";

// The moderation page's read model: who moderates, the draws, and the dip sample with each case's
// progress. Disagreement counts come only from completed second assessments, so the list tells a
// moderator nothing about an inspector's answers before they have given their own.

export async function moderationOverview(actor: Actor, inspectionId: string) {
  const caller = await authorize(actor, inspectionId, "moderation.view");
  const rights = { manage: can(caller, "moderation.manage"), assess: can(caller, "moderation.assess") };
  const [inspection, moderators, candidates, draws, dipCases] = await Promise.all([
    db.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { yjsName: true, status: true, frameworkVersion: true } }),
    db.inspectionModerator.findMany({
      where: { inspectionId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, user: { select: { id: true, name: true, email: true, role: true, active: true } }, addedBy: { select: { name: true } } },
    }),
    rights.manage
      ? db.user.findMany({
          where: { role: "quality_assurer", active: true, moderating: { none: { inspectionId } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true, email: true },
        })
      : Promise.resolve([]),
    db.moderationDraw.findMany({
      where: { inspectionId },
      orderBy: { createdAt: "asc" },
      select: { id: true, seed: true, requestKind: true, requestValue: true, size: true, populationSize: true, method: true, createdAt: true, drawnBy: { select: { name: true } } },
    }),
    db.moderationCase.findMany({
      where: { inspectionId, case: { removedAt: null } },
      orderBy: { case: { reference: "asc" } },
      select: {
        caseId: true,
        drawId: true,
        additionReason: true,
        completedAt: true,
        case: { select: { reference: true, stream: true, status: true, allocatedTo: { select: { name: true } } } },
        _count: { select: { secondAnswers: true } },
        outcomes: { select: { outcome: true, response: true } },
      },
    }),
  ]);
  return {
    inspection,
    rights,
    moderators: moderators.map((m) => ({ ...m.user, holdsRight: m.user.role === "quality_assurer" && m.user.active, addedBy: m.addedBy.name, since: m.createdAt })),
    candidates,
    draws,
    dipCases: dipCases.map((d) => ({
      caseId: d.caseId,
      reference: d.case.reference,
      stream: d.case.stream,
      caseStatus: d.case.status,
      inspectorName: d.case.allocatedTo?.name ?? null,
      how: d.drawId ? ("drawn" as const) : ("by hand" as const),
      additionReason: d.additionReason,
      secondAnswers: d._count.secondAnswers,
      completedAt: d.completedAt,
      outcomes: d.outcomes.length,
      awaitingResponse: d.outcomes.filter((o) => o.outcome === "inspector_to_review" && o.response === null).length,
    })),
  };
}
