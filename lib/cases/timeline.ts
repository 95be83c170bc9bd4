// Plain-English lines for a case's audit events (MoJ timeline: who, what, when, from → to). Pure.

import { findKeyQuestion, findStandard, type Framework } from "@/lib/framework";
import { CLASSIFICATION_LABELS, DISPOSAL_TYPE_LABELS, GENDER_LABELS } from "@/lib/framework/case-attributes";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";

export interface AuditRow {
  id: string;
  at: string;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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

const ANSWER_LABELS: Record<string, string> = { yes: "Yes", no: "No", na: "Not applicable" };
const FIELD_LABELS: Record<string, string> = {
  value: "Answer",
  naReason: "Why not applicable",
  rationale: "Rationale",
  disposalType: "Disposal type",
  disposalDate: "Disposal date",
  gender: "Gender",
  age: "Age",
  rosh: "Risk of serious harm",
  safetyWellbeing: "Safety and wellbeing",
  harmFactors: "Harm factors",
  safetyWellbeingFactors: "Safety and wellbeing factors",
  caseManagerInterviewed: "Case manager interviewed",
  caseManagerInterviewDate: "Case manager interview date",
  overallNotes: "Overall notes",
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  if (field === "value") return ANSWER_LABELS[String(value)] ?? String(value);
  if (field.startsWith("prompt.")) return value === "met" ? "Met" : value === "not_met" ? "Not met" : String(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "disposalType") return (DISPOSAL_TYPE_LABELS as Record<string, string>)[String(value)] ?? String(value);
  if (field === "rosh" || field === "safetyWellbeing") return (CLASSIFICATION_LABELS as Record<string, string>)[String(value)] ?? String(value);
  if (field === "gender") return (GENDER_LABELS as Record<string, string>)[String(value)] ?? String(value);
  if (field === "status") return CASE_STATUS_LABELS[String(value)] ?? String(value);
  return String(value);
}

function fieldLabel(fw: Framework, field: string, questionId: unknown): string {
  if (field.startsWith("prompt.")) {
    const kq = typeof questionId === "string" ? findKeyQuestion(fw, questionId) : undefined;
    const prompt = kq?.prompts[Number(field.slice(7))];
    return prompt ? `Prompt “${prompt}”` : `Prompt ${Number(field.slice(7)) + 1}`;
  }
  return FIELD_LABELS[field] ?? field;
}

const SKIP = new Set(["questionId", "version", "why", "reason", "comment", "reply", "openComments"]);

function changesOf(fw: Framework, before: Record<string, unknown> | null, after: Record<string, unknown> | null): TimelineChange[] {
  if (!after) return [];
  return Object.keys(after)
    .filter((key) => !SKIP.has(key))
    .map((key) => ({ field: fieldLabel(fw, key, after.questionId), from: show(key, before?.[key]), to: show(key, after[key]) }));
}

export function describeEvent(fw: Framework, row: AuditRow): TimelineEntry {
  const { after, before } = row;
  const base = { id: row.id, at: row.at, actorName: row.actorName };
  const questionId = typeof after?.questionId === "string" ? after.questionId : null;
  const standardId = typeof after?.standardId === "string" ? after.standardId : null;
  const standard = standardId ? findStandard(fw, standardId) : undefined;
  const text = (key: string): string | null => (typeof after?.[key] === "string" ? (after[key] as string) : null);
  switch (row.action) {
    case "answer.changed":
      return { ...base, title: `Changed key question ${questionId}`, changes: changesOf(fw, before, after), note: null };
    case "case.attributes_changed":
      return { ...base, title: "Corrected the case's details", changes: changesOf(fw, before, after), note: null };
    case "case.interview_changed":
      return { ...base, title: "Recorded the case manager interview", changes: changesOf(fw, before, after), note: null };
    case "case.notes_changed":
      return { ...base, title: "Changed the overall notes", changes: changesOf(fw, before, after), note: null };
    case "case.status_changed":
      return {
        ...base,
        title: `Status changed from ${show("status", before?.status)} to ${show("status", after?.status)}`,
        changes: [],
        note: text("reason") ? `Reason: ${text("reason")}` : text("why"),
      };
    case "case.section_completed":
      return { ...base, title: `Marked section ${standardId}${standard ? ` ${standard.title}` : ""} complete`, changes: [], note: null };
    case "case.section_reopened":
      return { ...base, title: `Section ${standardId}${standard ? ` ${standard.title}` : ""} is no longer complete`, changes: [], note: text("why") };
    case "query.raised":
      return { ...base, title: `Commented on key question ${questionId}`, changes: [], note: text("comment") };
    case "query.answered":
      return { ...base, title: `Replied to the comment on key question ${questionId}`, changes: [], note: text("reply") };
    case "query.followed_up":
      return { ...base, title: `Followed up the comment on key question ${questionId}`, changes: [], note: text("reply") };
    case "query.closed":
      return { ...base, title: `Closed the comment on key question ${questionId}`, changes: [], note: text("reply") ?? text("why") };
    default:
      return { ...base, title: row.action, changes: changesOf(fw, before, after), note: null };
  }
}
