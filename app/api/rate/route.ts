// POST /api/rate: the rating contract over HTTP (../shared/framework/rating-contract.md) for tools
// and spreadsheets that check figures. Same input and output as the CLI; bad input is a 400 with
// the contract's error document. A browser calls it with its session, a script with an API token
// (Authorization: Bearer, lib/api-tokens); the body is capped while it streams in. Described at
// /api/openapi.json (lib/rating/openapi.ts).

import type { NextRequest } from "next/server";
import { authenticateApiToken } from "@/lib/api-tokens";
import { errorResponse, jsonError } from "@/lib/http/json-response";
import { publicRouteHandler, routeHandler, type RouteContext } from "@/lib/http/route-handler";
import { rateJsonText } from "@/lib/rating";

const MAX_BODY_BYTES = 64 * 1024;

function rate(text: string): Response {
  const outcome = rateJsonText(text);
  return outcome.ok ? Response.json(outcome.result) : Response.json(outcome.error, { status: 400 });
}

const forSession = routeHandler(
  { signedOutMessage: "Sign in, or send an API token (Authorization: Bearer <token>), to use the rating service.", body: { text: MAX_BODY_BYTES } },
  async ({ body }) => rate(body),
);

// A token call carries no cookie, so there is no session to forge and no same-origin check to make.
const forToken = publicRouteHandler({ maxBodyBytes: MAX_BODY_BYTES }, async (request) => rate(await request.text()));

export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return forSession(request, context);
  try {
    if (!(await authenticateApiToken(authorization))) {
      return jsonError(
        "unauthenticated",
        "The API token is not valid or was revoked: send Authorization: Bearer <token> with a token an administrator created.",
        {},
        { "WWW-Authenticate": 'Bearer realm="case-review"', Connection: "close" },
      );
    }
  } catch (error) {
    return errorResponse(error);
  }
  return forToken(request, context);
}
