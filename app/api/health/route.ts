import { databaseHealth } from "@/lib/db/health";
import { publicRouteHandler } from "@/lib/http/route-handler";

// For load balancers and uptime checks in front of several app instances: 200 when this instance can
// reach PostgreSQL, 503 when it cannot, with the database's migration version. Open to anyone, and
// says nothing more.

export const GET = publicRouteHandler({}, async () => {
  const { reachable, migration } = await databaseHealth();
  return Response.json(
    { status: reachable ? "ok" : "unavailable", migration },
    { status: reachable ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
