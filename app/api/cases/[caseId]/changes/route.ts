import { z } from "zod";
import { answerableCase, applyChangesTo } from "@/lib/answers/apply-changes";
import { pathId, routeHandler } from "@/lib/http/route-handler";

// The browser outbox's endpoint: POST {changes: [...]} in order; answers 200 {results: [...]} with one
// result per change it reached (applied / duplicate / conflict with the stored value / rejected).
// A signed-out caller gets 401 (not a redirect), so the outbox keeps the changes and says why. The
// caller's right to change the case is checked before the body (at most 2 MB) is read.

export const POST = routeHandler(
  {
    signedOutMessage: "You have been signed out. Sign in again and your changes will be sent.",
    params: z.object({ caseId: pathId }),
    authorize: (user, { caseId }) => answerableCase(user, caseId),
    body: { json: 2_000_000 },
  },
  async ({ user, authorized, body }) => Response.json(await applyChangesTo(user, authorized, body), { headers: { "Cache-Control": "no-store" } }),
);
