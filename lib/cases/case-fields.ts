// The case fields an inspector records or corrects on the case page (all audited): each one's name
// (its key in the change map and the page model), its column in `cases`, the SQL type its value is
// written as, and its label. Every list of these fields derives from here; their zod schemas are in
// lib/answers/change.ts, checked against these names and value types by the compiler. Pure and
// without zod: the case page's browser code reads it.

import type { Classification, Gender } from "@/lib/framework/case-attributes";

/** The SQL type a field's value is written as, with the value the browser holds for it. */
interface SqlTypeValues {
  text: string;
  /** As YYYY-MM-DD. */
  date: string;
  integer: number;
  boolean: boolean;
  gender: Gender;
  classification: Classification;
}

interface CaseFieldDefinition {
  column: string;
  sqlType: keyof SqlTypeValues;
  /** Whether the field may be blank (null). */
  nullable: boolean;
  label: string;
}

export const CASE_FIELDS = {
  disposalType: { column: "disposal_type", sqlType: "text", nullable: false, label: "Disposal type" },
  disposalDate: { column: "disposal_date", sqlType: "date", nullable: true, label: "Disposal date" },
  gender: { column: "gender", sqlType: "gender", nullable: true, label: "Gender" },
  age: { column: "age", sqlType: "integer", nullable: true, label: "Age" },
  rosh: { column: "rosh", sqlType: "classification", nullable: true, label: "Risk of serious harm" },
  safetyWellbeing: { column: "safety_wellbeing", sqlType: "classification", nullable: true, label: "Safety and wellbeing" },
  harmFactors: { column: "harm_factors", sqlType: "boolean", nullable: true, label: "Harm factors" },
  safetyWellbeingFactors: { column: "safety_wellbeing_factors", sqlType: "boolean", nullable: true, label: "Safety and wellbeing factors" },
  caseManagerInterviewed: { column: "case_manager_interviewed", sqlType: "boolean", nullable: true, label: "Case manager interviewed" },
  caseManagerInterviewDate: { column: "case_manager_interview_date", sqlType: "date", nullable: true, label: "Case manager interview date" },
  overallNotes: { column: "overall_notes", sqlType: "text", nullable: false, label: "Overall notes" },
} as const satisfies Record<string, CaseFieldDefinition>;

export type CaseFieldName = keyof typeof CASE_FIELDS;
export const CASE_FIELD_NAMES = Object.keys(CASE_FIELDS) as CaseFieldName[];

/** A case field's value as the browser holds it and the change map carries it. */
export type CaseFieldValue<K extends CaseFieldName> =
  | SqlTypeValues[(typeof CASE_FIELDS)[K]["sqlType"]]
  | ((typeof CASE_FIELDS)[K]["nullable"] extends true ? null : never);
export type CaseFieldValues = { [K in CaseFieldName]: CaseFieldValue<K> };

export function isCaseFieldName(name: string): name is CaseFieldName {
  return Object.hasOwn(CASE_FIELDS, name);
}

/** The field's label, or the name itself for a field this release does not know. */
export function caseFieldLabel(name: string): string {
  return isCaseFieldName(name) ? CASE_FIELDS[name].label : name;
}
