// GET: the panel's headline figures and a fingerprint that changes when anything on the panel page
// would; the page polls this to refresh itself when a case is completed or a decision recorded.

import { getSignedInUser } from "@/lib/auth/session";
import { handleJson, jsonError } from "@/lib/http/json-response";
import { panelFigures } from "@/lib/panel";

export async function GET(_: Request, { params }: { params: Promise<{ inspectionId: string }> }): Promise<Response> {
  const { inspectionId } = await params;
  const user = await getSignedInUser();
  if (!user) return jsonError(401, "unauthenticated", "Sign in to see the ratings panel.");
  return handleJson(async () => {
    const figures = await panelFigures(user, inspectionId);
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
  });
}
