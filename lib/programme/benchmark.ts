// One inspection's key questions beside the programme's: its % yes, the median and quartiles of
// the signed-off and published inspections of the same framework version, and its percentile
// ("2.1.3: 62%, 31st percentile of 40 inspections"). The others' figures come from
// programme_figures in one statement; the distributions from lib/statistics.

import "server-only";
import { db, sqlQuery } from "@/lib/db/client";
import { getFramework, isFrameworkVersion, type FrameworkVersion } from "@/lib/framework";
import { loadPanelState, rateState } from "@/lib/panel";
import { programmeFiguresOf } from "@/lib/panel/programme-figures";
import { authorize, type Actor } from "@/lib/permissions/access";
import { median, percentileRank, quantile } from "@/lib/statistics/distribution";
import { caseRatedKeyQuestionIds } from "./load";

export interface KeyQuestionBenchmark {
  /** Key question id, e.g. "2.1.3"; every case-rated key question of the version, in framework order. */
  readonly id: string;
  /** This inspection's whole-number % yes; null when it has no figures for the key question. */
  readonly percentYes: number | null;
  /** Median (type 7) of the compared inspections' % yes; null when there are none. */
  readonly programmeMedian: number | null;
  /** First and third quartiles (type 7); the interquartile range is q3 − q1. */
  readonly q1: number | null;
  readonly q3: number | null;
  /**
   * Mid-rank percentile (0–100, not rounded) of percentYes among the compared inspections, this one
   * included: ties share a rank. Null when this inspection has no figures for the key question.
   */
  readonly percentile: number | null;
  /**
   * How many inspections the median, quartiles and percentile are taken over: every other
   * signed-off or published inspection of the same framework version with figures for this key
   * question, plus this one when it has figures. Never another framework version's.
   */
  readonly comparedWith: number;
}

export interface InspectionBenchmark {
  readonly inspectionId: string;
  readonly frameworkVersion: FrameworkVersion;
  /**
   * Where this inspection's own % yes come from: "signed_off", its figures as signed off;
   * "final_so_far", the panel's final figures now (completed and approved cases only), which may
   * still change.
   */
  readonly figures: "signed_off" | "final_so_far";
  readonly keyQuestions: readonly KeyQuestionBenchmark[];
}

const BENCHMARK_SQL = `
  SELECT i.framework_version, f.key_question_percents AS own,
    (SELECT coalesce(json_object_agg(g.key, g.percents), '{}') FROM (
       SELECT kq.key, json_agg(kq.value::int) AS percents
         FROM programme_figures o, jsonb_each_text(o.key_question_percents) kq
        WHERE o.framework_version = i.framework_version AND o.inspection_id IS DISTINCT FROM i.id
        GROUP BY kq.key) g) AS others
  FROM inspections i LEFT JOIN programme_figures f ON f.inspection_id = i.id
  WHERE i.id = $1::uuid`;

/**
 * The benchmark of one inspection's key questions for its ratings panel: allowed to whoever may
 * see the panel (panel.view). NotFoundError for no such inspection (a published one included: it
 * has no panel), ForbiddenError without the right.
 */
export async function keyQuestionBenchmark(actor: Actor, inspectionId: string): Promise<InspectionBenchmark> {
  await authorize(actor, inspectionId, "panel.view");
  const row = (
    await sqlQuery<{ framework_version: string; own: Record<string, number> | null; others: Record<string, number[]> }>(BENCHMARK_SQL, [inspectionId])
  ).rows[0]!;
  if (!isFrameworkVersion(row.framework_version)) throw new Error(`Inspection ${inspectionId} has an unknown framework version`);
  const own = row.own ?? programmeFiguresOf(rateState(await loadPanelState(db, inspectionId)).final.result).keyQuestionPercents;
  const keyQuestions = caseRatedKeyQuestionIds(getFramework(row.framework_version)).map((id): KeyQuestionBenchmark => {
    const percentYes = own[id] ?? null;
    const population = percentYes === null ? (row.others[id] ?? []) : [...(row.others[id] ?? []), percentYes];
    return {
      id,
      percentYes,
      programmeMedian: median(population),
      q1: quantile(population, 0.25),
      q3: quantile(population, 0.75),
      percentile: percentYes === null ? null : percentileRank(percentYes, population),
      comparedWith: population.length,
    };
  });
  return { inspectionId, frameworkVersion: row.framework_version, figures: row.own ? "signed_off" : "final_so_far", keyQuestions };
}
