// The one loading use case of the exports: checks the right to export, then gathers the model
// (ratings from the sign-off snapshot once signed off, otherwise live final figures as a draft).

import "server-only";
import { db } from "@/lib/db/client";
import { getFramework, keyQuestionApplicability, standardsForStream } from "@/lib/framework";
import { DISPOSAL_TYPE_LABELS, STREAM_LABELS, type DisposalType } from "@/lib/framework/case-attributes";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { moderationExport } from "@/lib/moderation/export";
import { loadPanelState, rateState } from "@/lib/panel";
import { authorize, type Actor } from "@/lib/permissions/access";
import { FINAL_CASE_STATUSES } from "@/lib/rating";
import { ANSWER_LABELS, type ExportAnswerRow, type ExportModel } from "./model";
import { APPLICABILITY_SELECT } from "@/lib/cases/applicability-select";

export async function loadExportModel(actor: Actor, inspectionId: string, now = new Date()): Promise<ExportModel> {
  await authorize(actor, inspectionId, "ratings.export");
  const [state, evidence, cases, windows, recommendations, narratives, moderation] = await Promise.all([
    loadPanelState(db, inspectionId),
    db.evidenceItem.findMany({
      where: { inspectionId, deletedAt: null },
      orderBy: [{ standardId: "asc" }, { occurredOn: "asc" }, { createdAt: "asc" }],
      select: { standardId: true, topic: true, kind: true, source: true, occurredOn: true, text: true, case: { select: { reference: true } } },
    }),
    db.case.findMany({
      where: { inspectionId, removedAt: null },
      orderBy: { reference: "asc" },
      select: {
        reference: true,
        ...APPLICABILITY_SELECT,
        status: true,
        caseManagerInterviewed: true,
        allocatedTo: { select: { name: true } },
        answers: {
          select: { questionId: true, value: true, naReason: true, rationale: true, updatedAt: true, updatedBy: { select: { name: true } } },
        },
      },
    }),
    db.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { windowStart: true, windowEnd: true, oocWindowStart: true, oocWindowEnd: true },
    }),
    db.recommendation.findMany({
      where: { inspectionId },
      orderBy: { position: "asc" },
      select: { position: true, party: true, partyName: true, text: true },
    }),
    db.standardNarrative.findMany({ where: { inspectionId }, select: { standardId: true, strengths: true, areasForImprovement: true } }),
    moderationExport(inspectionId),
  ]);
  const { signOff } = state;
  const framework = getFramework(state.framework.version);
  const live = rateState(state).final;
  const ratings = signOff ? { result: signOff.snapshot.result, support: signOff.snapshot.support } : live;
  const decisions = signOff ? signOff.snapshot.decisions : state.decisions;
  const judgementNotes: Record<string, string> = {};
  for (const d of decisions) if (d.kind === "judgement") judgementNotes[d.standardId] = d.note;

  const answers: ExportAnswerRow[] = [];
  for (const c of cases) {
    const byQuestion = new Map(c.answers.map((a) => [a.questionId, a]));
    for (const standard of standardsForStream(framework, c.stream)) {
      for (const kq of standard.keyQuestions) {
        const answer = byQuestion.get(kq.id);
        const value = answer?.value ?? "";
        const applies = keyQuestionApplicability(kq, c).applies;
        answers.push({
          caseReference: c.reference,
          stream: c.stream,
          streamLabel: STREAM_LABELS[c.stream],
          disposalType: c.disposalType,
          disposalTypeLabel: DISPOSAL_TYPE_LABELS[c.disposalType as DisposalType] ?? c.disposalType,
          caseStatus: c.status,
          caseStatusLabel: CASE_STATUS_LABELS[c.status],
          standardId: standard.id,
          standardTitle: standard.title,
          questionId: kq.id,
          questionText: kq.text,
          answer: value,
          answerLabel: ANSWER_LABELS[value] ?? value,
          naReason: answer?.naReason ?? "",
          rationale: answer?.rationale ?? "",
          applies,
          countsInFinal: applies && (value === "yes" || value === "no") && FINAL_CASE_STATUSES.includes(c.status),
          inspector: answer?.updatedBy.name ?? c.allocatedTo?.name ?? "",
          answeredAt: answer ? answer.updatedAt : null,
        });
      }
    }
  }
  return {
    inspection: {
      id: state.inspection.id,
      yjsName: state.inspection.yjsName,
      frameworkVersion: framework.version,
      frameworkLabel: framework.label,
      fieldworkStart: state.inspection.fieldworkStart,
    },
    generatedAt: now,
    signOff: signOff ? { signedAt: signOff.signedAt, signedBy: signOff.signedBy } : null,
    result: ratings.result,
    support: ratings.support,
    judgementNotes,
    evidence: evidence.map((e) => ({
      standardId: e.standardId,
      topic: e.topic,
      kind: e.kind,
      source: e.source,
      occurredOn: e.occurredOn,
      text: e.text,
      caseReference: e.case?.reference ?? null,
    })),
    answers,
    moderation,
    report: {
      windows: { start: windows.windowStart, end: windows.windowEnd, oocStart: windows.oocWindowStart, oocEnd: windows.oocWindowEnd },
      cases: cases.map((c) => ({
        stream: c.stream,
        disposalType: c.disposalType,
        status: c.status,
        harmFactors: c.harmFactors,
        safetyWellbeingFactors: c.safetyWellbeingFactors,
        caseManagerInterviewed: c.caseManagerInterviewed,
      })),
      recommendations,
      narratives: Object.fromEntries(narratives.map((n) => [n.standardId, { strengths: n.strengths, areasForImprovement: n.areasForImprovement }])),
      coverage: state.coverage,
      excluded: state.counts.excluded,
    },
  };
}
