// Who may do what: the one table. Pure, so it is readable and testable on its own; lib/permissions
// /access.ts applies it to the signed-in user and their membership of an inspection.

export const GLOBAL_ROLES = ["admin", "manager", "lead_inspector", "inspector", "quality_assurer"] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export const GLOBAL_ROLE_LABELS: Readonly<Record<GlobalRole, string>> = Object.freeze({
  admin: "Administrator",
  manager: "Manager",
  lead_inspector: "Lead inspector",
  inspector: "Inspector",
  quality_assurer: "Quality assurer",
});

export const INSPECTION_ROLES = ["lead_inspector", "inspector"] as const;
export type InspectionRole = (typeof INSPECTION_ROLES)[number];

/**
 * The team role an account's role lets it hold, given its membership: only inspectors and lead
 * inspectors are on teams, and only lead inspectors lead. Applied at every check (not only when
 * someone joins a team) so a membership left behind by a role change grants nothing: an inspector
 * made an administrator reads no case, a lead made a manager decides nothing on the panel.
 * lib/users reconciles the memberships themselves when the role changes.
 */
export function teamRoleHeld(role: GlobalRole, membership: InspectionRole | null): InspectionRole | null {
  if (membership === null) return null;
  if (role === "lead_inspector") return membership;
  if (role === "inspector") return "inspector";
  return null;
}

/**
 * Whether an account assigned as an inspection's moderator holds that right: only quality assurers
 * moderate, checked at every use like teamRoleHeld, so an assignment left behind by a role change
 * grants nothing (lib/users/teams.ts removes the assignment itself when the role changes).
 */
export function moderatorHeld(role: GlobalRole, assigned: boolean): boolean {
  return assigned && role === "quality_assurer";
}

/**
 * How a user stands to one inspection, from their account role, their membership row (if any) and
 * whether they are assigned as its moderator.
 */
export function callerOf(userId: string, role: GlobalRole, membership: InspectionRole | null, moderatorAssigned = false): Caller {
  return { userId, role, inspectionRole: teamRoleHeld(role, membership), moderator: moderatorHeld(role, moderatorAssigned) };
}

/**
 * How the caller stands to one inspection: their global role, and their role on its team if any
 * (build it with callerOf, which keeps only a team role the account role may hold).
 */
export interface Caller {
  userId: string;
  role: GlobalRole;
  inspectionRole: InspectionRole | null;
  /** The inspection's moderator (a quality assurer assigned to it): never a team member. */
  moderator?: boolean;
}

/**
 * The parties a permission is granted to: `admin` and `manager` by global role (any inspection),
 * `lead` the inspection's lead inspector, `member` anyone on its team (lead included), `moderator`
 * the quality assurer assigned to moderate it.
 */
type Party = "admin" | "manager" | "lead" | "member" | "moderator";

export const PERMISSIONS = Object.freeze({
  "users.manage": ["admin"],
  /** What the retention period makes due for erasure, and what was erased (no case content). */
  "retention.manage": ["admin"],
  /** API tokens for scripts calling POST /api/rate: create, list, revoke. */
  "apiTokens.manage": ["admin"],
  "inspection.create": ["admin", "manager"],
  /** The inspection's name, dates, team and counts: no case content. */
  "inspection.view": ["admin", "manager", "member", "moderator"],
  "inspection.editSetup": ["manager", "lead"],
  /** Case content: attributes, answers, rationale, history. Admins are deliberately excluded. */
  "cases.read": ["manager", "member"],
  "case.answer": ["lead", "member"],
  "case.qualityAssure": ["lead"],
  "panel.view": ["manager", "member"],
  "panel.decide": ["lead"],
  "evidence.record": ["member"],
  /** The draft report's own records: recommendations and each standard's narrative. */
  "report.write": ["lead"],
  "ratings.export": ["manager", "lead"],
  /**
   * The programme view (lib/programme): an inspection's status, ratings, score and key question
   * percentages beside the others'. Aggregates, not case content, but shown to whoever sees the
   * inspection itself (inspection.view): managers and admins every inspection, the team theirs.
   */
  "programme.view": ["admin", "manager", "member"],
  /** Past published inspections' figures imported as the programme's reference data. */
  "programme.import": ["admin", "manager"],
  /**
   * Moderation (lib/moderation). The moderator is deliberately not a case reader (cases.read): they
   * see a case's attributes and their own second answers, and an inspector's answers only on cases
   * whose second assessment they have completed (lib/moderation enforces it, server-side).
   */
  /** Assigning and removing an inspection's moderator. */
  "moderation.manage": ["manager", "lead"],
  /** The dip sample, the reconciliations and the agreement figures. */
  "moderation.view": ["manager", "lead", "moderator"],
  /** Drawing the dip sample, second answers and outcomes: the moderator's own records. */
  "moderation.assess": ["moderator"],
  /** The inspector's response to an outcome (with canAnswerCase: their own cases, or the lead). */
  "moderation.respond": ["lead", "member"],
} as const satisfies Record<string, readonly Party[]>);

export type Action = keyof typeof PERMISSIONS;

function holds(caller: Caller, party: Party): boolean {
  switch (party) {
    case "admin":
      return caller.role === "admin";
    case "manager":
      return caller.role === "manager";
    case "lead":
      return teamRoleHeld(caller.role, caller.inspectionRole) === "lead_inspector";
    case "member":
      return teamRoleHeld(caller.role, caller.inspectionRole) !== null;
    case "moderator":
      return caller.moderator === true && caller.role === "quality_assurer";
  }
}

export function can(caller: Caller, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Party[]).some((party) => holds(caller, party));
}

/** Answers of a case: its allocated inspector and the inspection's lead, nobody else. */
export function canAnswerCase(caller: Caller, allocatedToId: string | null): boolean {
  if (!can(caller, "case.answer")) return false;
  return teamRoleHeld(caller.role, caller.inspectionRole) === "lead_inspector" || (allocatedToId !== null && allocatedToId === caller.userId);
}
