import "server-only";
import { db } from "@/lib/db/client";
import { isFrameworkVersion, getFramework } from "@/lib/framework";
import type { Actor } from "@/lib/permissions/access";
import { authorize } from "@/lib/permissions/access";
import type { Action } from "@/lib/permissions/table";
import { agreementBreakdown, type AgreementBreakdown, type AgreementObservation, type Judgement } from "@/lib/statistics/agreement";
import { applicableKeyQuestions } from "./kernel";
import { APPLICABILITY_SELECT } from "@/lib/cases/applicability-select";

// The agreement figures of an inspection's moderation: over the dip-sampled cases whose second
// assessment is complete, each applicable key question pairs the inspector's answer with the
// moderator's (lib/statistics/agreement.ts computes the statistics). The inspector's answer is the
// one the moderator compared against: where an outcome was recorded, the answer it was recorded
// against (a change the inspector made afterwards does not turn a disagreement into agreement).

const judgement = (value: "yes" | "no" | "na" | null | undefined): Judgement => (value == null ? null : value === "na" ? "not_applicable" : value);

export interface ModerationPair {
  caseId: string;
  reference: string;
  inspectorId: string;
  inspectorName: string;
  keyQuestionId: string;
  standardId: string;
  first: Judgement;
  second: Judgement;
}

/** Every compared pair of the inspection (no rights check: callers check theirs first). */
export async function moderationPairs(inspectionId: string): Promise<ModerationPair[]> {
  const rows = await db.moderationCase.findMany({
    where: { inspectionId, completedAt: { not: null }, case: { removedAt: null } },
    select: {
      caseId: true,
      case: {
        select: {
          reference: true,
          ...APPLICABILITY_SELECT,
          allocatedToId: true,
          allocatedTo: { select: { name: true } },
          answers: { select: { questionId: true, value: true } },
          inspection: { select: { frameworkVersion: true } },
        },
      },
      secondAnswers: { select: { questionId: true, value: true } },
      outcomes: { select: { questionId: true, inspectorValue: true } },
    },
  });
  const pairs: ModerationPair[] = [];
  for (const row of rows) {
    const version = row.case.inspection.frameworkVersion;
    if (!isFrameworkVersion(version)) continue;
    const framework = getFramework(version);
    const answers = new Map(row.case.answers.map((a) => [a.questionId, a.value]));
    const seconds = new Map(row.secondAnswers.map((a) => [a.questionId, a.value]));
    const atOutcome = new Map(row.outcomes.map((o) => [o.questionId, o.inspectorValue]));
    for (const kq of applicableKeyQuestions({ framework, ...row.case })) {
      pairs.push({
        caseId: row.caseId,
        reference: row.case.reference,
        inspectorId: row.case.allocatedToId ?? "unallocated",
        inspectorName: row.case.allocatedTo?.name ?? "Not allocated",
        keyQuestionId: kq.id,
        standardId: kq.standardId,
        first: judgement(atOutcome.has(kq.id) ? atOutcome.get(kq.id) : answers.get(kq.id)),
        second: judgement(seconds.get(kq.id)),
      });
    }
  }
  return pairs;
}

export function breakdownOf(pairs: readonly ModerationPair[]): AgreementBreakdown {
  const observations: AgreementObservation[] = pairs.map((p) => ({ keyQuestionId: p.keyQuestionId, standardId: p.standardId, inspectorId: p.inspectorId, first: p.first, second: p.second }));
  return agreementBreakdown(observations);
}

/** The inspection's agreement figures, for a caller allowed `action` (moderation.view, or panel.view for the panel's summary). */
export async function moderationAgreement(actor: Actor, inspectionId: string, action: Action = "moderation.view") {
  await authorize(actor, inspectionId, action);
  const pairs = await moderationPairs(inspectionId);
  return { pairs, breakdown: breakdownOf(pairs), inspectorNames: new Map(pairs.map((p) => [p.inspectorId, p.inspectorName])) };
}
