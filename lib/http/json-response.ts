import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { PayloadTooLargeError } from "./request-body";

// Every route handler answers an error the same way: a 4xx (or 500) status and the JSON document
// {error: {code, message, ...}}. `message` is written for the person using the app; `code` is one of
// ERROR_CODES, for code that reacts to it. Anything unexpected is a 500 that says nothing about
// internals.

const ERROR_CODES = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export function jsonError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...extra } }, { status: ERROR_CODES[code], headers });
}

/** The answer for an error a use case (or the body reader) threw. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationError) return jsonError("invalid_input", error.message, { fields: error.fieldErrors });
  if (error instanceof ForbiddenError) return jsonError("forbidden", error.message);
  if (error instanceof NotFoundError) return jsonError("not_found", error.message);
  if (error instanceof ConflictError) return jsonError("conflict", error.message, { current: error.current });
  // The rest of an oversized upload is not read: close the connection rather than wait for it.
  if (error instanceof PayloadTooLargeError) return jsonError("too_large", error.message, {}, { Connection: "close" });
  // The error's class and, for database errors, its code (e.g. P2028): never its message, which may quote input.
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  console.error(`Unhandled error in route handler: ${error instanceof Error ? error.name : "unknown"}${code}`);
  return jsonError("internal_error", "Something went wrong on the server. Try again; if it keeps happening, contact support.");
}
