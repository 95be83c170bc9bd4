// Consistency without a second assessment (issue 16): for each inspector of an inspection, their
// yes-rate on each key question against the rest of the team's, flagged when beyond the 95% or 99.8%
// limits. The rest of a team is often a few people with a few cases, so its rate is not taken as
// known: the limits are exact, conditional on the team's total yes answers (Fisher's exact test,
// lib/statistics/funnel's comparisonPosition). Flag, never block: a flag asks the lead to
// look at the answers, and changes nothing.
//
// Read from the live answers: every answer so far, as the panel's provisional figures, so it helps
// during fieldwork. Only applicable yes/no answers count, decided exactly as the panel decides them
// (lib/rating's countsFromAnswers on each inspector's cases): "not applicable" answers and key
// questions that do not apply to a case are left out. A case's inspector is the one it is allocated
// to; answers on unallocated cases are counted for no one, and said so.

import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { allKeyQuestions, getFramework, isFrameworkVersion } from "@/lib/framework";
import { authorize, type Actor } from "@/lib/permissions/access";
import { countsFromAnswers, type AnswerForCounting, type CaseForCounting } from "@/lib/rating";
import { comparisonPosition, type FunnelPosition } from "@/lib/statistics/funnel";
import { APPLICABILITY_SELECT } from "@/lib/cases/applicability-select";

export interface InspectorRate {
  readonly inspectorId: string;
  readonly inspectorName: string;
  readonly yes: number;
  /** Applicable yes/no answers. */
  readonly applicable: number;
  /** The rest of the team's yes / applicable on this key question. */
  readonly restYes: number;
  readonly restApplicable: number;
  /** restYes / restApplicable; null when no one else has an applicable answer. */
  readonly restRate: number | null;
  /** Against the rest of the team's rate; null when there is nothing to compare (no answers on either side). */
  readonly position: FunnelPosition | null;
}

export interface KeyQuestionConsistency {
  readonly keyQuestionId: string;
  readonly standardId: string;
  readonly teamYes: number;
  readonly teamApplicable: number;
  /** Every inspector with a case allocated, including those with no applicable answer here. */
  readonly inspectors: readonly InspectorRate[];
}

export interface InspectionConsistency {
  readonly inspectionId: string;
  readonly yjsName: string;
  readonly frameworkVersion: string;
  /** Case-answered key questions with at least one applicable answer, in framework order. */
  readonly keyQuestions: readonly KeyQuestionConsistency[];
  /** Answers on cases allocated to no one (not counted). */
  readonly unallocatedAnswers: number;
}

export interface InspectorCounts {
  readonly inspectorId: string;
  readonly inspectorName: string;
  /** Applicable yes and no per key question. */
  readonly counts: Readonly<Record<string, { readonly yes: number; readonly no: number }>>;
}

/** Each inspector against the rest of the team, per key question (pure). */
export function teamConsistency(
  keyQuestions: readonly { readonly id: string; readonly standardId: string }[],
  inspectors: readonly InspectorCounts[],
): KeyQuestionConsistency[] {
  const result: KeyQuestionConsistency[] = [];
  for (const kq of keyQuestions) {
    const of = (i: InspectorCounts) => i.counts[kq.id] ?? { yes: 0, no: 0 };
    const teamYes = inspectors.reduce((a, i) => a + of(i).yes, 0);
    const teamApplicable = inspectors.reduce((a, i) => a + of(i).yes + of(i).no, 0);
    if (teamApplicable === 0) continue;
    result.push({
      keyQuestionId: kq.id,
      standardId: kq.standardId,
      teamYes,
      teamApplicable,
      inspectors: inspectors.map((i) => {
        const { yes, no } = of(i);
        const applicable = yes + no;
        const restYes = teamYes - yes;
        const restApplicable = teamApplicable - applicable;
        const restRate = restApplicable > 0 ? restYes / restApplicable : null;
        return {
          inspectorId: i.inspectorId,
          inspectorName: i.inspectorName,
          yes,
          applicable,
          restYes,
          restApplicable,
          restRate,
          position: applicable > 0 && restApplicable > 0 ? comparisonPosition(yes, applicable, restYes, restApplicable) : null,
        };
      }),
    });
  }
  return result;
}

/** The inspection's consistency figures, for whoever may see its ratings panel (panel.view). */
export async function inspectionConsistency(actor: Actor, inspectionId: string): Promise<InspectionConsistency> {
  await authorize(actor, inspectionId, "panel.view");
  const inspection = await db.inspection.findUnique({ where: { id: inspectionId }, select: { id: true, yjsName: true, frameworkVersion: true } });
  if (!inspection || !isFrameworkVersion(inspection.frameworkVersion)) throw new NotFoundError("There is no such inspection.");
  const framework = getFramework(inspection.frameworkVersion);
  const cases = await db.case.findMany({
    where: { inspectionId, removedAt: null },
    select: {
      id: true,
      status: true,
      ...APPLICABILITY_SELECT,
      allocatedTo: { select: { id: true, name: true } },
      answers: { where: { value: { in: ["yes", "no"] } }, select: { questionId: true, value: true } },
    },
    orderBy: { reference: "asc" },
  });

  const byInspector = new Map<string, { name: string; cases: CaseForCounting[]; answers: AnswerForCounting[] }>();
  let unallocatedAnswers = 0;
  for (const c of cases) {
    if (!c.allocatedTo) {
      unallocatedAnswers += c.answers.length;
      continue;
    }
    const group = byInspector.get(c.allocatedTo.id) ?? { name: c.allocatedTo.name, cases: [], answers: [] };
    group.cases.push({ id: c.id, status: c.status, attributes: c });
    for (const a of c.answers) if (a.value) group.answers.push({ caseId: c.id, questionId: a.questionId, value: a.value });
    byInspector.set(c.allocatedTo.id, group);
  }
  const inspectors = [...byInspector.entries()]
    .map(([inspectorId, g]): InspectorCounts => ({ inspectorId, inspectorName: g.name, counts: countsFromAnswers(framework, g.cases, g.answers).provisional }))
    .sort((a, b) => a.inspectorName.localeCompare(b.inspectorName, "en"));
  const keyQuestions = allKeyQuestions(framework).filter((kq) => kq.appliesTo.stream !== null);
  return {
    inspectionId: inspection.id,
    yjsName: inspection.yjsName,
    frameworkVersion: inspection.frameworkVersion,
    keyQuestions: teamConsistency(keyQuestions, inspectors),
    unallocatedAnswers,
  };
}
