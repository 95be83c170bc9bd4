import { listInspectionsFor } from "@/lib/inspections/queries";
import { benchManager, withSqlClient } from "../database";
import { measure, ms } from "../measure";
import { verdict, type BenchSection } from "../section";

// Issue 7: a manager's list of every inspection, through the app's use case and as raw SQL.
const RAW_LIST = `
  SELECT i.id, i.yjs_name, i.framework_version, i.fieldwork_start, i.status,
         (SELECT count(*) FROM cases c WHERE c.inspection_id = i.id AND c.removed_at IS NULL) AS cases
  FROM inspections i ORDER BY i.fieldwork_start DESC, i.yjs_name`;

const section: BenchSection = {
  title: "A manager's list of all inspections (issue 7)",
  async run({ databaseUrl, large }) {
    const manager = await benchManager(large);
    return withSqlClient(databaseUrl, async (client) => {
      const count = (await listInspectionsFor(manager)).length;
      const app = await measure(() => listInspectionsFor(manager), { runs: 50 });
      const raw = await measure(() => client.query(RAW_LIST), { runs: 50 });
      const ratio = app.medianMs / raw.medianMs;
      return [
        `${count} inspections listed.`,
        "",
        "| Path | Median | p95 |",
        "|---|---|---|",
        `| listInspectionsFor (Prisma, as the home page calls it) | ${ms(app.medianMs)} | ${ms(app.p95Ms)} |`,
        `| Raw SQL, same columns and counts | ${ms(raw.medianMs)} | ${ms(raw.p95Ms)} |`,
        "",
        verdict(ratio <= 2, `the app's list takes ${ratio.toFixed(2)}× the raw query (goal: within 2×).`),
      ];
    });
  },
};

export default section;
