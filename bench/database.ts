import pg from "pg";
import { db } from "@/lib/db/client";
import type { LargeDataset } from "./large-dataset";

// What the sections read the bench database with: the dataset's manager as the app's caller, and a
// client of their own for the raw-SQL side of each comparison.

/** The bench dataset's manager (bench/large-dataset.ts), as an actor for the app's use cases. */
export function benchManager(large: LargeDataset) {
  return db.user.findUniqueOrThrow({ where: { email: large.managerEmail }, select: { id: true, role: true } });
}

/** A PostgreSQL client of its own for `work`, ended when `work` settles. */
export async function withSqlClient<R>(databaseUrl: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
