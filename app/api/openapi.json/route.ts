// GET /api/openapi.json: the OpenAPI description of POST /api/rate (lib/rating/openapi.ts). Public,
// as it describes the service and holds no data.
import { SESSION_COOKIE_NAME } from "@/lib/auth/session-token";
import { ratingOpenApiDocument } from "@/lib/rating/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(ratingOpenApiDocument({ sessionCookie: SESSION_COOKIE_NAME }));
}
