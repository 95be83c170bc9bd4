// Generates the typed Prisma client. `prisma generate` checks that a schema-engine binary exists even
// though generating does not run it; where the engine could not be downloaded (offline installs), we
// point it at a stand-in file. A machine that has the real engine is left alone.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const enginesDir = path.join(root, "node_modules", "@prisma", "engines");
const hasEngine =
  process.env.PRISMA_SCHEMA_ENGINE_BINARY !== undefined ||
  (existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine")));

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!hasEngine) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "package.json");

const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
