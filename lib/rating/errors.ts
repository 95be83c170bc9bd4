// The refusals of the rating contract: one stable code per rule, a one-line message for people and
// the JSON path of the offending value. The CLI, /api/rate and the panel page all show these.

import { FRAMEWORK_VERSIONS } from "@/lib/framework";

/** Every error code, with what it means. Codes are stable: clients may branch on them. */
export const ERROR_CODES = {
  invalid_json: "The input is not valid JSON.",
  unreadable_input: "The input file could not be read.",
  invalid_input: "The input does not have the contract's shape (wrong type, missing or unknown field).",
  unknown_framework: `framework is not one of ${FRAMEWORK_VERSIONS.join(", ")}.`,
  unknown_standard: "A standard id is not in the framework version.",
  unknown_key_question: "A key question id is not in the framework version.",
  key_question_not_case_rated: "A domain one key question was given figures; it informs a judgement and has none.",
  invalid_count: "A yes or no count is not a whole number 0 or more.",
  no_answers: "A key question's yes + no is 0, so it has no % 'yes'.",
  percent_out_of_range: "percentYes is not a whole number from 0 to 100.",
  key_question_given_both_ways: "A key question has both counts (yes, no) and percentYes.",
  key_question_incomplete: "A key question has only one of yes and no.",
  judgement_for_case_rated_standard: "A judgement was given for a standard rated from cases.",
  invalid_rating: "A rating is not spelled exactly Outstanding, Good, Requires improvement or Inadequate.",
  discretion_note_required: "A discretion decision has no note (the note is mandatory).",
  discretion_on_judgement_standard: "Discretion was given for a standard rated by judgement.",
  discretion_without_data: "Discretion was given for a case-rated standard that has no key question figures.",
  discretion_unchanged: "Discretion equals the calculated rating: there is nothing to record.",
  discretion_more_than_one_band: "Discretion moves the rating by more than one band.",
  discretion_out_of_range:
    "The lowest key question's % is more than 5 points from the boundary between the calculated and the chosen band.",
  governance_cap:
    "The version's governance cap holds the judgement (yjs-2021: fewer than half of the 8 final ratings of 2.1–3.4 are Good or Outstanding, so 1.1 cannot be above Requires improvement).",
  internal_error: "A fault in the rating module itself, not in the input (the CLI exits 2).",
} as const satisfies Record<string, string>;

export type RatingErrorCode = keyof typeof ERROR_CODES;

/** The error document of the contract: `{"error": {code, message, path}}`. */
export interface RatingErrorDocument {
  readonly error: { readonly code: RatingErrorCode; readonly message: string; readonly path: string };
}

export class RatingInputError extends Error {
  override readonly name = "RatingInputError";
  constructor(
    readonly code: RatingErrorCode,
    message: string,
    /** JSON path of the offending value, e.g. `$.keyQuestions["2.1.1"].yes`; "$" for the whole input. */
    readonly path: string,
  ) {
    super(message);
  }

  toDocument(): RatingErrorDocument {
    return { error: { code: this.code, message: this.message, path: this.path } };
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSON path from segments: identifiers as `.name`, indexes as `[0]`, anything else as `["2.1.1"]`. */
export function jsonPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === "number") return `${path}[${segment}]`;
    return IDENTIFIER.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`;
  }, "$");
}
