// `npm run retention`: lists the inspections whose case text is due for erasure under
// CASE_CONTENT_RETENTION_MONTHS; `npm run retention -- --erase` erases it (lib/retention). Safe to
// schedule daily on one or several instances: each erasure locks its inspection and re-checks it.
import { closeDatabase } from "@/lib/db/client";
import { runRetention } from "@/lib/retention";

async function main() {
  const erase = process.argv.includes("--erase");
  const run = await runRetention({ erase });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  console.log(`Retention period: ${run.months} months after sign-off. Due for erasure: ${run.due.length}.`);
  for (const row of run.due) console.log(`  ${row.yjsName}: signed off ${day(row.signedOffAt)}, due ${day(row.dueAt)}`);
  if (!erase) {
    if (run.due.length > 0) console.log("Nothing erased: run `npm run retention -- --erase` to erase it.");
    return;
  }
  for (const { row, counts } of run.erased) {
    console.log(
      `Erased ${row.yjsName}: ${counts.answers} answers, ${counts.cases} cases' notes and reasons, ${counts.comments} comments, ` +
        `${counts.evidence} evidence items, ${counts.moderation} moderation records, ${counts.auditEvents} audit payloads redacted, ${counts.changeRecords} change records removed.`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
