import { databaseIsReachable } from "@/lib/db/health";
import { publicRouteHandler } from "@/lib/http/route-handler";

// For load balancers and uptime checks in front of several app instances: 200 when this instance can
// reach PostgreSQL, 503 when it cannot. Open to anyone, and says nothing but that.

export const GET = publicRouteHandler({}, async () => {
  const reachable = await databaseIsReachable();
  return Response.json(
    { status: reachable ? "ok" : "unavailable" },
    { status: reachable ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
