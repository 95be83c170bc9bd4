import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { environment } from "@/lib/config/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One pool and one client per process, kept on globalThis so that Next's module re-evaluation in
// development does not open a new pool each time.
const globalForPrisma = globalThis as unknown as { caseReviewDb?: PrismaClient; caseReviewPool?: pg.Pool };

/** The process's one PostgreSQL pool (Prisma and plain SQL share it). */
export function connectionPool(): pg.Pool {
  if (!globalForPrisma.caseReviewPool) {
    const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = environment();
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it to a PostgreSQL URL.");
    }
    const pool = new pg.Pool({ connectionString, max: DATABASE_POOL_SIZE });
    // An idle connection the server closes (a restart, a failover) is dropped by the pool, which then
    // opens new ones; without a listener Node would treat the event as a crash.
    pool.on("error", (error: Error & { code?: string }) => {
      console.error(`PostgreSQL closed an idle connection (${error.code ?? "no code"}); it will be replaced.`);
    });
    globalForPrisma.caseReviewPool = pool;
  }
  return globalForPrisma.caseReviewPool;
}

function client(): PrismaClient {
  // An interactive transaction waits for a pooled connection at most `maxWait` (Prisma's default, 2 s,
  // then P2028 and a 500). Under a burst (200 inspectors saving at once on a pool of 10) that wait is
  // the pool's queue doing its job: queue longer instead of failing saves the browser must resend.
  globalForPrisma.caseReviewDb ??= new PrismaClient({ adapter: new PrismaPg(connectionPool()), transactionOptions: { maxWait: 15_000 } });
  return globalForPrisma.caseReviewDb;
}

/** Disconnects Prisma and closes the pool, so scripts and tests exit at once. */
export async function closeDatabase(): Promise<void> {
  await globalForPrisma.caseReviewDb?.$disconnect();
  await globalForPrisma.caseReviewPool?.end();
  globalForPrisma.caseReviewDb = undefined;
  globalForPrisma.caseReviewPool = undefined;
}

/**
 * Plain SQL on the same pool as Prisma, for the few hot paths where Prisma's per-query cost (about
 * 0.4 ms) matters, such as the polled ratings panel. Parameterised text only.
 */
export function sqlQuery<Row extends pg.QueryResultRow>(text: string, values: readonly unknown[]): Promise<pg.QueryResult<Row>> {
  return connectionPool().query<Row>(text, values as unknown[]);
}

/**
 * Created on first use, not on import: `next build` imports every route without a database, and
 * tests set DATABASE_URL before their first query.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_, property) {
    const target = client();
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
