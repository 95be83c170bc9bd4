// The answer-saving protocol's values as the browser holds them (README, "The autosave is plain
// SQL"): every settable field is one key of a flat map, prompt marks as "prompt.<index>". Kept apart
// from the zod schemas of lib/answers/change.ts because the case page's outbox ships this module to
// the browser, and zod would come with them. Pure: no zod, no Prisma, no React.

export const ANSWER_VALUES = ["yes", "no", "na"] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export const PROMPT_MARKS = ["met", "not_met"] as const;
export type PromptMark = (typeof PROMPT_MARKS)[number];

/** The fields of one answer a change may set; prompt marks are set one prompt at a time (checked by answerFieldsSchema). */
export interface AnswerFields {
  value?: AnswerValue | null;
  naReason?: string | null;
  rationale?: string;
  promptMarks?: Record<string, PromptMark | null>;
}

export type Scalar = string | number | boolean | null;
export type FlatFields = Readonly<Record<string, Scalar>>;

export function flattenAnswerFields(fields: AnswerFields): Record<string, Scalar> {
  const flat: Record<string, Scalar> = {};
  if (fields.value !== undefined) flat.value = fields.value;
  if (fields.naReason !== undefined) flat.naReason = fields.naReason;
  if (fields.rationale !== undefined) flat.rationale = fields.rationale;
  for (const [index, mark] of Object.entries(fields.promptMarks ?? {})) flat[`prompt.${index}`] = mark;
  return flat;
}

export function unflattenAnswerFields(flat: FlatFields): AnswerFields {
  const fields: AnswerFields = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key === "value") fields.value = value as AnswerValue | null;
    else if (key === "naReason") fields.naReason = value as string | null;
    else if (key === "rationale") fields.rationale = value as string;
    else if (key.startsWith("prompt.")) (fields.promptMarks ??= {})[key.slice("prompt.".length)] = value as PromptMark | null;
  }
  return fields;
}

/** A stored answer as a flat map (absent prompt marks read as null). */
export function storedAnswerFlat(stored: {
  value: AnswerValue | null;
  naReason: string | null;
  rationale: string;
  promptMarks: unknown;
}): Record<string, Scalar> {
  const flat: Record<string, Scalar> = { value: stored.value, naReason: stored.naReason, rationale: stored.rationale };
  const marks = stored.promptMarks && typeof stored.promptMarks === "object" ? (stored.promptMarks as Record<string, unknown>) : {};
  for (const [index, mark] of Object.entries(marks)) if (mark === "met" || mark === "not_met") flat[`prompt.${index}`] = mark;
  return flat;
}
