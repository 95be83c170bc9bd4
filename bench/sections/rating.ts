import { getFramework } from "@/lib/framework";
import { db } from "@/lib/db/client";
import { panelFigures, type ProvisionalRating } from "@/lib/panel";
import { countsFromAnswers, rateInspection, type AnswerForCounting, type CaseForCounting } from "@/lib/rating";
import { withSqlClient } from "../database";
import { measure, measureInterleaved, ms } from "../measure";
import { verdict, type BenchSection } from "../section";

// Issue 3: rating an inspection of 100 cases with every answer given, the pure roll-up alone and
// the panel's whole path against one raw SQL aggregate of the same figures.
//
// The panel shows final figures (completed and approved cases) beside provisional ones (every answer
// so far), so the baseline counts both: yes and no per key question, for final cases and for all. The
// seeded answers all apply to their cases (each case answers its own stream's key questions, with
// harm and safety factors judged present), so these plain counts are the panel's numbers, over
// applicable answers; the section checks that before timing anything.
const RAW_AGGREGATE = `
  SELECT a.question_id,
         count(*) FILTER (WHERE a.value = 'yes' AND c.status IN ('completed', 'approved')) AS final_yes,
         count(*) FILTER (WHERE a.value = 'no' AND c.status IN ('completed', 'approved')) AS final_no,
         count(*) FILTER (WHERE a.value = 'yes') AS yes,
         count(*) FILTER (WHERE a.value = 'no') AS no
  FROM answers a JOIN cases c ON c.id = a.case_id
  WHERE c.inspection_id = $1 AND c.removed_at IS NULL
  GROUP BY a.question_id`;

// The narrowest aggregate (final figures only), shown for comparison: the previous baseline.
const RAW_FINAL_ONLY = `
  SELECT a.question_id,
         count(*) FILTER (WHERE a.value = 'yes') AS yes,
         count(*) FILTER (WHERE a.value = 'no') AS no
  FROM answers a JOIN cases c ON c.id = a.case_id
  WHERE c.inspection_id = $1 AND c.removed_at IS NULL AND c.status IN ('completed', 'approved')
  GROUP BY a.question_id`;

interface RawRow {
  question_id: string;
  final_yes: string;
  final_no: string;
  yes: string;
  no: string;
}

/** "yes/applicable" per key question, the numbers a key question's % and band are read from. */
function panelNumbers(rating: ProvisionalRating): Map<string, string> {
  return new Map(rating.result.standards.flatMap((s) => s.keyQuestions.map((k) => [k.id, `${k.yes}/${k.applicable}`])));
}

function rawNumbers(rows: readonly RawRow[], which: "final" | "all"): Map<string, string> {
  return new Map(
    rows.map((r) => {
      const yes = Number(which === "final" ? r.final_yes : r.yes);
      const no = Number(which === "final" ? r.final_no : r.no);
      return [r.question_id, `${yes}/${yes + no}`];
    }),
  );
}

function sameNumbers(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);
}

const section: BenchSection = {
  title: "Rating an inspection of 100 cases (issue 3)",
  async run({ databaseUrl, hundredCaseInspectionId }) {
    return withSqlClient(databaseUrl, async (client) => {
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
      const member = await db.user.findFirstOrThrow({
        where: { memberships: { some: { inspectionId: hundredCaseInspectionId } } },
        select: { id: true, role: true },
      });

      // The baseline must give the numbers the panel shows, final and provisional.
      const figures = await panelFigures(member, hundredCaseInspectionId);
      const rawRows = (await client.query<RawRow>(RAW_AGGREGATE, [hundredCaseInspectionId])).rows;
      if (!sameNumbers(panelNumbers(figures.final), rawNumbers(rawRows, "final")) || !sameNumbers(panelNumbers(figures.provisional), rawNumbers(rawRows, "all"))) {
        throw new Error("The raw aggregate's yes/applicable per key question differ from the panel's: the comparison would not be fair.");
      }

      const [whole, raw, finalOnly] = await measureInterleaved(
        [
          () => panelFigures(member, hundredCaseInspectionId),
          () => client.query(RAW_AGGREGATE, [hundredCaseInspectionId]),
          () => client.query(RAW_FINAL_ONLY, [hundredCaseInspectionId]),
        ],
        300,
      );
      if (!whole || !raw || !finalOnly) throw new Error("A timing is missing");
      const ratio = whole.medianMs / raw.medianMs;
      return [
        `${cases.length} cases, ${answers.length} answers. The last three paths were timed in turn, round after round (300 rounds), so they share the machine's load; the raw queries run on a connection of their own.`,
        "",
        "| Path | Median | p95 |",
        "|---|---|---|",
        `| Pure roll-up (counts from answer rows + rateInspection) | ${ms(pure.medianMs)} | ${ms(pure.p95Ms)} |`,
        `| Whole path: panelFigures (rights check, rows from PostgreSQL, counts, final and provisional ratings, decision support) | ${ms(whole.medianMs)} | ${ms(whole.p95Ms)} |`,
        `| One raw SQL aggregate of the same figures (yes and no per key question, final and provisional; checked equal to the panel's) | ${ms(raw.medianMs)} | ${ms(raw.p95Ms)} |`,
        `| For comparison: a raw aggregate of the final figures only | ${ms(finalOnly.medianMs)} | ${ms(finalOnly.p95Ms)} |`,
        "",
        verdict(
          ratio <= 2,
          `the whole path takes ${ratio.toFixed(2)}× the raw aggregate of the same figures (goal: within 2×); ${(whole.medianMs / finalOnly.medianMs).toFixed(2)}× the final-only one.`,
        ),
      ];
    });
  },
};

export default section;
