// `npm start`: the whole app on one machine. Without DATABASE_URL it runs an embedded PostgreSQL
// whose data lives in .data/ (git-ignored), applies migrations, loads demo data into an empty
// database, builds if the sources changed, and serves. With DATABASE_URL it uses that database and
// loads demo data only when asked (--seed). A `.env` file in the checkout is read first; every
// variable is validated (lib/config/env.ts) before anything starts.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { ConfigurationError, parseEnvironment, parseServerEnvironment } from "@/lib/config/env";
import { loadDotEnv } from "./dot-env";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from "./demo-data";
import { sessionSecret } from "./local-secret";
import { buildIfStale, standaloneDir } from "./next-build";
import { serverNodeOptions } from "./server-memory";

const root = path.resolve(__dirname, "..");
const dataRoot = path.join(root, ".data");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const log = (line: string) => console.log(`[case-review] ${line}`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/**
 * PORT when set (refused clearly if taken); otherwise 3000 or the next free port, so a second
 * `npm start` serves a second instance on the same database instead of failing.
 */
async function choosePort(port: number | undefined): Promise<number> {
  if (port !== undefined) {
    if (!(await portIsFree(port))) throw new Error(`Port ${port} is already in use. Stop what is using it, or set PORT to another port.`);
    return port;
  }
  for (let port = 3000; port < 3100; port++) if (await portIsFree(port)) return port;
  throw new Error("No free port between 3000 and 3099: set PORT.");
}

async function hasUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) AS n FROM users")).rows[0].n) > 0;
  } finally {
    await client.end();
  }
}

async function main() {
  const started = Date.now();
  if (loadDotEnv(root)) log("Read .env.");
  // An external database is shared by instances, which must agree on the session secret and address.
  const config = process.env.DATABASE_URL ? parseServerEnvironment() : parseEnvironment();
  const port = await choosePort(config.PORT);
  if (port !== 3000 && config.PORT === undefined) log(`Port 3000 is in use (another instance?): serving on ${port}.`);
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({
      dataDir: path.join(dataRoot, "postgres"),
      port: config.EMBEDDED_PG_PORT,
      database: "case_review",
      log: (line) => (process.env.DEBUG_POSTGRES ? log(line) : undefined),
    });
    url = embedded.url;
    log("Embedded PostgreSQL is running (data in .data/postgres).");
  }
  await applyMigrations(url);
  const seedWanted = args.has("--seed") || (!config.DATABASE_URL && !(await hasUsers(url)));
  if (seedWanted) {
    if (await hasUsers(url)) log("The database already has users: demo data not loaded.");
    else {
      loadDemoData(url);
      log("Demo data loaded.");
    }
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: sessionSecret(dataRoot),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "0.0.0.0",
    // The production server within its memory budget; `next dev` compiles on demand and needs more.
    ...(dev ? {} : { NODE_OPTIONS: serverNodeOptions() }),
  };
  if (!dev) buildIfStale(log);
  // The production artefact through its entry script, as in a deployment (migrations are applied above).
  const [command, commandArgs] = dev
    ? [path.join(root, "node_modules", ".bin", "next"), ["dev", "-p", String(port)]]
    : [process.execPath, [path.join(standaloneDir(), "serve.js")]];
  const server = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  server.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|✓ Ready/.test(text)) {
      log(`Case Review is ready at http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) log(`  ${u.role.padEnd(15)} ${u.email}  (${u.name})`);
    }
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    await embedded?.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(error.message);
  else console.error(`[case-review] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
