import { applyChanges } from "@/lib/answers/apply-changes";
import { getSignedInUser } from "@/lib/auth/session";
import { handleJson, jsonError, readJsonBody } from "@/lib/http/json-response";
import { assertSameOrigin } from "@/lib/http/same-origin";

// The browser outbox's endpoint: POST {changes: [...]} in order; answers 200 {results: [...]} with one
// result per change it reached (applied / duplicate / conflict with the stored value / rejected).
// A signed-out caller gets 401 (not a redirect), so the outbox keeps the changes and says why.

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }): Promise<Response> {
  const { caseId } = await params;
  return handleJson(async () => {
    assertSameOrigin(request); // CSRF: besides SameSite=Lax cookies, refuse other sites' origins
    const user = await getSignedInUser();
    if (!user) return jsonError(401, "signed_out", "You have been signed out. Sign in again and your changes will be sent.");
    const body = await readJsonBody(request, 2_000_000);
    const outcome = await applyChanges(user, caseId, body);
    return Response.json(outcome, { headers: { "Cache-Control": "no-store" } });
  });
}
