import "server-only";
import { db } from "@/lib/db/client";
import type { AgreementSummary } from "@/lib/statistics/agreement";
import { breakdownOf, moderationPairs } from "./agreement";

// What the exports (lib/exports) carry of moderation: the dip sample with each compared answer and
// outcome, and the agreement statistics. Read without a rights check: lib/exports checks
// ratings.export (the manager and the lead) before calling it.

export interface ModerationExportRow {
  caseReference: string;
  stream: string;
  inspector: string;
  how: "drawn" | "by_hand";
  completed: boolean;
  questionId: string;
  inspectorAnswer: string;
  secondAnswer: string;
  agreed: "yes" | "no" | "";
  outcome: string;
  response: string;
}

export interface ModerationStatisticRow {
  group: "overall" | "standard" | "key_question" | "inspector";
  key: string;
  summary: AgreementSummary;
}

export interface ModerationExport {
  /** The draws' seeds, so the sample can be reproduced from the export. */
  draws: { seed: string; request: string; size: number; populationSize: number; drawnAt: Date }[];
  rows: ModerationExportRow[];
  statistics: ModerationStatisticRow[];
}

const code = (j: string | null) => (j === null ? "" : j === "not_applicable" ? "na" : j);

export async function moderationExport(inspectionId: string): Promise<ModerationExport> {
  const [draws, dipCases, pairs, outcomes] = await Promise.all([
    db.moderationDraw.findMany({ where: { inspectionId }, orderBy: { createdAt: "asc" } }),
    db.moderationCase.findMany({
      where: { inspectionId, case: { removedAt: null } },
      orderBy: { case: { reference: "asc" } },
      select: { caseId: true, drawId: true, completedAt: true, case: { select: { reference: true, stream: true, allocatedTo: { select: { name: true } } } } },
    }),
    moderationPairs(inspectionId),
    db.moderationOutcome.findMany({ where: { moderationCase: { inspectionId } }, select: { caseId: true, questionId: true, outcome: true, response: true } }),
  ]);
  const outcomeOf = new Map(outcomes.map((o) => [`${o.caseId}:${o.questionId}`, o]));
  const rows: ModerationExportRow[] = [];
  for (const d of dipCases) {
    const base = {
      caseReference: d.case.reference,
      stream: d.case.stream,
      inspector: d.case.allocatedTo?.name ?? "",
      how: d.drawId ? ("drawn" as const) : ("by_hand" as const),
      completed: d.completedAt !== null,
    };
    const casePairs = pairs.filter((p) => p.caseId === d.caseId);
    // A case not yet second-assessed is listed once, with no answers: nothing of it is compared yet.
    if (casePairs.length === 0) rows.push({ ...base, questionId: "", inspectorAnswer: "", secondAnswer: "", agreed: "", outcome: "", response: "" });
    for (const p of casePairs) {
      const o = outcomeOf.get(`${p.caseId}:${p.keyQuestionId}`);
      rows.push({
        ...base,
        questionId: p.keyQuestionId,
        inspectorAnswer: code(p.first),
        secondAnswer: code(p.second),
        agreed: p.first === null || p.second === null ? "" : p.first === p.second ? "yes" : "no",
        outcome: o?.outcome ?? "",
        response: o?.response ?? "",
      });
    }
  }
  const breakdown = breakdownOf(pairs);
  const names = new Map(pairs.map((p) => [p.inspectorId, p.inspectorName]));
  const statistics: ModerationStatisticRow[] = [
    { group: "overall", key: "all", summary: breakdown.overall },
    ...[...breakdown.byStandard].map(([key, summary]) => ({ group: "standard" as const, key, summary })),
    ...[...breakdown.byKeyQuestion].map(([key, summary]) => ({ group: "key_question" as const, key, summary })),
    ...[...breakdown.byInspector].map(([key, summary]) => ({ group: "inspector" as const, key: names.get(key) ?? key, summary })),
  ];
  return {
    draws: draws.map((d) => ({ seed: d.seed, request: d.requestKind === "percent" ? `${d.requestValue}%` : `${d.requestValue} cases`, size: d.size, populationSize: d.populationSize, drawnAt: d.createdAt })),
    rows,
    statistics,
  };
}
