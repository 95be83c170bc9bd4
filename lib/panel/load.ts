// Loads what the ratings panel is computed from in one SQL statement, and turns its answer aggregate
// into the engine's counts with lib/rating's countsFromAnswers. Works on the shared client or inside
// a transaction.

import { db, sqlQuery, type Db, type Tx } from "@/lib/db/client";
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
import type { InspectionRole } from "@/lib/permissions/table";
import { ratePanel, type DecisionKind, type PanelRating, type StoredDecision } from "./rate-panel";
import { readSnapshot, type SignOffSnapshot } from "./snapshot";

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
  readonly signOff: SignOffInForce | null;
  /** The viewer's role on the team, when loaded with a viewer id. */
  readonly viewerInspectionRole: InspectionRole | null;
}

export interface SignOffInForce {
  readonly id: string;
  readonly signedAt: Date;
  readonly signedBy: string;
  readonly snapshot: SignOffSnapshot;
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
  question_id: string;
  value: AnswerValue;
  answers: number;
}

interface LoadedRow {
  inspection: { id: string; yjs_name: string; framework_version: string; fieldwork_start: string; status: string } | null;
  viewer_role: InspectionRole | null;
  answers: AggregateRow[];
  cases: { status: CaseStatus; cases: number }[];
  decisions: { standard_id: string; kind: DecisionKind; rating: string; note: string; decided_at: string; decided_by: string }[];
  sign_off: { id: string; signed_at: string; signed_by: string; ratings: unknown } | null;
}

/**
 * Everything the panel is computed from, in ONE statement (the panel is polled by every open page,
 * so round trips matter): the inspection, the viewer's role on its team, the answers aggregated per
 * combination of the case attributes that decide applicability and status, key question and value
 * (countsFromAnswers takes each combination as one "case" with counted answers, so the figures equal
 * counting answer by answer), cases per status, the stored decisions and the sign-off in force.
 */
const PANEL_SQL = `
    SELECT
      (SELECT row_to_json(i) FROM (
         SELECT id, yjs_name, framework_version, fieldwork_start, status FROM inspections WHERE id = $1::uuid
       ) i) AS inspection,
      (SELECT role FROM memberships WHERE inspection_id = $1::uuid AND user_id = $2::uuid) AS viewer_role,
      (SELECT coalesce(json_agg(g), '[]') FROM (
         SELECT c.status, c.stream, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors,
                a.question_id, a.value, count(*)::int AS answers
         FROM answers a JOIN cases c ON c.id = a.case_id
         WHERE c.inspection_id = $1::uuid AND c.removed_at IS NULL AND a.value IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7
       ) g) AS answers,
      (SELECT coalesce(json_agg(s), '[]') FROM (
         SELECT status, count(*)::int AS cases FROM cases
         WHERE inspection_id = $1::uuid AND removed_at IS NULL GROUP BY status
       ) s) AS cases,
      (SELECT coalesce(json_agg(d), '[]') FROM (
         SELECT pd.standard_id, pd.kind, pd.rating, pd.note, pd.decided_at, u.name AS decided_by
         FROM panel_decisions pd JOIN users u ON u.id = pd.decided_by
         WHERE pd.inspection_id = $1::uuid
       ) d) AS decisions,
      (SELECT row_to_json(o) FROM (
         SELECT so.id, so.signed_at, u.name AS signed_by, so.ratings
         FROM sign_offs so JOIN users u ON u.id = so.signed_by
         WHERE so.inspection_id = $1::uuid AND so.voided_at IS NULL
         ORDER BY so.signed_at DESC LIMIT 1
       ) o) AS sign_off`;

async function loadRow(client: Db | Tx, inspectionId: string, viewerId: string | null): Promise<LoadedRow> {
  // Outside a transaction, plain SQL on the shared pool: the panel is polled by every open page.
  const rows =
    client === db
      ? (await sqlQuery<LoadedRow>(PANEL_SQL, [inspectionId, viewerId])).rows
      : await client.$queryRawUnsafe<LoadedRow[]>(PANEL_SQL, inspectionId, viewerId);
  return rows[0] as LoadedRow;
}

/**
 * The panel's state. With `viewerId`, also that user's role on the inspection's team, so a caller
 * can check rights without another round trip.
 */
export async function loadPanelState(client: Db | Tx, inspectionId: string, viewerId: string | null = null): Promise<PanelState> {
  const row = await loadRow(client, inspectionId, viewerId);
  const inspection = row.inspection;
  if (!inspection) throw new NotFoundError("There is no such inspection.");
  if (!isFrameworkVersion(inspection.framework_version)) {
    throw new Error(`Inspection ${inspection.id} has an unknown framework version`);
  }
  const framework = getFramework(inspection.framework_version);
  const combinations = new Map<string, CaseForCounting>();
  const answers: AnswerForCounting[] = [];
  for (const r of row.answers) {
    const key = JSON.stringify([r.status, r.stream, r.disposal_type, r.harm_factors, r.safety_wellbeing_factors]);
    if (!combinations.has(key)) {
      combinations.set(key, {
        id: key,
        status: r.status,
        attributes: { stream: r.stream, disposalType: r.disposal_type, harmFactors: r.harm_factors, safetyWellbeingFactors: r.safety_wellbeing_factors },
      });
    }
    answers.push({ caseId: key, questionId: r.question_id, value: r.value, count: r.answers });
  }
  const counts = countsFromAnswers(framework, [...combinations.values()], answers);
  const total = row.cases.reduce((n, r) => n + r.cases, 0);
  const finalCount = row.cases.filter((r) => FINAL_CASE_STATUSES.includes(r.status)).reduce((n, r) => n + r.cases, 0);
  return {
    inspection: {
      id: inspection.id,
      yjsName: inspection.yjs_name,
      frameworkVersion: inspection.framework_version,
      fieldworkStart: new Date(inspection.fieldwork_start),
      status: inspection.status,
    },
    framework,
    counts,
    decisions: row.decisions.flatMap((d) =>
      isRating(d.rating)
        ? [{ standardId: d.standard_id, kind: d.kind, rating: d.rating, note: d.note, decidedAt: new Date(d.decided_at), decidedBy: d.decided_by }]
        : [],
    ),
    cases: { total, final: finalCount, notFinal: total - finalCount },
    signOff: row.sign_off
      ? { id: row.sign_off.id, signedAt: new Date(row.sign_off.signed_at), signedBy: row.sign_off.signed_by, snapshot: readSnapshot(row.sign_off.ratings) }
      : null,
    viewerInspectionRole: row.viewer_role,
  };
}

/** Final figures (completed and approved cases) and provisional ones (every answer so far). */
export function rateState(state: PanelState): { final: PanelRating; provisional: PanelRating } {
  return {
    final: ratePanel(state.framework.version, state.counts.final, state.decisions),
    provisional: ratePanel(state.framework.version, state.counts.provisional, state.decisions),
  };
}
