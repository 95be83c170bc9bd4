import { PrismaPg } from "@prisma/adapter-pg";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { closeDatabase, db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadPanelState, rateState, recordDiscretion, recordJudgement, signOffRatings } from "@/lib/panel";
import { SALFORD_JUDGEMENTS } from "@/tests/panel/test-support";
import { backupDatabase, restoreDatabase } from "./backup";
import { DEMO_PASSWORD, seedDemoData } from "./demo-data";
import { migrate } from "./embedded-database";

// The back-up drill: the demo data's Demoshire signed off by its lead (judgements, the report's two
// discretion decisions, the lead's password), backed up, restored into an empty database, and read
// back with the same panel figures, the same sign-off and the same audit trail, row for row.

const serverUrl = new URL(inject("databaseUrl"));
const suffix = `${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
const sourceName = `backup_source_${suffix}`;
const targetName = `backup_target_${suffix}`;
const urlOf = (database: string) => Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
const workDir = mkdtempSync(path.join(os.tmpdir(), "case-review-backup-"));
const backupFile = path.join(workDir, "drill.backup.gz");
const originalUrl = process.env.DATABASE_URL;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function clientFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Every table's rows, in a stable order, as PostgreSQL's JSON (what a restore must reproduce). */
async function everyRow(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const all: Record<string, unknown[]> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM "${name}" t ORDER BY to_jsonb(t)::text`);
      all[name] = rows.rows.map((r) => r.row);
    }
    return all;
  } finally {
    await client.end();
  }
}

async function panelOf(client: PrismaClient, inspectionId: string) {
  const state = await loadPanelState(client, inspectionId);
  return { figures: rateState(state), counts: state.counts, decisions: state.decisions, signOff: state.signOff, cases: state.cases };
}

describe("back-up and restore drill", () => {
  let demoshireId = "";

  beforeAll(async () => {
    await admin(async (client) => {
      await client.query(`CREATE DATABASE ${sourceName}`);
      await client.query(`CREATE DATABASE ${targetName}`);
    });
    migrate(urlOf(sourceName));
    // The use cases write through lib/db's one pool: point it at the source database.
    await closeDatabase();
    process.env.DATABASE_URL = urlOf(sourceName);
    await seedDemoData(db);
    const demoshire = await db.inspection.findFirstOrThrow({ where: { yjsName: { startsWith: "Demoshire" } }, select: { id: true } });
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@case-review.test" }, select: { id: true, role: true } });
    demoshireId = demoshire.id;
    for (const standardId of SALFORD_JUDGEMENTS) {
      await recordJudgement(lead, demoshireId, { standardId, rating: "Good", note: `Evidence for ${standardId}.` });
    }
    await recordDiscretion(lead, demoshireId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample, near the boundary." });
    await recordDiscretion(lead, demoshireId, { standardId: "2.4", rating: "Good", note: "Strong practice in the cases seen." });
    const completedNotApproved = await db.case.count({ where: { inspectionId: demoshireId, status: "completed" } });
    await signOffRatings(lead, demoshireId, { password: DEMO_PASSWORD, confirmUnapproved: completedNotApproved });
  }, 120_000);

  afterAll(async () => {
    await closeDatabase();
    process.env.DATABASE_URL = originalUrl;
    await admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${sourceName} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    });
    rmSync(workDir, { recursive: true, force: true });
  });

  it("restores a signed-off inspection into an empty database with the same figures, sign-off and audit trail", async () => {
    const header = await backupDatabase(urlOf(sourceName), backupFile);
    expect(header.tables.find((t) => t.name === "audit_events")?.rows).toBeGreaterThan(0);
    await restoreDatabase(backupFile, urlOf(targetName));

    const source = clientFor(urlOf(sourceName));
    const target = clientFor(urlOf(targetName));
    try {
      const before = await panelOf(source, demoshireId);
      const after = await panelOf(target, demoshireId);
      expect(before.figures.final.result.score).toBe(22);
      expect(before.figures.final.result.overallRating).toBe("Good");
      expect(before.signOff).not.toBeNull();
      expect(after).toEqual(before);

      const auditOrder = { orderBy: { id: "asc" } } as const;
      const sourceAudit = await source.auditEvent.findMany(auditOrder);
      expect(sourceAudit.map((e) => e.action)).toContain("panel.signed_off");
      expect(await target.auditEvent.findMany(auditOrder)).toEqual(sourceAudit);

      // Every row of every table, not only what the panel reads.
      expect(await everyRow(urlOf(targetName))).toEqual(await everyRow(urlOf(sourceName)));
    } finally {
      await source.$disconnect();
      await target.$disconnect();
    }

    // The restored database carries on: the audit log's ids continue after the restored ones.
    await closeDatabase();
    process.env.DATABASE_URL = urlOf(targetName);
    const lastId = (await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })).id;
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "auth.signed_out", entityType: "user", entityId: "drill" }));
    const next = await db.auditEvent.findFirstOrThrow({ where: { entityId: "drill" }, select: { id: true } });
    expect(next.id).toBe(lastId + 1n);
  });

  it("refuses to restore into a database that is not empty, and a file that is not a back-up", async () => {
    await expect(restoreDatabase(backupFile, urlOf(sourceName))).rejects.toThrow(/not empty/);
    const notABackup = path.join(workDir, "not-a-backup.gz");
    await pipeline(Readable.from(['{"hello":"world"}\n']), createGzip(), createWriteStream(notABackup));
    await expect(restoreDatabase(notABackup, urlOf(targetName))).rejects.toThrow(/not a Case Review back-up/);
  });
});
