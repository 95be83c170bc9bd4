import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

// Route handlers answer errors as JSON documents {error: {code, message, path?}} with a 4xx status;
// anything unexpected is a 500 whose body says nothing about internals.

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

export async function handleJson(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError) return jsonError(400, "invalid_input", error.message, { fields: error.fieldErrors });
    if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
    if (error instanceof NotFoundError) return jsonError(404, "not_found", error.message);
    if (error instanceof ConflictError) return jsonError(409, "conflict", error.message, { current: error.current });
    // The error's class and, for database errors, its code (e.g. P2028): never its message, which may quote input.
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
    console.error(`Unhandled error in route handler: ${error instanceof Error ? error.name : "unknown"}${code}`);
    return jsonError(500, "internal_error", "Something went wrong on the server. Try again; if it keeps happening, contact support.");
  }
}

/** Reads a JSON body with a size cap; malformed JSON is a 400, not a crash. */
export async function readJsonBody(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await request.text();
  if (text.length > maxBytes) throw new ValidationError(`The request body is larger than ${maxBytes} bytes.`);
  // PostgreSQL cannot store the NUL character in text: refuse it here rather than fail on write.
  if (text.includes("\u0000") || text.includes("\\u0000")) throw new ValidationError("Text may not contain the NUL character (\\u0000).");
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
}
