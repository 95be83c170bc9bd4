// A field's value in words, for anywhere a case page shows what an answer or a case field holds or was
// set to: the conflict panel, the refused changes on My cases, the case history. One wording: the
// labels the case page's own controls use ("Not applicable", "Met"), and "(blank)" for nothing.
// Pure and without zod: the case page's browser code reads it.

import { promptIndexOf } from "@/lib/flat-fields";
import { CLASSIFICATION_LABELS, DISPOSAL_TYPE_LABELS, GENDER_LABELS } from "@/lib/framework/case-attributes";
import { CASE_FIELDS, isCaseFieldName } from "./case-fields";

const ANSWER_VALUE_WORDS: Readonly<Record<string, string>> = { yes: "Yes", no: "No", na: "Not applicable" };
const PROMPT_MARK_WORDS: Readonly<Record<string, string>> = { met: "Met", not_met: "Not met" };

/** How `value` reads for the answer or case field named `field` ("value", "prompt.0", "gender", …). */
export function valueInWords(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  const text = String(value);
  if (field === "value") return ANSWER_VALUE_WORDS[text] ?? text;
  if (promptIndexOf(field) !== null) return PROMPT_MARK_WORDS[text] ?? text;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "disposalType") return (DISPOSAL_TYPE_LABELS as Record<string, string>)[text] ?? text;
  const sqlType = isCaseFieldName(field) ? CASE_FIELDS[field].sqlType : null;
  if (sqlType === "classification") return (CLASSIFICATION_LABELS as Record<string, string>)[text] ?? text;
  if (sqlType === "gender") return (GENDER_LABELS as Record<string, string>)[text] ?? text;
  return text;
}
