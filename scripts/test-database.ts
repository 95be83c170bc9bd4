// Vitest global set-up for integration tests: a real PostgreSQL, migrated, shared by the run.
// TEST_DATABASE_URL points the tests at an existing server instead (its database is used as is).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await applyMigrations(external);
    project.provide("databaseUrl", external);
    return;
  }
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "case-review-test-")), "pg");
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort(), database: "case_review_test" });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  };
}
