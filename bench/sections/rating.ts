import pg from "pg";
import { getFramework } from "@/lib/framework";
import { db } from "@/lib/db/client";
import { panelFigures } from "@/lib/panel";
import { countsFromAnswers, rateInspection, type AnswerForCounting, type CaseForCounting } from "@/lib/rating";
import { measure, ms } from "../measure";
import { verdict, type BenchSection } from "../section";

// Issue 3: rating an inspection of 100 cases with every answer given, the pure roll-up alone and
// against one raw SQL aggregate over the same rows.
const RAW_AGGREGATE = `
  SELECT a.question_id,
         count(*) FILTER (WHERE a.value = 'yes') AS yes,
         count(*) FILTER (WHERE a.value = 'no') AS no
  FROM answers a JOIN cases c ON c.id = a.case_id
  WHERE c.inspection_id = $1 AND c.removed_at IS NULL AND c.status IN ('completed', 'approved')
  GROUP BY a.question_id`;

const section: BenchSection = {
  title: "Rating an inspection of 100 cases (issue 3)",
  async run({ databaseUrl, hundredCaseInspectionId }) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const fw = getFramework("yjs-2021");
      const cases = (
        await client.query(
          `SELECT id, status, stream, disposal_type, harm_factors, safety_wellbeing_factors FROM cases WHERE inspection_id = $1`,
          [hundredCaseInspectionId],
        )
      ).rows.map(
        (r): CaseForCounting => ({
          id: r.id,
          status: r.status,
          attributes: { stream: r.stream, disposalType: r.disposal_type, harmFactors: r.harm_factors, safetyWellbeingFactors: r.safety_wellbeing_factors },
        }),
      );
      const answers = (
        await client.query(`SELECT a.case_id, a.question_id, a.value FROM answers a JOIN cases c ON c.id = a.case_id WHERE c.inspection_id = $1`, [
          hundredCaseInspectionId,
        ])
      ).rows.map((r): AnswerForCounting => ({ caseId: r.case_id, questionId: r.question_id, value: r.value }));

      const judgements = { "1.1": "Good", "1.2": "Good", "1.3": "Good", "1.4": "Good", "3.4": "Good", "4.1": "Good" } as const;
      const pure = await measure(() => rateInspection({ framework: "yjs-2021", keyQuestions: countsFromAnswers(fw, cases, answers).final, judgements }), {
        runs: 500,
      });
      const raw = await measure(() => client.query(RAW_AGGREGATE, [hundredCaseInspectionId]), { runs: 200 });
      const member = await db.user.findFirstOrThrow({
        where: { memberships: { some: { inspectionId: hundredCaseInspectionId } } },
        select: { id: true, role: true },
      });
      const whole = await measure(() => panelFigures(member, hundredCaseInspectionId), { runs: 200 });
      const ratio = whole.medianMs / raw.medianMs;
      return [
        `${cases.length} cases, ${answers.length} answers.`,
        "",
        "| Path | Median | p95 |",
        "|---|---|---|",
        `| Pure roll-up (counts from answer rows + rateInspection) | ${ms(pure.medianMs)} | ${ms(pure.p95Ms)} |`,
        `| Whole path: panelFigures (rights check, rows from PostgreSQL, counts, final and provisional ratings, decision support) | ${ms(whole.medianMs)} | ${ms(whole.p95Ms)} |`,
        `| One raw SQL aggregate over the same rows | ${ms(raw.medianMs)} | ${ms(raw.p95Ms)} |`,
        "",
        verdict(ratio <= 2, `the whole path takes ${ratio.toFixed(2)}× the raw aggregate (goal: within 2×).`),
      ];
    } finally {
      await client.end();
    }
  },
};

export default section;
