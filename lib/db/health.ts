import "server-only";
import { sqlQuery } from "./client";

// Whether this instance can reach its database, and which migration the database is at: what a load
// balancer asks before sending it work, and what an operator checks after a deployment.

const TIMEOUT_MS = 2_000;

export interface DatabaseHealth {
  reachable: boolean;
  /** The latest applied migration's version (prisma/migrations), or null when unknown. */
  migration: string | null;
}

export async function databaseHealth(): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false, migration: null }), TIMEOUT_MS);
  });
  try {
    const query = sqlQuery<{ version: string | null }>("SELECT max(version) AS version FROM schema_migrations", []).then(
      (result): DatabaseHealth => ({ reachable: true, migration: result.rows[0]?.version ?? null }),
    );
    return await Promise.race([query, timeout]);
  } catch {
    return { reachable: false, migration: null };
  } finally {
    clearTimeout(timer);
  }
}
