// `npm run bench`: seeds a large dataset into a fresh embedded PostgreSQL and measures the paths the
// brief sets goals for, each against a raw SQL baseline measured in the same run, then writes
// bench/RESULTS.md with the machine and date. Ratios, not absolute times, are the point: this
// machine is shared. The production build (in .next-bench unless NEXT_DIST_DIR says otherwise) is
// built when stale and served on a free loopback port for the sections that go through HTTP.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "@/scripts/app-server";
import { freePort, startEmbeddedDatabase } from "@/scripts/embedded-database";
import { applyMigrations } from "@/scripts/migrations";
import { buildIfStale } from "@/scripts/next-build";
import { seedLargeDataset } from "./large-dataset";
import type { BenchContext, BenchSection, PureBenchSection } from "./section";

const SECTIONS: [string, () => Promise<{ default: BenchSection | PureBenchSection }>][] = [
  ["rating", () => import("./sections/rating")],
  ["inspection-list", () => import("./sections/inspection-list")],
  ["population-import", () => import("./sections/population-import")],
  ["answer-saves", () => import("./sections/answer-saves")],
  ["case-page-js", () => import("./sections/case-page-js")],
  ["case-page-compile", () => import("./sections/case-page-compile")],
  ["case-page-lighthouse", () => import("./sections/case-page-lighthouse")],
  ["report-export", () => import("./sections/report-export")],
  ["statistics", () => import("./sections/statistics")],
  // Last: it adds 15,000 signed-off inspections, which the sections above must not see.
  ["programme", () => import("./sections/programme")],
];
// `npm run bench -- answer-saves` runs only the named sections and prints them without writing
// RESULTS.md (which always holds a full run). Pure sections (timing pure functions on data of their
// own) run alone without the build and the database.
const PURE_SECTIONS = new Set(["statistics"]);
const ONLY = process.argv.slice(2);

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main() {
  if (ONLY.length > 0 && ONLY.every((name) => PURE_SECTIONS.has(name))) {
    // Pure sections only: no build, database or seeding to wait for.
    const report: string[] = [`Run ${new Date().toISOString()} on ${machine()}.`, ""];
    for (const [name, load] of SECTIONS) {
      if (!ONLY.includes(name)) continue;
      const section = (await load()).default as PureBenchSection;
      console.log(`Running: ${section.title}`);
      report.push(`## ${section.title}`, "", ...(await section.run()), "");
    }
    console.log(report.join("\n"));
    return;
  }
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  buildIfStale();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "case-review-bench-"));
  const database = await startEmbeddedDatabase({ dataDir: path.join(tmp, "pg"), port: await freePort(), database: "case_review_bench" });
  let app: AppServer | undefined;
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    console.log("Seeding 200 inspections × 60 cases, and one of 100 cases…");
    const seeded = Date.now();
    const large = await seedLargeDataset(database.url, { inspections: 200, casesPerInspection: 60, inspectors: 20, namePrefix: "Bench YJS " });
    const hundred = await seedLargeDataset(database.url, { inspections: 1, casesPerInspection: 100, inspectors: 20, namePrefix: "Bench 100 cases " });
    app = await startAppServer({ databaseUrl: database.url, port: await freePort() });
    const context: BenchContext = { databaseUrl: database.url, large, hundredCaseInspectionId: hundred.inspectionIds[0] as string, app };
    const report: string[] = [
      "# Benchmark results",
      "",
      `Run ${new Date().toISOString()} by \`npm run bench\` on ${machine()}.`,
      "",
      `Dataset: ${large.inspectionIds.length} inspections × 60 cases plus one of 100 cases, ${large.answerCount + hundred.answerCount} answers, seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s on an embedded PostgreSQL.`,
      "",
    ];
    for (const [name, load] of SECTIONS) {
      if (ONLY.length > 0 && !ONLY.includes(name)) continue;
      // Loaded only now: sections read DATABASE_URL when their modules load.
      const section = (await load()).default;
      console.log(`Running: ${section.title}`);
      report.push(`## ${section.title}`, "", ...(await ("pure" in section ? section.run() : section.run(context))), "");
    }
    console.log(report.join("\n"));
    if (ONLY.length === 0) {
      const out = path.join(__dirname, "RESULTS.md");
      writeFileSync(out, report.join("\n"));
      console.log(`\nWritten to ${out}`);
    }
  } finally {
    await app?.stop();
    const { closeDatabase } = await import("@/lib/db/client");
    await closeDatabase();
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
