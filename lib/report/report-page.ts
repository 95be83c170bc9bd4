// What the panel's report page shows: the inspection, the recommendations, each standard's
// narrative with the prompt aggregates to cite beside it, and whether the viewer may change them.

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, type Framework } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import type { CaseStatus, InspectionStatus } from "@/lib/statuses";
import { listNarratives, type NarrativeView } from "./narratives";
import { promptAggregates, type PromptAggregate } from "./prompt-aggregates";
import { listRecommendations, type RecommendationView } from "./recommendations";

export interface ReportPage {
  readonly inspection: { readonly id: string; readonly yjsName: string; readonly status: InspectionStatus };
  readonly framework: Framework;
  readonly recommendations: readonly RecommendationView[];
  readonly narratives: Readonly<Record<string, NarrativeView>>;
  /** By key question id. */
  readonly promptAggregates: Readonly<Record<string, readonly PromptAggregate[]>>;
  /** Evidence items recorded per standard, by kind: what the lead writes the narrative from. */
  readonly evidenceCounts: Readonly<Record<string, { strengths: number; areasForImprovement: number }>>;
  readonly canWrite: boolean;
}

type MarkRow = { status: CaseStatus; stream: Stream; disposal_type: string; harm_factors: boolean | null; safety_wellbeing_factors: boolean | null; question_id: string; prompt: string; mark: string; n: number };

export async function reportPage(actor: Actor, inspectionId: string): Promise<ReportPage> {
  if (!isUuid(inspectionId)) throw new NotFoundError("There is no such inspection.");
  const caller = await authorize(actor, inspectionId, "panel.view");
  const inspection = await db.inspection.findUnique({ where: { id: inspectionId }, select: { id: true, yjsName: true, status: true, frameworkVersion: true } });
  if (!inspection || !isFrameworkVersion(inspection.frameworkVersion)) throw new NotFoundError("There is no such inspection.");
  const framework = getFramework(inspection.frameworkVersion);
  const [recommendations, narratives, marks, evidence] = await Promise.all([
    listRecommendations(actor, inspectionId),
    listNarratives(actor, inspectionId),
    // Prompt marks counted per key question, prompt and mark for each combination of what decides
    // applicability and status: promptAggregates keeps the final cases the key question applies to.
    db.$queryRaw<MarkRow[]>`
      SELECT c.status::text AS status, c.stream::text AS stream, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors,
             a.question_id, m.key AS prompt, m.value AS mark, count(*)::int AS n
      FROM answers a JOIN cases c ON c.id = a.case_id
      CROSS JOIN LATERAL jsonb_each_text(a.prompt_marks) m
      WHERE c.inspection_id = ${inspectionId}::uuid AND c.removed_at IS NULL AND m.value IN ('met', 'not_met')
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    db.evidenceItem.groupBy({ by: ["standardId", "kind"], where: { inspectionId, deletedAt: null }, _count: { _all: true } }),
  ]);
  const evidenceCounts: Record<string, { strengths: number; areasForImprovement: number }> = {};
  for (const e of evidence) {
    const counts = (evidenceCounts[e.standardId] ??= { strengths: 0, areasForImprovement: 0 });
    if (e.kind === "strength") counts.strengths += e._count._all;
    else counts.areasForImprovement += e._count._all;
  }
  return {
    inspection: { id: inspection.id, yjsName: inspection.yjsName, status: inspection.status },
    framework,
    recommendations: recommendations.items,
    narratives,
    promptAggregates: promptAggregates(
      framework,
      marks.map((m) => ({
        status: m.status,
        attributes: { stream: m.stream, disposalType: m.disposal_type, harmFactors: m.harm_factors, safetyWellbeingFactors: m.safety_wellbeing_factors },
        questionId: m.question_id,
        promptIndex: Number(m.prompt),
        mark: m.mark === "met" ? "met" : "not_met",
        count: m.n,
      })),
    ),
    evidenceCounts,
    canWrite: inspection.status !== "signed_off" && can(caller, "report.write"),
  };
}
