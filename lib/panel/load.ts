// Loads what the ratings panel is computed from: the inspection, its cases with their answers (two
// queries in one round of Prisma: cases, then their answers by case id) and the stored decisions,
// and turns them into the engine's counts with lib/rating's countsFromAnswers. Works on the shared
// client or inside a transaction.

import type { Db, Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { RATINGS, getFramework, isFrameworkVersion, type Framework, type Rating } from "@/lib/framework";
import { FINAL_CASE_STATUSES, countsFromAnswers, type CountsFromAnswers } from "@/lib/rating";
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

export async function loadPanelState(client: Db | Tx, inspectionId: string): Promise<PanelState> {
  const [inspection, cases, decisions] = await Promise.all([
    client.inspection.findUnique({
      where: { id: inspectionId },
      select: { id: true, yjsName: true, frameworkVersion: true, fieldworkStart: true, status: true },
    }),
    client.case.findMany({
      where: { inspectionId, removedAt: null },
      select: {
        id: true,
        status: true,
        stream: true,
        disposalType: true,
        harmFactors: true,
        safetyWellbeingFactors: true,
        answers: { where: { value: { not: null } }, select: { questionId: true, value: true } },
      },
    }),
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
  const answers = cases.flatMap((c) =>
    c.answers.flatMap((a) => (a.value === null ? [] : [{ caseId: c.id, questionId: a.questionId, value: a.value }])),
  );
  const counts = countsFromAnswers(
    framework,
    cases.map((c) => ({
      id: c.id,
      status: c.status,
      attributes: {
        stream: c.stream,
        disposalType: c.disposalType,
        harmFactors: c.harmFactors,
        safetyWellbeingFactors: c.safetyWellbeingFactors,
      },
    })),
    answers,
  );
  const finalCount = cases.filter((c) => FINAL_CASE_STATUSES.includes(c.status)).length;
  return {
    inspection,
    framework,
    counts,
    decisions: decisions.flatMap((d) =>
      isRating(d.rating)
        ? [{ standardId: d.standardId, kind: d.kind, rating: d.rating, note: d.note, decidedAt: d.decidedAt, decidedBy: d.decidedBy.name }]
        : [],
    ),
    cases: { total: cases.length, final: finalCount, notFinal: cases.length - finalCount },
  };
}

/** Final figures (completed and approved cases) and provisional ones (every answer so far). */
export function rateState(state: PanelState): { final: PanelRating; provisional: PanelRating } {
  return {
    final: ratePanel(state.framework.version, state.counts.final, state.decisions),
    provisional: ratePanel(state.framework.version, state.counts.provisional, state.decisions),
  };
}
