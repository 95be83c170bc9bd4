// `npm run test:e2e`: Playwright journeys in Debian's Chromium against a production build, on a fresh
// embedded PostgreSQL with the demo data. Extra arguments go to `playwright test`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForServer } from "./app-server";
import { freePort, startEmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";
import { buildIfStale, standaloneDir } from "./next-build";
import { serverNodeOptions } from "./server-memory";

const root = path.resolve(__dirname, "..");

async function main(): Promise<number> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium was not found at ${chromium}. Install it with: apt-get install -y chromium`);
    return 1;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "case-review-e2e-"));
  const database = await startEmbeddedDatabase({ dataDir: path.join(tmp, "pg"), port: await freePort(), database: "case_review_e2e" });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const [{ seedDemoData }, { db, closeDatabase }] = await Promise.all([import("./demo-data"), import("@/lib/db/client")]);
    await seedDemoData(db);
    await closeDatabase();

    buildIfStale();
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // Every test browser signs in from 127.0.0.1.
      SIGN_IN_ATTEMPTS_PER_CLIENT: "1000",
      NODE_OPTIONS: serverNodeOptions(),
    };
    server = spawn(process.execPath, [path.join(standaloneDir(), "serve.js")], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    await waitForServer(`${baseUrl}/sign-in`, 60_000);
    const result = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_AUTH_DIR: path.join(tmp, "auth") },
    });
    return result.status ?? 1;
  } finally {
    server?.kill("SIGTERM");
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
