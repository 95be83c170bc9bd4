import { NextResponse, type NextRequest } from "next/server";

// Server action requests whose argument list Next cannot use get a 400 here. Next decodes the body
// before any of our code runs, and answers its own 500 when the arguments are not a JSON array or
// number more than 1,000 (SERVER_ACTION_ARGS_LIMIT). Only requests with a Next-Action header come
// here (the matcher): pages, route handlers and forms posted without JavaScript never do.
//
// Next's client sends the arguments as the whole body (JSON text) or, when they include a form, as
// multipart/form-data whose field "0" is the JSON list. The checks read the body the way Next's
// action handler does (its content-type tests included), from a copy: Next keeps the original.

const MAX_ARGUMENTS = 1000;
/** Next buffers at most this much of a body for the proxy (proxyClientMaxBodySize), and passes the action only that. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function refuse(status: 400 | 413, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
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
async function argumentListText(request: Request, contentType: string | null): Promise<unknown> {
  try {
    if (contentType?.startsWith("multipart/form-data")) {
      const fields = (await request.formData()).getAll("0");
      return fields.length === 1 ? fields[0] : null;
    }
    return await request.text();
  } catch {
    return null; // a body that does not parse as what its content type says
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method !== "POST") return NextResponse.next();
  const contentType = request.headers.get("content-type");
  // Next does not run url-encoded bodies as actions (it answers 404 itself).
  if (contentType === "application/x-www-form-urlencoded") return NextResponse.next();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "The request is too large.");
  if (!isArgumentList(await argumentListText(request.clone(), contentType))) {
    return refuse(400, "The request is malformed: a form action takes a list of at most 1,000 arguments.");
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
