// A model for the export builder tests: Salford 2024's counts rated by the engine, with the
// panel's two discretion decisions, judgements, evidence and a few case answers (one of them a
// rationale that starts like a spreadsheet formula).

import { decisionSupport, rateInspection } from "@/lib/rating";
import { SALFORD_YES } from "@/lib/panel/test-support";
import type { ExportModel } from "./model";

const COURT = 13;
const OOC = 20;

export function salfordExportModel(options: { signedOff?: boolean } = {}): ExportModel {
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
      yjsName: "Salford Youth Justice Service",
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
  };
}
