// Loads what the ratings panel is computed from, in three queries run together: the inspection, one
// SQL aggregate of its cases' answers, and the stored decisions; lib/rating's countsFromAnswers turns
// the aggregate into the engine's counts. Works on the shared client or inside a transaction.

import type { Db, Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { RATINGS, getFramework, isFrameworkVersion, type Framework, type Rating } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import {
  FINAL_CASE_STATUSES,
  countsFromAnswers,
  type AnswerForCounting,
  type AnswerValue,
  type CaseForCounting,
  type CaseStatus,
  type CountsFromAnswers,
} from "@/lib/rating";
import { ratePanel, type PanelRating, type StoredDecision } from "./rate-panel";

export interface StoredDecisionRow extends StoredDecision {
  readonly decidedAt: Date;
  readonly decidedBy: string;
}

export interface PanelState {
  readonly inspection: { id: string; yjsName: string; frameworkVersion: string; fieldworkStart: Date; status: string };
  readonly framework: Framework;
  readonly counts: CountsFromAnswers;
  readonly decisions: readonly StoredDecisionRow[];
  /** Case progress: how many cases count in the final figures, how many only provisionally. */
  readonly cases: { readonly total: number; readonly final: number; readonly notFinal: number };
}

function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

interface AggregateRow {
  status: CaseStatus;
  stream: Stream;
  disposal_type: string;
  harm_factors: boolean | null;
  safety_wellbeing_factors: boolean | null;
  question_id: string | null;
  value: AnswerValue | null;
  answers: number;
  cases: number;
}

/**
 * One aggregate query over the inspection's cases and answers: a row per combination of the case
 * attributes that decide applicability and status, key question and value, with its count (rows
 * without answers count the cases themselves). countsFromAnswers takes each combination as one
 * "case" with counted answers, so the figures equal counting answer by answer.
 */
async function aggregateAnswers(client: Db | Tx, inspectionId: string): Promise<AggregateRow[]> {
  return client.$queryRaw<AggregateRow[]>`
    SELECT c.status, c.stream, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors,
           a.question_id, a.value, count(a.case_id)::int AS answers, count(DISTINCT c.id)::int AS cases
    FROM cases c
    LEFT JOIN answers a ON a.case_id = c.id AND a.value IS NOT NULL
    WHERE c.inspection_id = ${inspectionId}::uuid AND c.removed_at IS NULL
    GROUP BY GROUPING SETS ((c.status, c.stream, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors, a.question_id, a.value), (c.status))`;
}

export async function loadPanelState(client: Db | Tx, inspectionId: string): Promise<PanelState> {
  const [inspection, rows, decisions] = await Promise.all([
    client.inspection.findUnique({
      where: { id: inspectionId },
      select: { id: true, yjsName: true, frameworkVersion: true, fieldworkStart: true, status: true },
    }),
    aggregateAnswers(client, inspectionId),
    client.panelDecision.findMany({
      where: { inspectionId },
      select: { standardId: true, kind: true, rating: true, note: true, decidedAt: true, decidedBy: { select: { name: true } } },
    }),
  ]);
  if (!inspection) throw new NotFoundError("There is no such inspection.");
  if (!isFrameworkVersion(inspection.frameworkVersion)) {
    throw new Error(`Inspection ${inspection.id} has an unknown framework version`);
  }
  const framework = getFramework(inspection.frameworkVersion);
  // The (status) grouping set counts cases per status; the detailed set carries the answers.
  const statusRows = rows.filter((r) => r.stream === null);
  const answerRows = rows.filter((r) => r.stream !== null && r.question_id !== null && r.value !== null);
  const combinations = new Map<string, CaseForCounting>();
  const answers: AnswerForCounting[] = [];
  for (const r of answerRows) {
    const key = JSON.stringify([r.status, r.stream, r.disposal_type, r.harm_factors, r.safety_wellbeing_factors]);
    if (!combinations.has(key)) {
      combinations.set(key, {
        id: key,
        status: r.status,
        attributes: { stream: r.stream, disposalType: r.disposal_type, harmFactors: r.harm_factors, safetyWellbeingFactors: r.safety_wellbeing_factors },
      });
    }
    answers.push({ caseId: key, questionId: r.question_id as string, value: r.value as AnswerValue, count: r.answers });
  }
  const counts = countsFromAnswers(framework, [...combinations.values()], answers);
  const total = statusRows.reduce((n, r) => n + r.cases, 0);
  const finalCount = statusRows.filter((r) => FINAL_CASE_STATUSES.includes(r.status)).reduce((n, r) => n + r.cases, 0);
  return {
    inspection,
    framework,
    counts,
    decisions: decisions.flatMap((d) =>
      isRating(d.rating)
        ? [{ standardId: d.standardId, kind: d.kind, rating: d.rating, note: d.note, decidedAt: d.decidedAt, decidedBy: d.decidedBy.name }]
        : [],
    ),
    cases: { total, final: finalCount, notFinal: total - finalCount },
  };
}

/** Final figures (completed and approved cases) and provisional ones (every answer so far). */
export function rateState(state: PanelState): { final: PanelRating; provisional: PanelRating } {
  return {
    final: ratePanel(state.framework.version, state.counts.final, state.decisions),
    provisional: ratePanel(state.framework.version, state.counts.provisional, state.decisions),
  };
}
