import pg from "pg";
import { db } from "@/lib/db/client";
import { importPopulation } from "@/lib/population/import";
import { benchManager } from "../database";
import { ms } from "../measure";
import { verdict, type BenchSection } from "../section";

// Issue 4: "files of 5,000 rows import in seconds". The whole use case (parse, validate every row,
// write in one transaction, audit) against a raw multi-row INSERT of the same rows.
const ROWS = 5000;

function populationCsv(rows: number): string {
  const lines = ["reference,stream,disposal_type,disposal_date,gender,ethnicity,age,rosh,safety_wellbeing,case_manager"];
  const court = ["referral_order", "youth_rehabilitation_order", "community_sentence"];
  const ooc = ["youth_caution", "community_resolution", "youth_conditional_caution"];
  const levels = ["low", "medium", "high", "very_high"];
  for (let i = 0; i < rows; i++) {
    const isCourt = i % 5 < 3;
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 9)).padStart(2, "0");
    lines.push(
      [
        `POP-${String(i).padStart(5, "0")}`,
        isCourt ? "court" : "out_of_court",
        (isCourt ? court : ooc)[i % 3],
        `2025-${month}-${day}`,
        i % 4 === 0 ? "female" : "male",
        `E${i % 9}`,
        String(10 + (i % 8)),
        levels[i % 4],
        levels[(i + 1) % 4],
        `CM${i % 40}`,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

const section: BenchSection = {
  title: "Importing a 5,000-row population file (issue 4)",
  async run({ databaseUrl, large }) {
    const manager = await benchManager(large);
    const inspection = await db.inspection.create({
      data: { yjsName: "Bench import", frameworkVersion: "yjs-2021", fieldworkStart: new Date("2026-01-05"), status: "setup" },
    });
    const content = new TextEncoder().encode(populationCsv(ROWS));
    const started = process.hrtime.bigint();
    const result = await importPopulation(manager, { inspectionId: inspection.id, fileName: "bench.csv", content });
    const appMs = Number(process.hrtime.bigint() - started) / 1e6;
    const imported = await db.populationCase.count({ where: { inspectionId: inspection.id } });

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let rawMs: number;
    try {
      const scratch = await db.inspection.create({
        data: { yjsName: "Bench raw import", frameworkVersion: "yjs-2021", fieldworkStart: new Date("2026-01-05"), status: "setup" },
      });
      const importRow = await db.populationImport.create({
        data: { inspectionId: scratch.id, fileName: "raw.csv", sha256: "raw", rowCount: ROWS, importedById: manager.id },
      });
      const rawStarted = process.hrtime.bigint();
      await client.query(
        `INSERT INTO population_cases (inspection_id, import_id, reference, stream, disposal_type, disposal_date, gender, age, rosh, safety_wellbeing)
         SELECT $1, $2, 'RAW-' || i, CASE WHEN i % 5 < 3 THEN 'court'::stream ELSE 'out_of_court'::stream END, 'referral_order',
                date '2025-01-01' + (i % 250), 'male', 10 + (i % 8), 'low', 'medium'
         FROM generate_series(1, $3::int) AS i`,
        [scratch.id, importRow.id, ROWS],
      );
      rawMs = Number(process.hrtime.bigint() - rawStarted) / 1e6;
    } finally {
      await client.end();
    }
    const ok = result.status === "imported";
    return [
      `${(content.byteLength / 1024).toFixed(0)} KB file, ${ROWS} rows; ${imported} rows written.`,
      "",
      "| Path | Time |",
      "|---|---|",
      `| importPopulation (parse, validate every row, write in one transaction, audit) | ${ms(appMs)} |`,
      `| One raw INSERT … SELECT of the same number of rows | ${ms(rawMs)} |`,
      "",
      verdict(ok && imported === ROWS && appMs < 5000, `the import took ${(appMs / 1000).toFixed(2)} s (goal: seconds, under 5 s).`),
    ];
  },
};

export default section;
