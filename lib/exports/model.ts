// What every export is built from (pure data): the inspection, whether the ratings are a draft or
// signed off, the engine's result and decision support (from the sign-off snapshot once signed
// off), the judgement rationales, the evidence lists and the case-level answers. The builders in
// this folder turn it into XLSX, CSV, DOCX and PDF without touching the database.

import { formatDate } from "@/lib/dates";
import type { FrameworkVersion, Rating } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import type { ModerationExport } from "@/lib/moderation/export";
import { isBetterThan, type DecisionSupport, type DiscretionRecord, type Exclusions, type KeyQuestionCoverage, type RatingResult } from "@/lib/rating";
import type { CaseStatus } from "@/lib/statuses";

export interface ExportModel {
  readonly inspection: {
    readonly id: string;
    readonly yjsName: string;
    readonly frameworkVersion: FrameworkVersion;
    readonly frameworkLabel: string;
    readonly fieldworkStart: Date;
  };
  readonly generatedAt: Date;
  /** Null while the ratings are a draft. */
  readonly signOff: { readonly signedAt: Date; readonly signedBy: string } | null;
  readonly result: RatingResult;
  readonly support: DecisionSupport;
  /** The panel's rationale for each judgement-rated standard, by standard id. */
  readonly judgementNotes: Readonly<Record<string, string>>;
  readonly evidence: readonly ExportEvidence[];
  readonly answers: readonly ExportAnswerRow[];
  /** What the draft report adds to the ratings: its records, the sample's cases, the windows. */
  readonly report: ReportRecords;
  /** The moderation dip sample, its outcomes and the agreement statistics (lib/moderation/export.ts). */
  readonly moderation: ModerationExport;
}

export interface ReportRecords {
  /** yjs-2021: one window for every stream; yjs-2018: court (start, end) and out-of-court windows. */
  readonly windows: {
    readonly start: Date | null;
    readonly end: Date | null;
    readonly oocStart: Date | null;
    readonly oocEnd: Date | null;
  };
  /** The sample's cases (removed ones excluded): what the Background and domain counts are computed from. */
  readonly cases: readonly ReportCase[];
  readonly recommendations: readonly ExportRecommendation[];
  /** The lead's narrative by standard id: one point per line. */
  readonly narratives: Readonly<Record<string, { readonly strengths: string; readonly areasForImprovement: string }>>;
  /** Per key question, the cases it applies to and how many are not final (lib/rating figure-coverage). */
  readonly coverage: readonly KeyQuestionCoverage[];
  readonly excluded: Readonly<Record<string, Exclusions>>;
}

export interface ReportCase {
  readonly stream: Stream;
  readonly disposalType: string;
  readonly status: CaseStatus;
  readonly harmFactors: boolean | null;
  readonly safetyWellbeingFactors: boolean | null;
  readonly caseManagerInterviewed: boolean | null;
}

export interface ExportRecommendation {
  readonly position: number;
  readonly party: "yjs" | "management_board" | "police" | "health" | "local_authority" | "other";
  readonly partyName: string | null;
  readonly text: string;
}

export interface ExportEvidence {
  readonly standardId: string;
  readonly topic: string;
  readonly kind: "strength" | "area_for_improvement";
  readonly source: string;
  readonly occurredOn: Date;
  readonly text: string;
  readonly caseReference: string | null;
}

export interface ExportAnswerRow {
  readonly caseReference: string;
  readonly stream: string;
  readonly streamLabel: string;
  readonly disposalType: string;
  readonly disposalTypeLabel: string;
  readonly caseStatus: CaseStatus;
  readonly caseStatusLabel: string;
  readonly standardId: string;
  readonly standardTitle: string;
  readonly questionId: string;
  readonly questionText: string;
  /** yes | no | na, or "" when not answered yet. */
  readonly answer: string;
  readonly answerLabel: string;
  readonly naReason: string;
  readonly rationale: string;
  /** Whether the key question applies to the case by the version's rule. */
  readonly applies: boolean;
  /** Whether this answer is in the final figures (applies, yes or no, case completed or approved). */
  readonly countsInFinal: boolean;
  readonly inspector: string;
  readonly answeredAt: Date | null;
}

export const DRAFT_LABEL = "DRAFT — not signed off";

/** "DRAFT — not signed off" or "Signed off by … on …", the line every export carries. */
export function statusLine(model: ExportModel): string {
  return model.signOff ? `Signed off by ${model.signOff.signedBy} on ${formatDate(model.signOff.signedAt)}` : DRAFT_LABEL;
}

/** The reports' footnote for a discretion decision (S1 footnotes 5 and 8), up or down. */
export function discretionFootnote(discretion: DiscretionRecord): string {
  const direction = isBetterThan(discretion.to, discretion.from) ? "increasing" : "decreasing";
  return `Professional discretion was applied at the ratings panel ${direction} this rating from '${discretion.from}' to '${discretion.to}'.`;
}

export const RESETTLEMENT_FOOTNOTE = "The rating for Resettlement does not influence the overall YJS rating.";

/**
 * "Fieldwork started January 2024", as the reports' ratings page says; "Fieldwork starts February
 * 2027" when the export is made before fieldwork has begun.
 */
export function fieldworkLine(model: ExportModel): string {
  const month = model.inspection.fieldworkStart.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return model.inspection.fieldworkStart > model.generatedAt ? `Fieldwork starts ${month}` : `Fieldwork started ${month}`;
}

export function scoreLine(result: RatingResult): string {
  return result.complete ? `${result.score}/${result.maxScore}` : `${result.score}/${result.maxScore} so far (not rated yet: ${result.missing.join(", ")})`;
}

export function ratingText(rating: Rating | null): string {
  return rating ?? "Not rated";
}

/** Domains in framework order with their standards' results. */
export function domainsOf(result: RatingResult): { title: string; number: string; standards: RatingResult["standards"] }[] {
  const domains: { title: string; number: string; standards: RatingResult["standards"][number][] }[] = [];
  for (const standard of result.standards) {
    const number = standard.id.split(".")[0] ?? "";
    let domain = domains.find((d) => d.number === number);
    if (!domain) {
      domain = { title: standard.domain, number, standards: [] };
      domains.push(domain);
    }
    domain.standards.push(standard);
  }
  return domains;
}

/** Slug for file names: "Demoshire Youth Justice Service" → "demoshire-youth-justice-service". */
export function fileSlug(model: ExportModel): string {
  const name = model.inspection.yjsName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "inspection";
  const kind = model.signOff ? "signed-off-ratings" : "draft-ratings";
  return `${name}-${kind}-${model.generatedAt.toISOString().slice(0, 10)}`;
}

export const ANSWER_LABELS: Readonly<Record<string, string>> = Object.freeze({ yes: "Yes", no: "No", na: "Not applicable", "": "Not answered" });
