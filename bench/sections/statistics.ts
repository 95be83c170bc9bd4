import { allKeyQuestions, getFramework } from "@/lib/framework";
import { createSeededRandom } from "@/lib/sampling/seeded-random";
import { agreementBreakdown, type AgreementObservation, type Judgement } from "@/lib/statistics/agreement";
import { boxSummary, percentileRank, scoreHistogram, valuesOfOneVersion, type VersionedValue } from "@/lib/statistics/distribution";
import { measureInterleaved, ms } from "../measure";
import { verdict, type PureBenchSection } from "../section";

// Issues 16 and 17: the statistics are pure functions over figures already loaded, so they are timed
// on seeded synthetic data of the stated sizes, each against a trivial baseline over the same data
// in the same run (one pass that only counts), interleaved round by round so both see the same load:
//   - agreement: every key question of yjs-2021 answered for 100 cases by an inspector (ten of them)
//     and a second assessor, about 1 in 10 judgements different and 1 in 50 applicability different;
//     agreementBreakdown gives overall, per key question, per standard and per inspector figures;
//   - distribution: 1,500 signed-off inspections' % yes per key question and score; per key question
//     the version guard, box summary and one inspection's percentile, then the score histogram.
// The goal: each stays a small part (under 10%, 30 ms) of the 300 ms a programme or panel page may take.

const CASES = 100;
const INSPECTIONS = 1500;
const PAGE_BUDGET_MS = 300;

function agreementData(): AgreementObservation[] {
  const random = createSeededRandom("bench-agreement");
  const keyQuestions = allKeyQuestions(getFramework("yjs-2021"));
  const observations: AgreementObservation[] = [];
  for (let c = 0; c < CASES; c++) {
    const inspectorId = `inspector-${c % 10}`;
    for (const kq of keyQuestions) {
      const roll = random.next();
      const first: Judgement = roll < 0.05 ? "not_applicable" : roll < 0.8 ? "yes" : "no";
      const change = random.next();
      const second: Judgement =
        change < 0.02 ? (first === "not_applicable" ? "yes" : "not_applicable") : change < 0.12 && first !== "not_applicable" ? (first === "yes" ? "no" : "yes") : first;
      observations.push({ keyQuestionId: kq.id, standardId: kq.standardId, inspectorId, first, second });
    }
  }
  return observations;
}

function distributionData(): { byKeyQuestion: VersionedValue[][]; scores: number[] } {
  const random = createSeededRandom("bench-distribution");
  const keyQuestions = allKeyQuestions(getFramework("yjs-2021"));
  const byKeyQuestion = keyQuestions.map(() =>
    Array.from({ length: INSPECTIONS }, (): VersionedValue => ({ frameworkVersion: "yjs-2021", value: 40 + random.nextInt(61) })),
  );
  const scores = Array.from({ length: INSPECTIONS }, () => random.nextInt(37));
  return { byKeyQuestion, scores };
}

const section: PureBenchSection = {
  title: "Agreement and distribution statistics (issues 16 and 17)",
  pure: true,
  async run() {
    const observations = agreementData();
    const { byKeyQuestion, scores } = distributionData();
    let sink = 0;

    const agreementStatistics = () => {
      sink += agreementBreakdown(observations).overall.agreed;
    };
    // The least any per-key-question figure needs: one pass counting agreed pairs per key question.
    const agreementBaseline = () => {
      const agreed = new Map<string, number>();
      for (const o of observations) if (o.first === o.second) agreed.set(o.keyQuestionId, (agreed.get(o.keyQuestionId) ?? 0) + 1);
      sink += agreed.size;
    };
    const distributionStatistics = () => {
      for (const values of byKeyQuestion) {
        const plain = valuesOfOneVersion(values);
        sink += boxSummary(plain)!.median + percentileRank(plain[0]!, plain)!;
      }
      sink += scoreHistogram(scores, 36).length;
    };
    // One pass over the same figures: the sum of each key question's values and the scores.
    const distributionBaseline = () => {
      for (const values of byKeyQuestion) for (const v of values) sink += v.value;
      for (const s of scores) sink += s;
    };

    const [agreementTime, agreementBase, distributionTime, distributionBase] = await measureInterleaved(
      [agreementStatistics, agreementBaseline, distributionStatistics, distributionBaseline],
      200,
    );
    if (sink === 0) throw new Error("the timed functions computed nothing");
    const agreementRatio = agreementTime!.medianMs / agreementBase!.medianMs;
    const distributionRatio = distributionTime!.medianMs / distributionBase!.medianMs;
    const ok = (t: number) => t < PAGE_BUDGET_MS / 10;
    const keyQuestionCount = byKeyQuestion.length;
    return [
      `${CASES} cases × ${keyQuestionCount} key questions = ${observations.length} pairs of judgements; ${INSPECTIONS} inspections × ${keyQuestionCount} key questions and scores. Seeded synthetic data; each statistic and its baseline timed in turn, round after round (200 rounds).`,
      "",
      "| Path | Median | p95 | Ratio to its baseline |",
      "|---|---|---|---|",
      `| agreementBreakdown: percent agreement, kappa and AC1 with 80% intervals, overall and per key question, standard and inspector | ${ms(agreementTime!.medianMs)} | ${ms(agreementTime!.p95Ms)} | ${agreementRatio.toFixed(1)}× |`,
      `| Baseline: one pass counting agreed pairs per key question | ${ms(agreementBase!.medianMs)} | ${ms(agreementBase!.p95Ms)} | 1× |`,
      `| Distributions: version guard, box summary and a percentile per key question, score histogram | ${ms(distributionTime!.medianMs)} | ${ms(distributionTime!.p95Ms)} | ${distributionRatio.toFixed(1)}× |`,
      `| Baseline: one pass summing the same figures | ${ms(distributionBase!.medianMs)} | ${ms(distributionBase!.p95Ms)} | 1× |`,
      "",
      verdict(
        ok(agreementTime!.medianMs) && ok(distributionTime!.medianMs),
        `agreement over a 100-case inspection takes ${ms(agreementTime!.medianMs)} and the distributions over ${INSPECTIONS} inspections ${ms(distributionTime!.medianMs)} (goal: each under ${PAGE_BUDGET_MS / 10} ms, a tenth of the page's ${PAGE_BUDGET_MS} ms).`,
      ),
    ];
  },
};

export default section;
