// Runs in each integration test worker before any test module is imported, so lib/db connects to
// the database that scripts/test-database.ts started.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
