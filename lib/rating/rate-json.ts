// The rating contract end to end for callers holding untrusted JSON (the CLI, /api/rate): parse,
// rate, and turn refusals into the contract's error document. Anything that is not a
// RatingInputError is a bug, not bad input, and is rethrown.

import { jsonNestingDepth, MAX_JSON_DEPTH } from "@/lib/json-nesting";
import { RatingInputError, type RatingErrorDocument } from "./errors";
import { parseRatingInput } from "./input";
import { rateInspection, type RatingResult } from "./rate-inspection";

export type RatingOutcome = { readonly ok: true; readonly result: RatingResult } | { readonly ok: false; readonly error: RatingErrorDocument };

/** Rates parsed JSON. */
export function rateJson(json: unknown): RatingOutcome {
  try {
    return { ok: true, result: rateInspection(parseRatingInput(json)) };
  } catch (err) {
    if (err instanceof RatingInputError) return { ok: false, error: err.toDocument() };
    throw err;
  }
}

/** Rates JSON text; invalid JSON is refused with code invalid_json. */
export function rateJsonText(text: string): RatingOutcome {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, error: new RatingInputError("invalid_json", `The input nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels; a rating input needs a few.`, "$").toDocument() };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: new RatingInputError("invalid_json", `The input is not valid JSON: ${detail}`, "$").toDocument() };
  }
  return rateJson(json);
}
