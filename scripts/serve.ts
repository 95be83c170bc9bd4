// The production entry point: `node .next/standalone/serve.js [--migrate | --migrate-only]`.
// `npm run build` bundles this file into the standalone folder beside Next's server.js, with the
// migrations and the dbmate binary (scripts/next-build.ts), so the folder runs on its own: in the
// container image (Dockerfile), behind nginx (compose.yaml, the scale-out fault test) and for
// `npm start`. It reads .env from the working directory, refuses a configuration that is not valid,
// applies pending migrations when asked (under an advisory lock, so instances starting together
// apply them once), refuses to serve a database with migrations pending, then runs server.js.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigurationError, parseServerEnvironment } from "@/lib/config/env";
import { loadDotEnv } from "./dot-env";
import { applyMigrations, pendingMigrations, type MigrationFiles } from "./migrations";

const here = __dirname;
const files: MigrationFiles = { migrationsDir: path.join(here, "prisma", "migrations"), dbmate: path.join(here, "bin", "dbmate") };
const args = new Set(process.argv.slice(2));
const log = (message: string) => console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), msg: message }));

async function main(): Promise<void> {
  const unknown = [...args].filter((a) => a !== "--migrate" && a !== "--migrate-only");
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(" ")}: use --migrate (apply pending migrations, then serve) or --migrate-only.`);
  loadDotEnv(process.cwd());
  const config = parseServerEnvironment();
  if (args.has("--migrate") || args.has("--migrate-only")) {
    const applied = await applyMigrations(config.DATABASE_URL, files);
    log(applied.length > 0 ? `Applied migrations ${applied.join(", ")}.` : "No migrations pending.");
    if (args.has("--migrate-only")) return;
  } else {
    const pending = await pendingMigrations(config.DATABASE_URL, files);
    if (pending.length > 0) {
      throw new Error(`The database lacks ${pending.length} migration(s) (${pending.join(", ")}): run the migrate step (serve.js --migrate-only) or start with --migrate.`);
    }
  }
  // Next's standalone server reads PORT and HOSTNAME itself.
  process.env.PORT = String(config.PORT ?? 3000);
  process.env.HOSTNAME ??= "0.0.0.0";
  // A runtime URL, so the bundler leaves Next's server to be loaded as it is.
  await import(pathToFileURL(path.join(here, "server.js")).href);
}

main().then(
  () => {
    if (args.has("--migrate-only")) process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : `Case Review cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
