import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process. In development Next re-evaluates modules on every change, so the instance
// is kept on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { caseReviewDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it to a PostgreSQL URL.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.caseReviewDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.caseReviewDb = db;

export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
