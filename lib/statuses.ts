// The statuses of a case, an inspection and a comment thread, each defined once: every type, zod
// enum and label table derives from these, which the compiler checks against (or takes from) the
// database's enums (schema.prisma, through the generated client's types). Rows that come back from
// plain SQL as text go through caseStatusOf / inspectionStatusOf. Pure: the browser reads it.

import type {
  CaseStatus as StoredCaseStatus,
  InspectionStatus as StoredInspectionStatus,
  QueryStatus as StoredQueryStatus,
} from "@/lib/generated/prisma/enums";

/** True when two unions hold the same members, so a list missing a database value fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const CASE_STATUSES = ["not_started", "in_progress", "completed", "returned", "approved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
true satisfies Same<CaseStatus, StoredCaseStatus>;

export const INSPECTION_STATUSES = ["setup", "fieldwork", "panel", "signed_off"] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
true satisfies Same<InspectionStatus, StoredInspectionStatus>;

/** A comment thread's status (the queries table): the database's enum itself, as nothing needs a runtime list yet. */
export type QueryStatus = StoredQueryStatus;

/** A row of the programme view: a live inspection's stage, or "published" for a past report imported as reference data. */
export const PROGRAMME_STATUSES = [...INSPECTION_STATUSES, "published"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export function isCaseStatus(text: string): text is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(text);
}

function isInspectionStatus(text: string): text is InspectionStatus {
  return (INSPECTION_STATUSES as readonly string[]).includes(text);
}

/** A case status read as text (plain SQL's `status::text`); anything else is a bug, so it throws. */
export function caseStatusOf(text: string): CaseStatus {
  if (isCaseStatus(text)) return text;
  throw new Error(`Unknown case status ${JSON.stringify(text)}`);
}

/** An inspection status read as text (plain SQL's `status::text`); anything else is a bug, so it throws. */
export function inspectionStatusOf(text: string): InspectionStatus {
  if (isInspectionStatus(text)) return text;
  throw new Error(`Unknown inspection status ${JSON.stringify(text)}`);
}
