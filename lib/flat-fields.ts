// The answer-saving protocol's values as the browser holds, stores and sends them (README, "The
// autosave is plain SQL"): every settable field is one key of a flat map, prompt marks as
// "prompt.<index>", case fields by their names (lib/cases/case-fields.ts). Kept apart from the zod
// schemas of lib/answers/change.ts because the case page's outbox ships this module to the browser,
// and zod would come with them. Pure: no zod, no Prisma, no React.

export const ANSWER_VALUES = ["yes", "no", "na"] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export const PROMPT_MARKS = ["met", "not_met"] as const;
export type PromptMark = (typeof PROMPT_MARKS)[number];

export type Scalar = string | number | boolean | null;
export type FlatFields = Readonly<Record<string, Scalar>>;

/** A prompt mark's key in an answer's flat map: "prompt." and the prompt's index ("prompt.0"). */
export const PROMPT_KEY_PREFIX = "prompt.";
export type PromptKey = `${typeof PROMPT_KEY_PREFIX}${number}`;

/** The key of the mark of the prompt at this index ("prompt.0"). */
export function promptKey(index: number): PromptKey {
  return `${PROMPT_KEY_PREFIX}${index}`;
}

/** The index of the prompt a key marks, or null when the key is not a prompt mark's. */
export function promptIndexOf(key: string): number | null {
  return key.startsWith(PROMPT_KEY_PREFIX) ? Number(key.slice(PROMPT_KEY_PREFIX.length)) : null;
}

/** The fields of one answer a change may set, as the changes route receives them (checked by answerFieldsSchema). */
export interface AnswerFlatFields {
  value?: AnswerValue | null;
  naReason?: string | null;
  rationale?: string;
  [prompt: PromptKey]: PromptMark | null;
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
  for (const [index, mark] of Object.entries(marks)) if (mark === "met" || mark === "not_met") flat[promptKey(Number(index))] = mark;
  return flat;
}
