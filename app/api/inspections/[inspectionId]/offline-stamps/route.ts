// GET: the cases allocated to the signed-in user on this inspection, each with its stamp
// (lib/cases/offline-stamps.ts), and whose they are. The cases' service worker reads it while the app
// is open online (app/inspections/[inspectionId]/cases/sw.js) to bring the copies kept offline up to
// date wherever the inspector is working, not only on My cases.

import { z } from "zod";
import { pathId, routeHandler } from "@/lib/http/route-handler";
import { offlineCaseStamps } from "@/lib/cases/offline-stamps";

export const GET = routeHandler(
  { signedOutMessage: "Sign in to bring your cases kept offline up to date.", params: z.object({ inspectionId: pathId }) },
  async ({ user, params }) =>
    Response.json({ userId: user.id, cases: await offlineCaseStamps(user, params.inspectionId) }, { headers: { "Cache-Control": "no-store" } }),
);
