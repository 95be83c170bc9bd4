// A model for the export builder tests: Salford 2024's counts rated by the engine, with the
// panel's two discretion decisions, judgements, evidence and a few case answers (one of them a
// rationale that starts like a spreadsheet formula).

import { decisionSupport, rateInspection } from "@/lib/rating";
import { SALFORD_YES } from "@/tests/panel/test-support";
import { getFramework } from "@/lib/framework";
import { keyQuestionCoverage, type CaseGroup } from "@/lib/rating";
import type { ExportModel, ReportCase } from "@/lib/exports/model";

const COURT = 13;
const OOC = 20;

/** Salford's sample as the report states it: 12 community sentences and one custodial sentence; five youth conditional cautions, five youth cautions and 10 community resolutions; four resettlement cases. */
export function salfordCases(): ReportCase[] {
  const make = (stream: ReportCase["stream"], disposalType: string, n: number, interviewed = true): ReportCase[] =>
    Array.from({ length: n }, (_, i) => ({ stream, disposalType, status: "completed", harmFactors: i % 2 === 0, safetyWellbeingFactors: true, caseManagerInterviewed: interviewed }));
  return [
    ...make("court", "community_sentence", 12),
    ...make("court", "custodial_sentence", 1),
    ...make("out_of_court", "youth_conditional_caution", 5),
    ...make("out_of_court", "youth_caution", 5),
    ...make("out_of_court", "community_resolution", 10),
    ...make("resettlement", "custodial_sentence", 4, false),
  ];
}

function coverageOf(cases: readonly ReportCase[]) {
  const groups: CaseGroup[] = cases.map((c) => ({
    status: c.status,
    attributes: { stream: c.stream, disposalType: c.disposalType, harmFactors: c.harmFactors, safetyWellbeingFactors: c.safetyWellbeingFactors },
    cases: 1,
  }));
  return keyQuestionCoverage(getFramework("yjs-2021"), groups);
}

export function salfordExportModel(options: { signedOff?: boolean; yjsName?: string; cases?: ReportCase[] } = {}): ExportModel {
  const cases = options.cases ?? salfordCases();
  const keyQuestions = Object.fromEntries(
    Object.entries(SALFORD_YES).map(([id, yes]) => [id, { yes, no: (id.startsWith("2.") ? COURT : OOC) - yes }]),
  );
  const result = rateInspection({
    framework: "yjs-2021",
    keyQuestions,
    judgements: { "1.1": "Good", "1.2": "Good", "1.3": "Good", "1.4": "Good", "3.4": "Good", "4.1": "Good" },
    discretion: {
      "2.2": { rating: "Requires improvement", note: "Small sample; strong elsewhere." },
      "2.4": { rating: "Good", note: "Reviewing strong overall." },
    },
  });
  return {
    inspection: {
      id: "00000000-0000-4000-8000-000000000001",
      yjsName: options.yjsName ?? "Salford Youth Justice Service",
      frameworkVersion: "yjs-2021",
      frameworkLabel: "2021 framework",
      fieldworkStart: new Date("2024-01-22"),
    },
    generatedAt: new Date("2024-03-01T10:00:00Z"),
    signOff: options.signedOff ? { signedAt: new Date("2024-02-28T16:00:00Z"), signedBy: "Pauline Burke" } : null,
    result,
    support: decisionSupport(result),
    judgementNotes: { "1.1": "Clear vision; the board holds partners to account." },
    evidence: [
      { standardId: "1.1", topic: "1.1.2", kind: "strength", source: "meeting", occurredOn: new Date("2024-01-23"), text: "Board membership includes all statutory partners.", caseReference: null },
      { standardId: "1.1", topic: "1.1.3", kind: "area_for_improvement", source: "interview", occurredOn: new Date("2024-01-24"), text: "Police attendance at the board is inconsistent.", caseReference: null },
      { standardId: "4.1", topic: "Communication with the secure estate", kind: "strength", source: "case", occurredOn: new Date("2024-01-25"), text: "Weekly contact with the establishment.", caseReference: "SA-0040" },
    ],
    answers: [
      {
        caseReference: "SA-0001", stream: "court", streamLabel: "Court disposal", disposalType: "referral_order", disposalTypeLabel: "Referral order",
        caseStatus: "completed", caseStatusLabel: "Completed", standardId: "2.2", standardTitle: "Planning", questionId: "2.2.3",
        questionText: "Does planning focus sufficiently on keeping other people safe?", answer: "no", answerLabel: "No", naReason: "",
        rationale: "=HYPERLINK(\"http://evil.example\",\"click\")", applies: true, countsInFinal: true, inspector: "Tom Evans",
        answeredAt: new Date("2024-01-24T12:00:00Z"),
      },
      {
        caseReference: "SA-0001", stream: "court", streamLabel: "Court disposal", disposalType: "referral_order", disposalTypeLabel: "Referral order",
        caseStatus: "completed", caseStatusLabel: "Completed", standardId: "2.1", standardTitle: "Assessment", questionId: "2.1.1",
        questionText: "Does assessment sufficiently analyse how to support the child's desistance?", answer: "yes", answerLabel: "Yes", naReason: "",
        rationale: "Thorough, with the child's views, and \"quoted\" words.", applies: true, countsInFinal: true, inspector: "Tom Evans",
        answeredAt: new Date("2024-01-24T12:00:00Z"),
      },
    ],
    moderation: { draws: [], rows: [], statistics: [] },
    report: {
      windows: { start: new Date("2023-01-23"), end: new Date("2023-11-17"), oocStart: null, oocEnd: null },
      cases,
      recommendations: [
        { position: 1, party: "police", partyName: "Greater Manchester Police", text: "review the use of Outcome 22 in Salford" },
        { position: 2, party: "police", partyName: "Greater Manchester Police", text: "alongside the YJS, review the sharing of police intelligence" },
        { position: 3, party: "management_board", partyName: "The YJS Partnership Board", text: "make sure that policies and practices do not result in younger children being unnecessarily criminalised" },
        { position: 4, party: "yjs", partyName: null, text: "ensure consistent quality of practice where children present a risk of harm to others" },
      ],
      narratives: {
        "2.1": { strengths: "Parents' views were prioritised.\nCase managers recognised children's maturity.", areasForImprovement: "Diversity needs were not fully explored." },
      },
      coverage: coverageOf(cases),
      excluded: {},
    },
  };
}
