// The answer-saving protocol's data (README, "The autosave is plain SQL"): the schemas the route
// handler checks a batch of changes with, the server's merge rule and its answers per change (the
// browser outbox imports only types from here; the flat field maps it needs at run time are in
// lib/flat-fields.ts, without zod). Pure: no Prisma, no React.
//
// A change names the fields it sets, each with the value it had in the browser before the edit
// (`from`) and the new value (`to`), plus the version of the stored row it was based on. The server
// applies it when nothing moved underneath (same version), or when every field it sets still holds
// its `from` value (someone changed other fields only, or these are the sender's own earlier changes
// still being confirmed); a field that someone else changed to a different value is a conflict.

import { z } from "zod";
import type { CaseFieldName, CaseFieldValue } from "@/lib/cases/case-fields";
import { CLASSIFICATIONS, GENDERS } from "@/lib/framework/case-attributes";
import type { CaseStatus } from "@/lib/statuses";
import { ANSWER_VALUES, PROMPT_KEY_PREFIX, PROMPT_MARKS, type AnswerFlatFields, type FlatFields, type Scalar } from "@/lib/flat-fields";

export const MAX_RATIONALE = 20_000;
export const MAX_SHORT_TEXT = 2_000;
export const MAX_CHANGES_PER_REQUEST = 100;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Enter a real date");

const answerScalarSchemas = {
  value: z.enum(ANSWER_VALUES).nullable(),
  naReason: z.string().max(MAX_SHORT_TEXT, `Enter a reason of at most ${MAX_SHORT_TEXT} characters`).nullable(),
  rationale: z.string().max(MAX_RATIONALE, `Enter a rationale of at most ${MAX_RATIONALE} characters`),
};
// A prompt's number as the page writes it ("0" to "99"): "01" beside "1" would store two marks for one prompt.
const PROMPT_KEY = /^prompt\.(0|[1-9]\d?)$/;

/**
 * The fields of one answer a change may set, as a flat map: "value", "naReason", "rationale" and a
 * mark per prompt ("prompt.0": "met"). Its keys are checked first, so an unknown one is named as such.
 */
export const answerFieldsSchema = z
  .looseObject({})
  .superRefine((fields, ctx) => {
    for (const key of Object.keys(fields)) {
      if (Object.hasOwn(answerScalarSchemas, key) || PROMPT_KEY.test(key)) continue;
      // Custom issues, as an unrecognized_keys issue would not stop the pipe below from checking the value too.
      if (key.startsWith(PROMPT_KEY_PREFIX)) ctx.addIssue({ code: "custom", path: [key], message: "A prompt is numbered without leading zeros (0 to 99)" });
      else ctx.addIssue({ code: "custom", message: `Unrecognized key: "${key}"` });
    }
  })
  .pipe(z.object(answerScalarSchemas).partial().catchall(z.enum(PROMPT_MARKS).nullable())) satisfies z.ZodType<AnswerFlatFields, unknown>;

/** Each case field's schema, checked against lib/cases/case-fields.ts: one per field, of its value type. */
const caseFieldSchemas = {
  disposalType: z.string().min(1).max(60),
  disposalDate: isoDate.nullable(),
  gender: z.enum(GENDERS).nullable(),
  age: z.number().int().min(10, "Enter an age between 10 and 18").max(18, "Enter an age between 10 and 18").nullable(),
  rosh: z.enum(CLASSIFICATIONS).nullable(),
  safetyWellbeing: z.enum(CLASSIFICATIONS).nullable(),
  harmFactors: z.boolean().nullable(),
  safetyWellbeingFactors: z.boolean().nullable(),
  caseManagerInterviewed: z.boolean().nullable(),
  caseManagerInterviewDate: isoDate.nullable(),
  overallNotes: z.string().max(MAX_RATIONALE, `Enter notes of at most ${MAX_RATIONALE} characters`),
} satisfies { [K in CaseFieldName]: z.ZodType<CaseFieldValue<K>> };

/** Case fields an inspector records or corrects on the case page (all audited), by name. */
export const caseFieldsSchema = z.object(caseFieldSchemas).partial().strict();
export type CaseFields = z.infer<typeof caseFieldsSchema>;

const changeId = z.uuid({ message: "A change id must be a UUID" });
const baseVersion = z.number().int().min(0).max(2_147_483_647);

export const answerChangeSchema = z.object({
  changeId,
  target: z.literal("answer"),
  questionId: z.string().regex(/^\d\.\d\.\d{1,2}$/, "Unknown key question"),
  baseVersion,
  from: answerFieldsSchema,
  to: answerFieldsSchema,
});
export const caseChangeSchema = z.object({
  changeId,
  target: z.literal("case"),
  baseVersion,
  from: caseFieldsSchema,
  to: caseFieldsSchema,
});
export const changeSchema = z.discriminatedUnion("target", [answerChangeSchema, caseChangeSchema]);
export type Change = z.infer<typeof changeSchema>;
export type AnswerChange = z.infer<typeof answerChangeSchema>;
export type CaseChange = z.infer<typeof caseChangeSchema>;

export const changeBatchSchema = z.object({
  changes: z.array(changeSchema).min(1, "Send at least one change").max(MAX_CHANGES_PER_REQUEST, `Send at most ${MAX_CHANGES_PER_REQUEST} changes at a time`),
});

export type MergeOutcome =
  | { kind: "apply"; updates: Record<string, Scalar>; before: Record<string, Scalar> }
  | { kind: "unchanged" }
  | { kind: "conflict"; fields: string[] };

/**
 * The three-way decision for one change against the stored row. Pure, so the rule is tested on its
 * own: a field whose stored value equals the new one needs nothing; a field is set when the sender
 * saw the stored version, or when the stored value is still the sender's `from`; otherwise conflict.
 */
export function mergeChange(
  stored: FlatFields,
  storedVersion: number,
  change: { baseVersion: number; from: FlatFields; to: FlatFields },
): MergeOutcome {
  const updates: Record<string, Scalar> = {};
  const before: Record<string, Scalar> = {};
  const conflicts: string[] = [];
  const fresh = storedVersion === change.baseVersion;
  for (const [key, next] of Object.entries(change.to)) {
    const current = stored[key] ?? null;
    if (current === next) continue;
    const expected = key in change.from ? change.from[key] : undefined;
    if (fresh || (expected !== undefined && expected === current)) {
      updates[key] = next;
      before[key] = current;
    } else {
      conflicts.push(key);
    }
  }
  if (conflicts.length > 0) return { kind: "conflict", fields: conflicts };
  if (Object.keys(updates).length === 0) return { kind: "unchanged" };
  return { kind: "apply", updates, before };
}

// ---- What the server answers per change ----

export interface StoredState {
  version: number;
  fields: Record<string, Scalar>;
  updatedByName: string | null;
  updatedAt: string | null;
}

export type ChangeResult =
  | {
      changeId: string;
      status: "applied" | "duplicate";
      target: "answer" | "case";
      questionId?: string;
      version: number;
      /** The case's status after the change (absent on a duplicate: the page's poll catches up). */
      caseStatus?: CaseStatus;
    }
  | {
      changeId: string;
      status: "conflict";
      code: 409;
      target: "answer" | "case";
      questionId?: string;
      message: string;
      fields: string[];
      current: StoredState;
    }
  | { changeId: string; status: "rejected"; code: number; message: string };
