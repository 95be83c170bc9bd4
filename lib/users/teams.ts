import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/permissions/access";
import { moderatorHeld, teamRoleHeld, type GlobalRole, type InspectionRole } from "@/lib/permissions/table";

// What a change of account role does to the person's places on inspection teams. Only inspectors
// and lead inspectors are on teams, and only lead inspectors lead (lib/permissions/table.ts
// teamRoleHeld, which every access check applies too). So when the role changes:
// - to administrator or manager: they leave every team. Cases allocated to them stay allocated to
//   them (the allocation page lists them as "with someone no longer on the team" for the lead to
//   move), and what they recorded is kept;
// - to inspector: where they led, they stay on the team as an inspector, and the inspection has no
//   lead until a manager appoints one;
// - to lead inspector: nothing changes.
// Moderating an inspection is a quality assurer's right only (moderatorHeld): any other role ends
// their assignments as moderator; their second answers and outcomes are kept.

export interface TeamPlaces {
  /** Inspections on whose team they are. */
  teams: number;
  /** Of which they lead. */
  leads: number;
}

export function teamPlacesOf(memberships: readonly { role: InspectionRole }[]): TeamPlaces {
  return { teams: memberships.length, leads: memberships.filter((m) => m.role === "lead_inspector").length };
}

const inspections = (n: number) => `${n} inspection${n === 1 ? "" : "s"}`;

/**
 * What changing to `role` does to someone with these places, or null if nothing: `ahead` for the
 * form's hint (before the change), otherwise as done.
 */
export function teamEffectOf(role: GlobalRole, places: TeamPlaces, ahead: boolean): string | null {
  if (places.teams === 0) return null;
  const needs = ahead ? "will need" : places.leads === 1 ? "needs" : "need";
  if (teamRoleHeld(role, "inspector") === null) {
    const leads = places.leads > 0 ? ` (they ${ahead ? "lead" : "led"} ${places.leads}, which ${needs} a new lead)` : "";
    return `${ahead ? "They leave" : "They have left"} the teams of ${inspections(places.teams)}${leads}; cases allocated to them wait for the lead to reallocate them.`;
  }
  if (places.leads > 0 && teamRoleHeld(role, "lead_inspector") !== "lead_inspector") {
    return `They stay on the teams of ${inspections(places.teams)} as an inspector; the ${inspections(places.leads)} they ${ahead ? "lead" : "led"} ${needs} a new lead.`;
  }
  return null;
}

/**
 * Brings the user's memberships in line with their new account role, in the caller's transaction,
 * and audits each change against its inspection. Returns a sentence for the administrator, or "".
 */
export async function reconcileTeamsForRole(tx: Tx, actor: Actor, userId: string, role: GlobalRole): Promise<string> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { inspectionId: true, role: true } });
  const effect = teamEffectOf(role, teamPlacesOf(memberships), false);
  for (const membership of memberships) {
    const held = teamRoleHeld(role, membership.role);
    if (held === membership.role) continue;
    const where = { inspectionId_userId: { inspectionId: membership.inspectionId, userId } };
    if (held === null) await tx.membership.delete({ where });
    else await tx.membership.update({ where, data: { role: held } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.reconciled_with_account_role",
      entityType: "membership",
      entityId: userId,
      inspectionId: membership.inspectionId,
      before: { role: membership.role },
      after: { role: held, accountRole: role },
    });
  }
  const moderation = await reconcileModerationForRole(tx, actor, userId, role);
  return [effect, moderation].filter(Boolean).join(" ");
}

/** Ends the user's assignments as a moderator when their new role may not hold them; a sentence, or "". */
async function reconcileModerationForRole(tx: Tx, actor: Actor, userId: string, role: GlobalRole): Promise<string> {
  if (moderatorHeld(role, true)) return "";
  const assignments = await tx.inspectionModerator.findMany({ where: { userId }, select: { inspectionId: true } });
  if (assignments.length === 0) return "";
  await tx.inspectionModerator.deleteMany({ where: { userId } });
  for (const { inspectionId } of assignments) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderator.reconciled_with_account_role",
      entityType: "inspection_moderator",
      entityId: userId,
      inspectionId,
      before: { userId },
      after: { accountRole: role },
    });
  }
  return `They no longer moderate ${inspections(assignments.length)} (what they recorded is kept).`;
}
