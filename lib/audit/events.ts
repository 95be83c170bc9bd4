// Every kind of audit event, with the entity it names and the shape of its before / after: a typo in
// an action, a wrong entity or a missing field fails to compile, and a switch over the actions (the
// case timeline, lib/cases/timeline.ts) can be made exhaustive. Pure types plus one runtime table.
// The stored format (audit_events: action, entity_type, before, after as JSON) is unchanged.

import type { CaseStatus, InspectionStatus, QueryStatus } from "@/lib/statuses";

/** A value as stored in an event's JSON: what a case or answer field holds. */
export type AuditScalar = string | number | boolean | null;

type Role = "admin" | "manager" | "lead_inspector" | "inspector" | "quality_assurer";
type MemberRole = "lead_inspector" | "inspector";
type CaseStatusOf = { status: CaseStatus };
type InspectionStatusOf = { status: InspectionStatus };
type QueryStatusOf = { status: QueryStatus };

/** An answer's fields by name ("value", "rationale", "prompt.0", …), as the change set them. */
type AnswerFields = { questionId: string; version: number } & { [field: string]: AuditScalar };
/** A case's fields by name ("gender", "overallNotes", …), as the change set them. */
type CaseFields = { [field: string]: AuditScalar };

/** A draft report recommendation as its events record it (lib/report/recommendations.ts). */
interface RecommendationJson {
  party: string;
  partyName: string | null;
  text: string;
}

interface InspectionWindowsJson {
  windowStart: string | null;
  windowEnd: string | null;
  oocWindowStart: string | null;
  oocWindowEnd: string | null;
}
interface InspectionDetailsJson extends InspectionWindowsJson {
  yjsName: string;
  frameworkVersion: string;
  fieldworkStart: string;
}

/**
 * Each action's entity type and JSON shapes. `case: true` marks events written with a case id: the
 * ones a case's history (lib/cases/timeline.ts) shows. An absent before / after is stored as NULL.
 */
interface AuditEventShapes {
  // The email typed, only when it is an email address (it may be a password typed in the wrong box).
  "auth.sign_in_rate_limited": { entityType: "user"; after: { email: string | null } };
  "auth.sign_in_failed": { entityType: "user"; after: { email: string | null } };
  "auth.sign_in_locked": { entityType: "user"; after: { email: string | null } };
  "auth.sign_in_disabled": { entityType: "user"; after: { email: string | null } };
  "auth.account_locked": { entityType: "user"; after: { email: string | null } };
  "auth.signed_in": { entityType: "user" };
  "auth.signed_out": { entityType: "user" };

  "user.created": { entityType: "user"; after: { role: Role; active: boolean } };
  "user.rights_changed": { entityType: "user"; before: { role: Role; active: boolean }; after: { role: Role; active: boolean } };
  "user.password_reset": { entityType: "user" };
  "user.password_changed": { entityType: "user" };
  /** The user marked their notifications (lib/notifications) as seen up to this audit event id. */
  "notifications.seen": { entityType: "user"; before: { seenUpTo: string }; after: { seenUpTo: string } };

  "api_token.created": { entityType: "api_token"; after: { name: string; prefix: string } };
  "api_token.revoked": { entityType: "api_token"; before: { name: string; prefix: string } };

  "inspection.created": {
    entityType: "inspection";
    after: InspectionDetailsJson & { windowProposed: boolean; oocWindowProposed?: boolean };
  };
  "inspection.details_changed": { entityType: "inspection"; before: InspectionDetailsJson; after: InspectionDetailsJson };
  "inspection.status_changed": { entityType: "inspection"; before: InspectionStatusOf; after: InspectionStatusOf };
  /** Retention (lib/retention): the case text erased, as counts of rows and audit payloads. */
  "inspection.case_content_erased": {
    entityType: "inspection";
    after: { retentionMonths: number; signedOffAt: string; answers: number; cases: number; comments: number; evidence: number; moderation: number; auditEvents: number; changeRecords: number };
  };

  "membership.added": { entityType: "membership"; after: { role: MemberRole } };
  "membership.role_changed": { entityType: "membership"; before: { role: MemberRole }; after: { role: MemberRole; reason?: string } };
  "membership.removed": { entityType: "membership"; before: { role: MemberRole } };
  /** The account's new role may not hold the membership (lib/users/teams.ts): removed (role null) or made an inspector. */
  "membership.reconciled_with_account_role": { entityType: "membership"; before: { role: MemberRole }; after: { role: MemberRole | null; accountRole: Role } };

  /** A quality assurer assigned to (or removed from) moderating an inspection; entityId is their user id. */
  "moderator.added": { entityType: "inspection_moderator"; after: { userId: string } };
  "moderator.removed": { entityType: "inspection_moderator"; before: { userId: string } };
  "moderator.reconciled_with_account_role": { entityType: "inspection_moderator"; before: { userId: string }; after: { accountRole: Role } };

  /** The moderation dip sample (lib/moderation): seed and request recorded, as sample.drawn does. */
  "moderation.sample_drawn": {
    entityType: "moderation_draw";
    after: { seed: string; seedEntered: boolean; request: { kind: "count" | "percent"; value: number }; size: number; populationSize: number; references: string[] };
  };
  "moderation.case_added": { entityType: "moderation_case"; case: true; after: { reference: string; additionReason: string } };
  "moderation.case_removed": { entityType: "moderation_case"; case: true; before: { reference: string; drawn: boolean } };
  /** The moderator's blind answers saved (values only: their rationales stay in second_answers). */
  "moderation.second_answers_saved": { entityType: "moderation_case"; after: { answers: { questionId: string; value: string }[] } };
  "moderation.second_assessment_completed": { entityType: "moderation_case"; after: { questions: number } };
  /** Outcome on a disagreement; its note is kept in moderation_outcomes, which the inspector reads. */
  "moderation.outcome_recorded": {
    entityType: "moderation_outcome";
    case: true;
    before: { outcome: string } | null;
    after: { questionId: string; outcome: "answer_stands" | "inspector_to_review"; inspectorValue: string | null; secondValue: string };
  };
  "moderation.outcome_responded": { entityType: "moderation_outcome"; case: true; after: { questionId: string; response: "changed" | "kept"; reply: string } };
  /** An inspector's answer changed in response to a moderation outcome (never by anyone else). */
  "answer.changed_after_moderation": { entityType: "answer"; case: true; before: AnswerFields; after: AnswerFields };

  "population.imported": { entityType: "population_import"; before: null; after: PopulationFile };
  "population.replaced": { entityType: "population_import"; before: PopulationFile & { importId: string }; after: PopulationFile };

  "sample.drawn": {
    entityType: "sample_draw";
    before: { replacedCaseCount: number } | null;
    after: {
      stream: string;
      seed: string;
      streamSeed: string;
      size: number;
      populationSize: number;
      seedEntered: boolean;
      withinOneOfShare: boolean;
      references: string[];
    };
  };
  "case.added_to_sample": { entityType: "case"; case: true; after: { reference: string; stream: string; additionReason: string } };
  "case.restored_to_sample": {
    entityType: "case";
    case: true;
    before: { removedAt: string | null; removalReason: string | null; additionReason: string | null };
    after: { removedAt: null; additionReason: string };
  };
  "case.removed_from_sample": {
    entityType: "case";
    case: true;
    before: { allocatedToId: string | null; status: CaseStatus };
    after: { removedAt: string; removalReason: string; allocatedToId: null };
  };
  "case.allocated": {
    entityType: "case";
    case: true;
    before: { allocatedToId: string | null };
    after: { allocatedToId: string | null; how: "balanced" | "manual" };
  };

  "case.status_changed": { entityType: "case"; case: true; before: CaseStatusOf; after: CaseStatusOf & { reason?: string; why?: string; openComments?: number } };
  "case.attributes_changed": { entityType: "case"; case: true; before: CaseFields; after: CaseFields };
  "case.interview_changed": { entityType: "case"; case: true; before: CaseFields; after: CaseFields };
  "case.notes_changed": { entityType: "case"; case: true; before: CaseFields; after: CaseFields };
  "case.section_completed": { entityType: "case_section"; case: true; after: { standardId: string; completed: true } };
  "case.section_reopened": {
    entityType: "case_section";
    case: true;
    before: { completed: true };
    after: { standardId: string; completed: false; why: string };
  };
  "answer.changed": { entityType: "answer"; case: true; before: AnswerFields; after: AnswerFields };

  "query.raised": { entityType: "query"; case: true; after: { questionId: string; status: Extract<QueryStatus, "open">; comment: string } };
  "query.answered": { entityType: "query"; case: true; before: QueryStatusOf; after: QueryReply };
  "query.followed_up": { entityType: "query"; case: true; before: QueryStatusOf; after: QueryReply };
  "query.closed": {
    entityType: "query";
    case: true;
    before: QueryStatusOf;
    after: { questionId: string; status: Extract<QueryStatus, "closed">; reply?: string; why?: string };
  };

  "evidence.recorded": {
    entityType: "evidence_item";
    case: true;
    after: { standardId: string; topic: string; kind: string; source: string; occurredOn: string | null };
  };
  "evidence.deleted": { entityType: "evidence_item"; case: true; before: { standardId: string; topic: string; kind: string } };

  "panel.discretion_recorded": { entityType: "panel_decision"; before: PanelRating | null; after: PanelDecision };
  "panel.judgement_recorded": { entityType: "panel_decision"; before: PanelRating | null; after: PanelDecision };
  "panel.decision_cleared": { entityType: "panel_decision"; before: PanelDecision };
  "panel.signed_off": {
    entityType: "sign_off";
    before: InspectionStatusOf;
    /** confirmedCompletedNotApproved: the references of the cases the lead confirmed signing off unapproved. */
    after: { status: "signed_off"; score: number; overallRating: string | null; confirmedCompletedNotApproved?: string[] };
  };
  "panel.reopened": { entityType: "sign_off"; before: { status: "signed_off" }; after: { status: "panel"; reason: string } };

  /** A past report's figures imported as the programme's reference data (lib/programme/import-published.ts). */
  "programme.published_imported": {
    entityType: "published_inspection";
    after: { yjsName: string; frameworkVersion: string; fieldworkStart: string; sha256: string; score: number; overallRating: string | null };
  };

  "recommendation.added": { entityType: "recommendation"; after: RecommendationJson & { position: number } };
  "recommendation.edited": { entityType: "recommendation"; before: RecommendationJson; after: RecommendationJson };
  "recommendation.moved": { entityType: "recommendation"; before: { position: number }; after: { position: number } };
  "recommendation.deleted": { entityType: "recommendation"; before: RecommendationJson & { position: number } };
  /** entityId is "<inspection id>:<standard id>": a narrative's key. */
  "narrative.saved": {
    entityType: "standard_narrative";
    before: { strengths: string; areasForImprovement: string } | null;
    after: { standardId: string; strengths: string; areasForImprovement: string };
  };
}

interface PopulationFile {
  fileName: string;
  sha256: string;
  rowCount: number | null;
}
interface QueryReply {
  questionId: string;
  status: QueryStatusOf["status"];
  reply: string;
}
interface PanelRating {
  rating: string;
  note: string | null;
}
interface PanelDecision extends PanelRating {
  standardId: string;
  kind: string;
}

export type AuditAction = keyof AuditEventShapes;

type Shape<A extends AuditAction> = AuditEventShapes[A];
type Before<A extends AuditAction> = Shape<A> extends { before: infer B } ? B : never;
type After<A extends AuditAction> = Shape<A> extends { after: infer B } ? B : never;
type CaseScoped<A extends AuditAction> = Shape<A> extends { case: true } ? true : false;

/** One event as a use case records it: `before` / `after` only where its action has them. */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    entityType: Shape<A>["entityType"];
    entityId: string;
    actorId: string | null;
    inspectionId?: string | null;
  } & (CaseScoped<A> extends true ? { caseId?: string | null } : { caseId?: never })
    & ([Before<A>] extends [never] ? { before?: never } : { before: Before<A> })
    & ([After<A>] extends [never] ? { after?: never } : { after: After<A> });
}[AuditAction];

/** The actions of events that carry a case id: what a case's history can hold. */
export type CaseAuditAction = { [A in AuditAction]: CaseScoped<A> extends true ? A : never }[AuditAction];

/** An event as read back for a case's history: its action with the before / after it was stored with. */
export type StoredCaseEvent = {
  [A in CaseAuditAction]: {
    action: A;
    before: ([Before<A>] extends [never] ? null : Before<A>) | null;
    after: ([After<A>] extends [never] ? null : After<A>) | null;
  };
}[CaseAuditAction];

// The runtime list of case actions; the Record makes the compiler insist on every one.
const CASE_ACTIONS: Record<CaseAuditAction, true> = {
  "case.added_to_sample": true,
  "case.restored_to_sample": true,
  "case.removed_from_sample": true,
  "case.allocated": true,
  "case.status_changed": true,
  "case.attributes_changed": true,
  "case.interview_changed": true,
  "case.notes_changed": true,
  "case.section_completed": true,
  "case.section_reopened": true,
  "answer.changed": true,
  "query.raised": true,
  "query.answered": true,
  "query.followed_up": true,
  "query.closed": true,
  "evidence.recorded": true,
  "evidence.deleted": true,
  "moderation.case_added": true,
  "moderation.case_removed": true,
  "moderation.outcome_recorded": true,
  "moderation.outcome_responded": true,
  "answer.changed_after_moderation": true,
};

export function isCaseAuditAction(action: string): action is CaseAuditAction {
  return Object.hasOwn(CASE_ACTIONS, action);
}
