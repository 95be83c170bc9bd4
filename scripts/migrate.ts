// `npm run db:migrate`: applies pending migrations to DATABASE_URL (from the environment or .env).
import path from "node:path";
import { ConfigurationError, parseEnvironment } from "@/lib/config/env";
import { loadDotEnv } from "./dot-env";
import { migrate } from "./embedded-database";

loadDotEnv(path.resolve(__dirname, ".."));
try {
  const url = parseEnvironment().DATABASE_URL;
  if (!url) throw new ConfigurationError(["DATABASE_URL: required to know which database to migrate"]);
  migrate(url);
  console.log("Migrations applied.");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
