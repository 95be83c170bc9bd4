import { NextRequest } from "next/server";
import { z } from "zod";
import { getSignedInUser, type SessionUser } from "@/lib/auth/session";
import { errorResponse, jsonError } from "./json-response";
import { declaredTooLarge, parseJsonText, PayloadTooLargeError, readCappedBody } from "./request-body";
import { assertSameOrigin } from "./same-origin";
import { ValidationError } from "@/lib/errors";
import { loggedRequest } from "@/lib/log";

// The one way a route handler is written (app/**/route.ts). In order, for every call:
//   1. a declared Content-Length over the body cap is refused (413) before anything else;
//   2. a request with a body must come from this site (CSRF; 403);
//   3. the session (401 `unauthenticated`, for any signed-in route: the outbox keeps its changes);
//   4. the path parameters, parsed with zod (a malformed id names nothing: 404);
//   5. `authorize`, the use case's own rights check, BEFORE the body is read, so a stranger's large
//      upload is never read at all;
//   6. the body, read while it streams with its cap (413 as soon as it passes it) and, for JSON,
//      parsed (400 for bad JSON, over-deep nesting, NUL or lone surrogates);
//   7. the handler, which calls one lib/ use case.
// Every refusal and every error a use case throws is answered by errorResponse (json-response.ts), and
// every call is logged as one JSON line (lib/log.ts: request id, route, status, duration, user id).

export type BodySpec =
  | { json: number }
  | { text: number }
  | { bytes: number; contentType: RegExp; contentTypeMessage: string };

type BodyOf<S> = S extends { json: number } ? unknown : S extends { text: number } ? string : S extends { bytes: number } ? Uint8Array : undefined;

/** What Next passes a route handler besides the request (routes without parameters get an empty object). */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export interface RouteCall<P, A, B> {
  request: Request;
  user: SessionUser;
  params: P;
  authorized: A;
  body: B;
}

export interface RouteSpec<P, A, S extends BodySpec | undefined> {
  /** What a signed-out caller is told (401): what to do, in the app's words. */
  signedOutMessage: string;
  params?: z.ZodType<P>;
  authorize?: (user: SessionUser, params: P) => Promise<A>;
  body?: S;
}

/** An id in a path: anything else names nothing here. */
export const pathId = z.guid();

function capOf(body: BodySpec | undefined): number {
  if (!body) return 0;
  return "json" in body ? body.json : "text" in body ? body.text : body.bytes;
}

async function readBody(request: Request, spec: BodySpec): Promise<unknown> {
  if ("bytes" in spec) {
    if (!spec.contentType.test(request.headers.get("content-type") ?? "")) throw new UnsupportedMediaType(spec.contentTypeMessage);
    return readCappedBody(request, spec.bytes);
  }
  const text = new TextDecoder().decode(await readCappedBody(request, capOf(spec)));
  if ("text" in spec) return text;
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ValidationError(parsed.message);
  return parsed.value;
}

class UnsupportedMediaType extends Error {}

/** A signed-in route handler: see the steps above. */
export function routeHandler<P = Record<string, never>, A = undefined, S extends BodySpec | undefined = undefined>(
  spec: RouteSpec<P, A, S>,
  handle: (call: RouteCall<P, A, BodyOf<S>>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return (request, context) =>
    loggedRequest(request, async (identify) => {
      let bodyRead = spec.body === undefined || request.body === null;
      try {
        if (spec.body && declaredTooLarge(request.headers, capOf(spec.body))) throw new PayloadTooLargeError(capOf(spec.body));
        if (spec.body) assertSameOrigin(request);
        const user = await getSignedInUser();
        if (!user) return unread(jsonError("unauthenticated", spec.signedOutMessage), bodyRead);
        identify(user.id);
        const rawParams = await context.params;
        const parsedParams = spec.params ? spec.params.safeParse(rawParams) : { success: true as const, data: rawParams as P };
        if (!parsedParams.success) return unread(jsonError("not_found", "There is nothing at this address."), bodyRead);
        const authorized = spec.authorize ? await spec.authorize(user, parsedParams.data) : (undefined as A);
        const body = spec.body ? ((await readBody(request, spec.body)) as BodyOf<S>) : (undefined as BodyOf<S>);
        bodyRead = true;
        return await handle({ request, user, params: parsedParams.data, authorized, body });
      } catch (error) {
        if (error instanceof UnsupportedMediaType) return unread(jsonError("unsupported_media_type", error.message), bodyRead);
        return unread(errorResponse(error), bodyRead);
      }
    });
}

/**
 * A refusal sent before the body was read closes the connection: otherwise Node reads the rest of
 * the upload (however large) to keep the connection alive for the next request.
 */
function unread(response: Response, bodyRead: boolean): Response {
  if (!bodyRead) response.headers.set("Connection", "close");
  return response;
}

/**
 * A route anyone may call (health check, service worker script, next-auth's endpoints): errors
 * answered as above. With `maxBodyBytes`, a body is read with that cap first and the handler gets a
 * request holding it in memory, for code that reads bodies itself (next-auth calls request.text()).
 */
export function publicRouteHandler<C>(
  options: { maxBodyBytes?: number },
  handle: (request: NextRequest, context: C) => Promise<Response> | Response,
): (request: NextRequest, context: C) => Promise<Response> {
  return (request, context) =>
    loggedRequest(request, async () => {
      try {
        if (options.maxBodyBytes === undefined || request.body === null) return await handle(request, context);
        const body = await readCappedBody(request, options.maxBodyBytes);
        return await handle(new NextRequest(request.url, { method: request.method, headers: request.headers, body }), context);
      } catch (error) {
        return errorResponse(error);
      }
    });
}
