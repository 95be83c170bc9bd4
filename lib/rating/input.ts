// The input document of the rating contract, and its parser. parseRatingInput checks the shape and
// the values with zod and turns the first zod issue into the contract's error (code + JSON path);
// ids and the rating rules are checked by rateInspection, which typed callers use directly.

import { z } from "zod";
import { FRAMEWORK_VERSIONS, RATINGS, frameworkVersionList, type FrameworkVersion, type Rating } from "@/lib/framework";
import { RatingInputError, jsonPath, type RatingErrorCode } from "./errors";

/** Counts of cases where the key question applied and was answered, or a published whole-number %. */
export type KeyQuestionFigures = { readonly yes: number; readonly no: number } | { readonly percentYes: number };

export interface DiscretionDecision {
  readonly rating: Rating;
  /** Mandatory: why the panel moved the rating. */
  readonly note: string;
}

export interface RatingInput {
  readonly framework: FrameworkVersion;
  /** By key question id. A case-rated standard with none of its key questions given is unrated. */
  readonly keyQuestions?: Readonly<Record<string, KeyQuestionFigures>>;
  /** Ratings of the standards judged from evidence (domain one; 3.4 and 4.1 in yjs-2021). */
  readonly judgements?: Readonly<Record<string, Rating>>;
  /** The ratings panel's professional discretion, by standard id. */
  readonly discretion?: Readonly<Record<string, DiscretionDecision>>;
}

// Custom issues carry their contract code here.
type CustomParams = { ratingErrorCode: RatingErrorCode };

const count = z.number().int().min(0);

const keyQuestionFiguresSchema = z
  .strictObject({
    yes: count.optional(),
    no: count.optional(),
    percentYes: z.number().int().min(0).max(100).optional(),
  })
  .superRefine((figures, ctx) => {
    const hasCounts = figures.yes !== undefined || figures.no !== undefined;
    const fail = (ratingErrorCode: RatingErrorCode, message: string) =>
      ctx.addIssue({ code: "custom", message, params: { ratingErrorCode } satisfies CustomParams });
    if (hasCounts && figures.percentYes !== undefined) {
      fail("key_question_given_both_ways", "give either counts (yes, no) or percentYes, not both");
    } else if (hasCounts && (figures.yes === undefined || figures.no === undefined)) {
      fail("key_question_incomplete", "give both yes and no");
    } else if (!hasCounts && figures.percentYes === undefined) {
      fail("invalid_input", "give counts (yes, no) or percentYes");
    } else if (hasCounts && figures.yes === 0 && figures.no === 0) {
      fail("no_answers", "yes + no is 0, so there is no % 'yes'");
    }
  });

const ratingSchema = z.enum(RATINGS);

/** The input document; also the source of the OpenAPI description (lib/rating/openapi.ts). */
export const ratingInputSchema = z.strictObject({
  framework: z.enum(FRAMEWORK_VERSIONS),
  keyQuestions: z.record(z.string(), keyQuestionFiguresSchema).optional(),
  judgements: z.record(z.string(), ratingSchema).optional(),
  discretion: z
    .record(z.string(), z.strictObject({ rating: ratingSchema, note: z.string().trim().min(1) }))
    .optional(),
});

/** Parses untrusted JSON (already JSON.parse'd) into a RatingInput, or throws RatingInputError. */
export function parseRatingInput(json: unknown): RatingInput {
  const parsed = ratingInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) throw new RatingInputError("invalid_input", "The input is not valid.", "$");
    throw ratingErrorFromIssue(issue, json);
  }
  const { framework, keyQuestions = {}, judgements = {}, discretion = {} } = parsed.data;
  const figures: Record<string, KeyQuestionFigures> = {};
  for (const [id, entry] of Object.entries(keyQuestions)) {
    // The refinement guarantees exactly one of the two forms.
    figures[id] =
      entry.percentYes !== undefined ? { percentYes: entry.percentYes } : { yes: entry.yes ?? 0, no: entry.no ?? 0 };
  }
  return { framework, keyQuestions: figures, judgements, discretion };
}

function ratingErrorFromIssue(issue: z.core.$ZodIssue, json: unknown): RatingInputError {
  const segments = issue.path.filter((s): s is string | number => typeof s !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return new RatingInputError("invalid_input", `Unknown field "${key}".`, jsonPath([...segments, key]));
  }
  const path = jsonPath(segments);
  const value = valueAt(json, segments);
  const got = value === undefined ? "nothing" : JSON.stringify(value);
  if (issue.code === "custom") {
    const params = issue.params as Partial<CustomParams> | undefined;
    return new RatingInputError(params?.ratingErrorCode ?? "invalid_input", `${path}: ${issue.message}.`, path);
  }
  const [top, , field] = segments;
  if (top === "framework") {
    return new RatingInputError("unknown_framework", `framework must be ${frameworkVersionList('"')} (got ${got}).`, path);
  }
  if (top === "keyQuestions" && (field === "yes" || field === "no")) {
    return new RatingInputError("invalid_count", `${path} must be a whole number 0 or more (got ${got}).`, path);
  }
  if (top === "keyQuestions" && field === "percentYes") {
    return new RatingInputError("percent_out_of_range", `${path} must be a whole number from 0 to 100 (got ${got}).`, path);
  }
  if ((top === "judgements" && segments.length === 2) || (top === "discretion" && field === "rating")) {
    return new RatingInputError(
      "invalid_rating",
      `${path} must be exactly "Outstanding", "Good", "Requires improvement" or "Inadequate" (got ${got}).`,
      path,
    );
  }
  if (top === "discretion" && field === "note") {
    return new RatingInputError("discretion_note_required", `${path}: discretion needs a note saying why (got ${got}).`, path);
  }
  if (value === undefined) {
    return new RatingInputError("invalid_input", `${path} is required.`, path);
  }
  return new RatingInputError("invalid_input", `${path} has the wrong type: expected ${expectedType(issue)} (got ${got}).`, path);
}

function expectedType(issue: z.core.$ZodIssue): string {
  return issue.code === "invalid_type" ? String(issue.expected) : "a different value";
}

function valueAt(json: unknown, segments: readonly (string | number)[]): unknown {
  let current: unknown = json;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
