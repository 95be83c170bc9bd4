import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Loads `.env` from `dir` into process.env, variables already set winning (as with any .env loader),
 * so an operator's file decides between the embedded and an external database before anything
 * looks. Returns whether a file was loaded. process.loadEnvFile arrived in Node 20.12.
 */
export function loadDotEnv(dir: string): boolean {
  const file = path.join(dir, ".env");
  if (!existsSync(file) || typeof process.loadEnvFile !== "function") return false;
  process.loadEnvFile(file);
  return true;
}
