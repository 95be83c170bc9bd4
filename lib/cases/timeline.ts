// Plain-English lines for a case's audit events (MoJ timeline: who, what, when, from → to). Pure.

import { promptIndexOf } from "@/lib/flat-fields";
import { isCaseAuditAction, type StoredCaseEvent } from "@/lib/audit/events";
import { findKeyQuestion, findStandard, type Framework } from "@/lib/framework";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { isCaseStatus } from "@/lib/statuses";
import { caseFieldLabel } from "./case-fields";
import { valueInWords } from "./value-in-words";

/** A case's audit event as stored: its action is checked here against lib/audit/events.ts. */
export interface AuditRow {
  id: string;
  at: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface TimelineChange {
  field: string;
  from: string;
  to: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorName: string;
  title: string;
  changes: TimelineChange[];
  note: string | null;
}

const ANSWER_FIELD_LABELS: Record<string, string> = {
  value: "Answer",
  naReason: "Why not applicable",
  rationale: "Rationale",
};

function show(field: string, value: unknown): string {
  if (field === "status" && typeof value === "string" && isCaseStatus(value)) return CASE_STATUS_LABELS[value];
  return valueInWords(field, value);
}

function fieldLabel(fw: Framework, field: string, questionId: unknown): string {
  const promptIndex = promptIndexOf(field);
  if (promptIndex !== null) {
    const kq = typeof questionId === "string" ? findKeyQuestion(fw, questionId) : undefined;
    const prompt = kq?.prompts[promptIndex];
    return prompt ? `Prompt “${prompt}”` : `Prompt ${promptIndex + 1}`;
  }
  return ANSWER_FIELD_LABELS[field] ?? caseFieldLabel(field);
}

const SKIP = new Set(["questionId", "version", "why", "reason", "comment", "reply", "openComments"]);

type Fields = Readonly<Record<string, unknown>>;

function changesOf(fw: Framework, before: object | null, after: object | null): TimelineChange[] {
  if (!after) return [];
  const from = (before ?? {}) as Fields;
  const to = after as Fields;
  return Object.keys(to)
    .filter((key) => !SKIP.has(key))
    .map((key) => ({ field: fieldLabel(fw, key, to.questionId), from: show(key, from[key]), to: show(key, to[key]) }));
}

export function describeEvent(fw: Framework, row: AuditRow): TimelineEntry {
  const base = { id: row.id, at: row.at, actorName: row.actorName };
  // A row of an action this release does not know (none is written today) is shown as it is.
  if (!isCaseAuditAction(row.action)) {
    return { ...base, title: row.action, changes: changesOf(fw, row.before as object | null, row.after as object | null), note: null };
  }
  // The action decides the shapes of before / after (lib/audit/events.ts); the database holds what was written.
  const event = { action: row.action, before: row.before ?? null, after: row.after ?? null } as StoredCaseEvent;
  const generic = () => ({ ...base, title: event.action, changes: changesOf(fw, event.before, event.after), note: null });
  const section = (standardId: string | undefined) => {
    const standard = standardId ? findStandard(fw, standardId) : undefined;
    return `${standardId ?? null}${standard ? ` ${standard.title}` : ""}`;
  };
  switch (event.action) {
    case "answer.changed":
      return { ...base, title: `Changed key question ${event.after?.questionId ?? null}`, changes: changesOf(fw, event.before, event.after), note: null };
    case "case.attributes_changed":
      return { ...base, title: "Corrected the case's details", changes: changesOf(fw, event.before, event.after), note: null };
    case "case.interview_changed":
      return { ...base, title: "Recorded the case manager interview", changes: changesOf(fw, event.before, event.after), note: null };
    case "case.notes_changed":
      return { ...base, title: "Changed the overall notes", changes: changesOf(fw, event.before, event.after), note: null };
    case "case.status_changed":
      return {
        ...base,
        title: `Status changed from ${show("status", event.before?.status)} to ${show("status", event.after?.status)}`,
        changes: [],
        note: event.after?.reason ? `Reason: ${event.after.reason}` : (event.after?.why ?? null),
      };
    case "case.section_completed":
      return { ...base, title: `Marked section ${section(event.after?.standardId)} complete`, changes: [], note: null };
    case "case.section_reopened":
      return { ...base, title: `Section ${section(event.after?.standardId)} is no longer complete`, changes: [], note: event.after?.why ?? null };
    case "query.raised":
      return { ...base, title: `Commented on key question ${event.after?.questionId ?? null}`, changes: [], note: event.after?.comment ?? null };
    case "query.answered":
      return { ...base, title: `Replied to the comment on key question ${event.after?.questionId ?? null}`, changes: [], note: event.after?.reply ?? null };
    case "query.followed_up":
      return { ...base, title: `Followed up the comment on key question ${event.after?.questionId ?? null}`, changes: [], note: event.after?.reply ?? null };
    case "query.closed":
      return { ...base, title: `Closed the comment on key question ${event.after?.questionId ?? null}`, changes: [], note: event.after?.reply ?? event.after?.why ?? null };
    case "answer.changed_after_moderation":
      return {
        ...base,
        title: `Changed key question ${event.after?.questionId ?? null} after moderation`,
        changes: changesOf(fw, event.before, event.after),
        note: null,
      };
    case "moderation.outcome_recorded":
      return {
        ...base,
        title: `Moderation outcome on key question ${event.after?.questionId ?? null}: ${event.after?.outcome === "inspector_to_review" ? "inspector to review" : "inspector's answer stands"}`,
        changes: [],
        note: null,
      };
    case "moderation.outcome_responded":
      return {
        ...base,
        title: `Responded to moderation on key question ${event.after?.questionId ?? null}: ${event.after?.response === "changed" ? "answer changed" : "answer kept"}`,
        changes: [],
        note: event.after?.reply || null,
      };
    // Sampling, allocation, evidence and dip-sample events: their fields as recorded.
    case "moderation.case_added":
    case "moderation.case_removed":
    case "case.added_to_sample":
    case "case.restored_to_sample":
    case "case.removed_from_sample":
    case "case.allocated":
    case "evidence.recorded":
    case "evidence.deleted":
      return generic();
    default:
      return unknownAction(event);
  }
}

function unknownAction(event: never): never {
  throw new Error(`No timeline line for ${(event as { action: string }).action}`);
}
