// Instances and migrate jobs starting together apply each migration once (scripts/migrations.ts).

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, checkoutMigrationFiles, migrationVersions } from "./migrations";

const adminUrl = process.env.DATABASE_URL!;
const name = `migrations_race_${process.pid}`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe("applyMigrations", () => {
  it("applies every migration exactly once when four processes migrate an empty database at the same moment", async () => {
    await admin(`CREATE DATABASE ${name}`);
    const all = migrationVersions(checkoutMigrationFiles().migrationsDir);
    const runs = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(url)));
    // One run applied them all; the others waited for the lock and found nothing pending.
    expect(runs.flat().sort()).toEqual(all);
    expect(runs.filter((r) => r.length > 0)).toHaveLength(1);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const recorded = await client.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(recorded.rows.map((r) => r.version)).toEqual(all);
    } finally {
      await client.end();
    }
    expect(await applyMigrations(url)).toEqual([]);
  }, 120_000);
});
