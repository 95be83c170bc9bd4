// GET: the panel's headline figures and a fingerprint that changes when anything on the panel page
// would; the page polls this to refresh itself when a case is completed or a decision recorded.

import { z } from "zod";
import { pathId, routeHandler } from "@/lib/http/route-handler";
import { panelFigures } from "@/lib/panel";

export const GET = routeHandler(
  { signedOutMessage: "Sign in to see the ratings panel.", params: z.object({ inspectionId: pathId }) },
  async ({ user, params }) => {
    const figures = await panelFigures(user, params.inspectionId);
    return Response.json(
      {
        fingerprint: figures.fingerprint,
        status: figures.inspection.status,
        final: { score: figures.final.result.score, maxScore: figures.final.result.maxScore, overallRating: figures.final.result.overallRating },
        provisional: { score: figures.provisional.result.score, maxScore: figures.provisional.result.maxScore },
        cases: figures.cases,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);
