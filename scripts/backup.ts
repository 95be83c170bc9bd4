// The back-up format of `npm run db:backup` / `npm run db:restore`: a gzipped, line-per-batch logical
// copy of every table, read in one consistent snapshot, with the migrations the database had.
//
// Why not pg_dump: the embedded server is PostgreSQL 18 and its npm package ships no pg_dump, and
// pg_dump refuses a server newer than itself (Debian 12's is 15). This format needs only the `pg`
// driver, so the same command and the drill in scripts/backup.int.test.ts work on every machine;
// an operator with a matching pg_dump can use it as well (README, "Back-up and restore").
//
// File layout, one JSON document per line:
//   {"format":"case-review-backup","formatVersion":1,"createdAt":…,"migrations":[…],"tables":[{"name","rows"}…]}
//   {"table":"users","rows":[…up to 1,000 rows, each as PostgreSQL's to_jsonb(row)…]}
// Tables come parents first (foreign keys), so a restore inserts them in file order.

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate, MIGRATIONS_DIR } from "./embedded-database";

const FORMAT = "case-review-backup";
const FORMAT_VERSION = 1;
const ROWS_PER_LINE = 1000;

export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** dbmate versions applied to the database backed up, in order. */
  migrations: string[];
  /** Every table, parents before children, with its row count. */
  tables: { name: string; rows: number }[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The public tables (dbmate's own excepted), ordered so that every table follows those it references. */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
    )
  ).rows.map((row) => row.name);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint con
       JOIN pg_class child ON child.oid = con.conrelid JOIN pg_class parent ON parent.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
       WHERE con.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((table) => !edges.some((e) => e.child === table && pending.has(e.parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...pending].join(", ")}`);
    for (const table of ready) {
      ordered.push(table);
      pending.delete(table);
    }
  }
  return ordered;
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const found = await client.query("SELECT 1 FROM pg_class WHERE relname = 'schema_migrations' AND relkind = 'r'");
  if (found.rowCount === 0) return [];
  return (await client.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
}

/** Writes a back-up of the database at `url` to `file` (through `file.partial`, renamed once complete). */
export async function backupDatabase(url: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const writeLine = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    // One snapshot for every table: rows written while the back-up runs are either all in or all out.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new Error("This database has no Case Review schema (no migrations applied): nothing to back up.");
    const tables: BackupHeader["tables"] = [];
    for (const name of await tablesInDependencyOrder(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
      tables.push({ name, rows: Number(rows[0]?.n ?? 0) });
    }
    const header: BackupHeader = { format: FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations, tables };
    await writeLine(JSON.stringify(header));
    for (const { name } of tables) {
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(name)} t`);
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${ROWS_PER_LINE} FROM backup_rows`);
        if (batch.rows.length === 0) break;
        // The rows stay PostgreSQL's own JSON text: never parsed here, so no value changes on the way.
        await writeLine(`{"table":${JSON.stringify(name)},"rows":[${batch.rows.map((r) => r.row).join(",")}]}`);
      }
      await client.query("CLOSE backup_rows");
    }
    await client.query("COMMIT");
    gzip.end();
    await written;
    renameSync(partial, file);
    return header;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

const DATA_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":(\[.*\])\}$/s;

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT) throw new Error("This file is not a Case Review back-up (made by `npm run db:backup`).");
  if (header.formatVersion !== FORMAT_VERSION) {
    throw new Error(`This back-up has format version ${header.formatVersion}; this version of Case Review reads ${FORMAT_VERSION}.`);
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw new Error("The back-up's header is incomplete.");
  return header as BackupHeader;
}

/** The migration versions in prisma/migrations (the file name's leading digits). */
function localMigrations(): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(MIGRATIONS_DIR)) {
    const version = /^(\d+)_.*\.sql$/.exec(file)?.[1];
    if (version) files.set(version, file);
  }
  return files;
}

/**
 * Restores `file` into the empty database at `url`: builds the schema the back-up was taken at (its
 * own migrations, no more), loads every table in one transaction, checks each table's row count
 * against the header, moves sequences past the restored ids, then applies any newer migrations.
 */
export async function restoreDatabase(file: string, url: string): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const header = parseHeader((await iterator.next()).value as string | undefined);
    const existing = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LIMIT 1`,
    );
    if (existing.rowCount !== 0) {
      throw new Error("The target database is not empty: restore into a new, empty database (for example `createdb case_review_restored`).");
    }
    const local = localMigrations();
    const unknown = header.migrations.filter((version) => !local.has(version));
    if (unknown.length > 0) {
      throw new Error(`The back-up has migrations this version of Case Review does not know (${unknown.join(", ")}): restore it with the version that made it, or a newer one.`);
    }
    // The schema as it was when the back-up was made, so every row fits its table.
    const asBackedUp = mkdtempSync(path.join(os.tmpdir(), "case-review-restore-"));
    try {
      for (const version of header.migrations) symlinkSync(path.join(MIGRATIONS_DIR, local.get(version) as string), path.join(asBackedUp, local.get(version) as string));
      migrate(url, asBackedUp);
    } finally {
      rmSync(asBackedUp, { recursive: true, force: true });
    }

    await client.query("BEGIN");
    const restored = new Map<string, number>();
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const line = next.value as string;
      if (line === "") continue;
      const match = DATA_LINE.exec(line);
      if (!match) throw new Error("The back-up file is damaged (a line is not a table's rows).");
      const table = JSON.parse(match[1] as string) as string;
      if (!header.tables.some((t) => t.name === table)) throw new Error(`The back-up has rows for a table its header does not list: ${table}.`);
      const inserted = await client.query(`INSERT INTO ${quoteIdent(table)} SELECT * FROM jsonb_populate_recordset(NULL::${quoteIdent(table)}, $1::jsonb)`, [match[2]]);
      restored.set(table, (restored.get(table) ?? 0) + (inserted.rowCount ?? 0));
    }
    for (const { name, rows } of header.tables) {
      if ((restored.get(name) ?? 0) !== rows) {
        throw new Error(`The back-up is incomplete: ${name} should have ${rows} rows, the file has ${restored.get(name) ?? 0}.`);
      }
    }
    // Ids given by sequences (audit_events.id) continue after the restored ones.
    const sequences = await client.query<{ table_name: string; column_name: string; sequence: string }>(
      `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
       FROM information_schema.columns WHERE table_schema = 'public' AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
    );
    for (const s of sequences.rows) {
      await client.query(`SELECT setval($1, COALESCE((SELECT max(${quoteIdent(s.column_name)}) FROM ${quoteIdent(s.table_name)}), 0) + 1, false)`, [s.sequence]);
    }
    await client.query("COMMIT");
    migrate(url);
    return header;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    await client.end();
  }
}
