import { jsonNestingDepth, MAX_JSON_DEPTH } from "@/lib/json-nesting";

// Request bodies are read only through here, with a cap enforced while the body streams in: Next
// hands a route handler the socket's stream unread (no proxy.ts runs for route handlers), so a
// handler that calls request.text() or .json() buffers whatever a client sends, 200 MB included,
// and a process under a 384 MB heap cap dies of it. A declared Content-Length over the cap is
// refused before a byte is read; a chunked body is refused as soon as it passes the cap.

/** The body is larger than the entry point accepts: answered 413. */
export class PayloadTooLargeError extends Error {
  override readonly name = "PayloadTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${formatBytes(maxBytes)}, the most this address accepts.`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** Whether the declared Content-Length alone already exceeds the cap. */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes;
}

/** The whole body, or PayloadTooLargeError once it passes `maxBytes` (reading stops there). */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaredTooLarge(request.headers, maxBytes)) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading; the rest of the upload is never held. The answer goes out with
      // Connection: close (see route-handler.ts), so the socket does not wait for it either.
      reader.releaseLock();
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text PostgreSQL cannot store, found by fuzzing as 500s on write: NUL, and a lone UTF-16
 * surrogate ("\ud800"), which JSON may carry as an escape and jsonb refuses (22P02).
 */
function unstorableTextProblem(value: string): string | null {
  if (value.includes("\u0000")) return "Text may not contain the NUL character (\\u0000).";
  if (LONE_SURROGATE.test(value)) return "Text may not contain a lone UTF-16 surrogate (such as \\ud800): it is not a character.";
  return null;
}

function firstUnstorableText(value: unknown): string | null {
  if (typeof value === "string") return unstorableTextProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = firstUnstorableText(item);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableTextProblem(key) ?? firstUnstorableText(item);
      if (problem) return problem;
    }
  }
  return null;
}

/** Why JSON text cannot be taken (not JSON, too deep, unstorable text), or its value. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) return { ok: false, message: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "The request body is not valid JSON." };
  }
  const problem = firstUnstorableText(value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
