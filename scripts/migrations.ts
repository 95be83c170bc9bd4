// Applies the SQL migrations (prisma/migrations, dbmate's format and its schema_migrations table)
// once, however many instances or migrate jobs start together: each takes a PostgreSQL advisory lock
// first, so the second waits for the first and then finds nothing pending. dbmate itself takes no
// lock, and two concurrent runs would apply the same file twice.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Where the migration files and the dbmate binary are: the checkout, or the standalone bundle. */
export interface MigrationFiles {
  migrationsDir: string;
  dbmate: string;
}

const root = path.resolve(__dirname, "..");

/** In a checkout: the migrations folder and the dbmate binary its npm package installed. */
export function checkoutMigrationFiles(): MigrationFiles {
  const platformPackage = `@dbmate/${process.platform}-${process.arch}`;
  return {
    migrationsDir: path.join(root, "prisma", "migrations"),
    dbmate: require.resolve(`${platformPackage}/bin/dbmate`, { paths: [root] }),
  };
}

/** Held while migrating; any constant shared by every instance of the app would do. */
const LOCK_SQL = "SELECT pg_advisory_lock(hashtext('case-review:migrations'))";

/** The versions the migration files define, in order (the timestamp before the first underscore). */
export function migrationVersions(migrationsDir: string): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => f.slice(0, f.indexOf("_")))
    .sort();
}

/** Versions recorded as applied (none when the database is new). */
async function appliedVersions(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query<{ found: string | null }>("SELECT to_regclass('public.schema_migrations')::text AS found");
  if (!exists.rows[0]?.found) return [];
  return (await client.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
}

/** A connection, retried while the server is still starting (a fresh container, a restart). */
async function connect(url: string, timeoutMs: number): Promise<pg.Client> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`Could not connect to PostgreSQL within ${timeoutMs / 1000} s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Applies pending migrations under the advisory lock; returns the versions this call applied (none
 * when another process got there first).
 */
export async function applyMigrations(url: string, files: MigrationFiles = checkoutMigrationFiles(), options: { waitMs?: number } = {}): Promise<string[]> {
  const client = await connect(url, options.waitMs ?? 60_000);
  try {
    await client.query(LOCK_SQL);
    const before = new Set(await appliedVersions(client));
    const pending = migrationVersions(files.migrationsDir).filter((v) => !before.has(v));
    if (pending.length === 0) return [];
    await run(files.dbmate, ["--url", url, "--migrations-dir", files.migrationsDir, "--no-dump-schema", "up"], { maxBuffer: 16 * 1024 * 1024 });
    const after = new Set(await appliedVersions(client));
    return pending.filter((v) => after.has(v));
  } finally {
    // Closing the session releases the lock, also when dbmate failed.
    await client.end().catch(() => undefined);
  }
}

/** Migration files not yet applied to the database, for an instance deciding whether it may serve. */
export async function pendingMigrations(url: string, files: MigrationFiles, options: { waitMs?: number } = {}): Promise<string[]> {
  const client = await connect(url, options.waitMs ?? 60_000);
  try {
    const applied = new Set(await appliedVersions(client));
    return migrationVersions(files.migrationsDir).filter((v) => !applied.has(v));
  } finally {
    await client.end().catch(() => undefined);
  }
}
