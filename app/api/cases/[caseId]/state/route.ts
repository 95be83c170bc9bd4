// GET ?since=<stamp>: what an open case page polls to learn of other people's changes
// (lib/answers/live-state.ts): only the stamp while nothing changed, the stored state when it did.

import { z } from "zod";
import { caseLiveState } from "@/lib/answers/live-state";
import { pathId, routeHandler } from "@/lib/http/route-handler";

export const GET = routeHandler(
  { signedOutMessage: "Sign in to see this case.", params: z.object({ caseId: pathId }) },
  async ({ request, user, params }) => {
    const since = new URL(request.url).searchParams.get("since");
    return Response.json(await caseLiveState(user, params.caseId, since), { headers: { "Cache-Control": "no-store" } });
  },
);
