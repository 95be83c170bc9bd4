import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/http/json-response";
import { formatBytes, PayloadTooLargeError, readCappedBody } from "@/lib/http/request-body";

// Server action requests whose argument list Next cannot use get a 400 here. Next decodes the body
// before any of our code runs, and answers its own 500 when the arguments are not a JSON array or
// number more than 1,000 (SERVER_ACTION_ARGS_LIMIT). Only requests with a Next-Action header come
// here (the matcher): pages, route handlers and forms posted without JavaScript never do.
//
// Next's client sends the arguments as the whole body (JSON text) or, when they include a form, as
// multipart/form-data whose field "0" is the JSON list. The checks read the body the way Next's
// action handler does (its content-type tests included), from a copy: Next keeps the original.

const MAX_ARGUMENTS = 1000;
/**
 * The largest server action body (next.config.ts serverActions.bodySizeLimit): forms hold typed
 * text, never files (the population CSV goes to a route handler). Next buffers a body for the proxy
 * only up to proxyClientMaxBodySize (next.config.ts, 1 MB above this) and silently passes the action
 * a truncated body beyond it; the proxy refuses anything over this cap first, with a 413.
 */
export const MAX_ACTION_BODY_BYTES = 2 * 1024 * 1024;

function refuse(code: "invalid_input" | "too_large", message: string): Response {
  return jsonError(code, message, {}, { "Cache-Control": "no-store" });
}

function isArgumentList(json: unknown): boolean {
  if (typeof json !== "string") return false;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.length <= MAX_ARGUMENTS;
  } catch {
    return false;
  }
}

/** The JSON text of the argument list, or null when the body has none. */
async function argumentListText(body: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<unknown> {
  try {
    if (contentType?.startsWith("multipart/form-data")) {
      const fields = (await new Response(body, { headers: { "Content-Type": contentType } }).formData()).getAll("0");
      return fields.length === 1 ? fields[0] : null;
    }
    return new TextDecoder().decode(body);
  } catch {
    return null; // a body that does not parse as what its content type says
  }
}

export async function proxy(request: NextRequest): Promise<Response> {
  if (request.method !== "POST") return NextResponse.next();
  const contentType = request.headers.get("content-type");
  // Next does not run url-encoded bodies as actions (it answers 404 itself).
  if (contentType === "application/x-www-form-urlencoded") return NextResponse.next();
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readCappedBody(request.clone(), MAX_ACTION_BODY_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return refuse("too_large", `The form is larger than ${formatBytes(MAX_ACTION_BODY_BYTES)}: shorten the text and send it again.`);
    throw error;
  }
  if (!isArgumentList(await argumentListText(body, contentType))) {
    return refuse("invalid_input", "The request is malformed: a form action takes a list of at most 1,000 arguments.");
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
