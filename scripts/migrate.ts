// `npm run db:migrate`: applies pending migrations to DATABASE_URL (from the environment or .env).
import path from "node:path";
import { ConfigurationError, parseEnvironment } from "@/lib/config/env";
import { loadDotEnv } from "./dot-env";
import { applyMigrations } from "./migrations";

loadDotEnv(path.resolve(__dirname, ".."));
async function main() {
  const url = parseEnvironment().DATABASE_URL;
  if (!url) throw new ConfigurationError(["DATABASE_URL: required to know which database to migrate"]);
  const applied = await applyMigrations(url);
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "The database is up to date.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
