// Loads what the ratings panel is computed from in one SQL statement, and turns its answer aggregate
// into the engine's counts with lib/rating's countsFromAnswers. Works on the shared client or inside
// a transaction.

import "server-only";
import { db, sqlQuery, type Db, type Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { RATINGS, getFramework, isFrameworkVersion, type Framework, type Rating } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import {
  FINAL_CASE_STATUSES,
  countsFromAnswers,
  keyQuestionCoverage,
  type AnswerForCounting,
  type AnswerValue,
  type CaseForCounting,
  type CountsFromAnswers,
  type KeyQuestionCoverage,
} from "@/lib/rating";
import { inspectionStatusOf, type CaseStatus, type InspectionStatus } from "@/lib/statuses";
import type { InspectionRole } from "@/lib/permissions/table";
import { ratePanel, rateWithDecisions, type DecisionKind, type PanelRating, type ProvisionalRating, type StoredDecision } from "./rate-panel";
import { readSnapshot, type SignOffSnapshot } from "./snapshot";

export interface StoredDecisionRow extends StoredDecision {
  readonly decidedAt: Date;
  readonly decidedBy: string;
}

export interface PanelState {
  readonly inspection: { id: string; yjsName: string; frameworkVersion: string; fieldworkStart: Date; status: InspectionStatus };
  readonly framework: Framework;
  readonly counts: CountsFromAnswers;
  /** Per case-answered key question, how many cases it applies to and how many of those are not final. */
  readonly coverage: readonly KeyQuestionCoverage[];
  readonly decisions: readonly StoredDecisionRow[];
  /** Case progress: how many cases count in the final figures, how many only provisionally. */
  readonly cases: { readonly total: number; readonly final: number; readonly notFinal: number };
  /** The lead's quality assurance: cases completed but not approved, comment threads not closed. */
  readonly qa: { readonly completedNotApproved: number; readonly openComments: number };
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

/**
 * The statement's one row, columns as PostgreSQL's JSON gives them. The answer aggregate and the
 * small lists come as JSON arrays of positional values (no repeated keys to send and parse).
 */
interface LoadedRow {
  id: string;
  yjs_name: string;
  framework_version: string;
  fieldwork_start: string;
  status: string;
  viewer_role: InspectionRole | null;
  /** [cases, of which final, of which completed but not approved, comment threads not closed]. */
  cases: [number, number, number, number];
  /** [status, stream, disposal type, harm factors, safety and wellbeing factors, key question, value, answers]. */
  answers: [CaseStatus, Stream, string, boolean | null, boolean | null, string, AnswerValue, number][] | null;
  /** [status, stream, disposal type, harm factors, safety and wellbeing factors, cases]. */
  case_groups: [CaseStatus, Stream, string, boolean | null, boolean | null, number][] | null;
  /** [standard, kind, rating, note, decided at, decided by]. */
  decisions: [string, DecisionKind, string, string, string, string][] | null;
  /** [id, signed at, signed by, snapshot]. */
  sign_off: [string, string, string, unknown] | null;
}

/**
 * Everything the panel is computed from, in ONE statement (the panel is polled by every open page,
 * so round trips matter): the inspection, the viewer's role on its team (the rights check), how
 * many cases there are and how many are final, the stored decisions, the sign-off in force, and the
 * answers aggregated per key question and value for each combination of case status and the case
 * attributes that decide applicability (countsFromAnswers takes each combination as one "case" with
 * counted answers, so the figures equal counting answer by answer). No row when there is no such
 * inspection.
 */
const PANEL_SQL = `
    SELECT i.id, i.yjs_name, i.framework_version, i.fieldwork_start::text, i.status,
      (SELECT role FROM memberships WHERE inspection_id = $1::uuid AND user_id = $2::uuid) AS viewer_role,
      (SELECT json_build_array(count(*), count(*) FILTER (WHERE status = ANY($3::case_status[])), count(*) FILTER (WHERE status = 'completed'),
                (SELECT count(*) FROM queries q JOIN cases qc ON qc.id = q.case_id
                  WHERE qc.inspection_id = $1::uuid AND qc.removed_at IS NULL AND q.status <> 'closed'))
         FROM cases WHERE inspection_id = $1::uuid AND removed_at IS NULL) AS cases,
      (SELECT json_agg(json_build_array(g.status, g.stream, g.disposal_type, g.harm_factors, g.safety_wellbeing_factors, g.n)) FROM (
         SELECT status, stream, disposal_type, harm_factors, safety_wellbeing_factors, count(*) AS n
         FROM cases WHERE inspection_id = $1::uuid AND removed_at IS NULL
         GROUP BY 1, 2, 3, 4, 5
       ) g) AS case_groups,
      (SELECT json_agg(json_build_array(g.status, g.stream, g.disposal_type, g.harm_factors, g.safety_wellbeing_factors, g.question_id, g.value, g.n)) FROM (
         SELECT c.status, c.stream, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors, a.question_id, a.value, count(*) AS n
         FROM answers a JOIN cases c ON c.id = a.case_id
         WHERE c.inspection_id = $1::uuid AND c.removed_at IS NULL AND a.value IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7
       ) g) AS answers,
      (SELECT json_agg(json_build_array(d.standard_id, d.kind, d.rating, d.note, d.decided_at, (SELECT name FROM users WHERE id = d.decided_by))
                       ORDER BY d.standard_id, d.kind)
         FROM panel_decisions d WHERE d.inspection_id = $1::uuid) AS decisions,
      (SELECT json_build_array(o.id, o.signed_at, (SELECT name FROM users WHERE id = o.signed_by), o.ratings)
         FROM sign_offs o WHERE o.inspection_id = $1::uuid AND o.voided_at IS NULL) AS sign_off
    FROM inspections i WHERE i.id = $1::uuid`;

async function loadRow(client: Db | Tx, inspectionId: string, viewerId: string | null): Promise<LoadedRow | undefined> {
  // Outside a transaction, plain SQL on the shared pool: the panel is polled by every open page.
  const rows =
    client === db
      ? (await sqlQuery<LoadedRow>(PANEL_SQL, [inspectionId, viewerId, FINAL_CASE_STATUSES])).rows
      : await client.$queryRawUnsafe<LoadedRow[]>(PANEL_SQL, inspectionId, viewerId, FINAL_CASE_STATUSES);
  return rows[0];
}

/**
 * The panel's state. With `viewerId`, also that user's role on the inspection's team, so a caller
 * can check rights without another round trip.
 */
export async function loadPanelState(client: Db | Tx, inspectionId: string, viewerId: string | null = null): Promise<PanelState> {
  const row = await loadRow(client, inspectionId, viewerId);
  if (!row) throw new NotFoundError("There is no such inspection.");
  if (!isFrameworkVersion(row.framework_version)) {
    throw new Error(`Inspection ${row.id} has an unknown framework version`);
  }
  const framework = getFramework(row.framework_version);
  const combinations = new Map<string, CaseForCounting>();
  const answers: AnswerForCounting[] = [];
  for (const [status, stream, disposalType, harmFactors, safetyWellbeingFactors, questionId, value, count] of row.answers ?? []) {
    const key = `${status}|${stream}|${harmFactors}|${safetyWellbeingFactors}|${disposalType}`;
    if (!combinations.has(key)) {
      combinations.set(key, { id: key, status, attributes: { stream, disposalType, harmFactors, safetyWellbeingFactors } });
    }
    answers.push({ caseId: key, questionId, value, count });
  }
  const counts = countsFromAnswers(framework, [...combinations.values()], answers);
  const coverage = keyQuestionCoverage(
    framework,
    (row.case_groups ?? []).map(([status, stream, disposalType, harmFactors, safetyWellbeingFactors, cases]) => ({
      status,
      attributes: { stream, disposalType, harmFactors, safetyWellbeingFactors },
      cases,
    })),
  );
  const [total, finalCount, completedNotApproved, openComments] = row.cases;
  return {
    inspection: {
      id: row.id,
      yjsName: row.yjs_name,
      frameworkVersion: row.framework_version,
      fieldworkStart: new Date(row.fieldwork_start),
      status: inspectionStatusOf(row.status),
    },
    framework,
    counts,
    coverage,
    decisions: (row.decisions ?? []).flatMap(([standardId, kind, rating, note, decidedAt, decidedBy]) =>
      isRating(rating) ? [{ standardId, kind, rating, note, decidedAt: new Date(decidedAt), decidedBy }] : [],
    ),
    cases: { total, final: finalCount, notFinal: total - finalCount },
    qa: { completedNotApproved, openComments },
    signOff: row.sign_off
      ? { id: row.sign_off[0], signedAt: new Date(row.sign_off[1]), signedBy: row.sign_off[2], snapshot: readSnapshot(row.sign_off[3]) }
      : null,
    viewerInspectionRole: row.viewer_role,
  };
}

/**
 * Final figures (completed and approved cases) with decision support, and provisional ones (every
 * answer so far), which the panel shows for progress only.
 */
export function rateState(state: PanelState): { final: PanelRating; provisional: ProvisionalRating } {
  return {
    final: ratePanel(state.framework.version, state.counts.final, state.decisions),
    provisional: rateWithDecisions(state.framework.version, state.counts.provisional, state.decisions),
  };
}
