import { NextResponse, type NextRequest } from "next/server";
import { jsonError } from "@/lib/http/json-response";
import { formatBytes, PayloadTooLargeError, readCappedBody } from "@/lib/http/request-body";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { isSameOrigin } from "@/lib/http/same-origin";
import { jsonNestingDepth, MAX_JSON_DEPTH } from "@/lib/json-nesting";

// Page loads pass here for their Content-Security-Policy, whose nonce Next puts on the scripts it
// renders (lib/http/content-security-policy.ts); so do server actions and paths holding "%".
//
// Server action requests whose argument list Next cannot use get a 400 here. Next decodes the body
// before any of our code runs, and answers its own 500 when the arguments are not a JSON array or
// number more than 1,000 (SERVER_ACTION_ARGS_LIMIT).
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

function refuse(code: "invalid_input" | "forbidden" | "too_large", message: string): Response {
  return jsonError(code, message, {}, { "Cache-Control": "no-store" });
}

/**
 * Strings React's reply decoder takes as references to other parts of the request ("$Q1": a Map in
 * part 1) make it fail with a 500 when the part is missing. Next's client escapes a "$" that starts
 * a typed string as "$$", and refers to the form as "$K<n>"; the app's actions take nothing else.
 */
const PLAIN_REPLY_TAG = /^\$(\$|K\d+$|undefined$|-0$|NaN$|-?Infinity$|D|n-?\d+$)/;

function hasReferenceTag(value: unknown): boolean {
  if (typeof value === "string") return value.startsWith("$") && !PLAIN_REPLY_TAG.test(value);
  if (Array.isArray(value)) return value.some(hasReferenceTag);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasReferenceTag);
  return false;
}

type ArgumentListProblem = "not_a_list" | "reference";

function argumentListProblem(json: unknown): ArgumentListProblem | null {
  if (typeof json !== "string" || jsonNestingDepth(json) > MAX_JSON_DEPTH) return "not_a_list";
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "not_a_list";
  }
  if (!Array.isArray(value) || value.length > MAX_ARGUMENTS) return "not_a_list";
  return hasReferenceTag(value) ? "reference" : null;
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

/** Whether every percent escape in the path decodes to UTF-8 ("%c0%ae" does not). */
function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest): Promise<Response> {
  const policy = contentSecurityPolicy(newNonce());
  const response = (await refusalOf(request)) ?? continueWithPolicy(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Next reads the nonce from the policy on the request when it renders the page. */
function continueWithPolicy(request: NextRequest, policy: string): Response {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

/** A 4xx for a malformed path or server action request; null for everything else. */
async function refusalOf(request: NextRequest): Promise<Response | null> {
  // Next fails to decode such a path's parameters and answers 500.
  if (!pathDecodes(request.nextUrl.pathname)) return refuse("invalid_input", "The address is malformed: it holds a percent-escape that is not UTF-8.");
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  // Next refuses another site's action with an error of its own (a 500); the same check, answered 403.
  if (!isSameOrigin(request.headers)) return refuse("forbidden", "Cross-site requests are refused.");
  const contentType = request.headers.get("content-type");
  // Next does not run url-encoded bodies as actions (it answers 404 itself).
  if (contentType === "application/x-www-form-urlencoded") return null;
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readCappedBody(request.clone(), MAX_ACTION_BODY_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return refuse("too_large", `The form is larger than ${formatBytes(MAX_ACTION_BODY_BYTES)}: shorten the text and send it again.`);
    throw error;
  }
  const problem = argumentListProblem(await argumentListText(body, contentType));
  if (problem === "not_a_list") return refuse("invalid_input", "The request is malformed: a form action takes a list of at most 1,000 arguments.");
  if (problem === "reference") return refuse("invalid_input", "The request is malformed: it refers to parts of the request this form never sends.");
  return null;
}

export const config = {
  matcher: [
    // Requests without a body (page loads) for their policy, but not Next's hashed static files.
    // A request with a body is never matched for the policy alone: Next reads the whole of a matched
    // request's body to copy it for the proxy, which would undo the route handlers' streaming caps
    // (e2e/body-caps.spec.ts). So a page rendered for a form posted without JavaScript has no policy.
    { source: "/((?!_next/static/|_next/image).*)", missing: [{ type: "header", key: "content-length" }, { type: "header", key: "transfer-encoding" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path(.*%.*)" },
  ],
};
