// Types of the versioned framework data (framework.md sections 3 and 4). The data itself lives in
// yjs-2018.ts and yjs-2021.ts, listed in versions.ts; answers keep the version they were given
// under, so nothing here is ever edited in place: a change of wording is a new version.

import type { Stream } from "./case-attributes";
import type { FrameworkVersion } from "./versions";

export type { FrameworkVersion };

/** Ratings, best first. Spelled exactly as the reports and the rating contract spell them. */
export const RATINGS = ["Outstanding", "Good", "Requires improvement", "Inadequate"] as const;
export type Rating = (typeof RATINGS)[number];

/** How a standard is rated: from the % 'yes' over the case sample, or judged against evidence. */
export type Basis = "cases" | "judgement";

/**
 * What, besides the stream, a case needs for a key question to apply (yjs-2018 only):
 * the inspector's judgement that there are harm factors / safety and wellbeing factors, or a
 * youth conditional caution disposal.
 */
export type ApplicabilityRequirement = null | "harm_factors" | "safety_wellbeing_factors" | "youth_conditional_caution";

export interface KeyQuestion {
  /** e.g. "2.1.3"; the 2021+ reports print no numbers, so ids follow table order (framework.md 4). */
  readonly id: string;
  readonly standardId: string;
  /** Exact wording: show it to inspectors word for word. */
  readonly text: string;
  readonly appliesTo: {
    /** Stream of the cases that answer it; null for domain one key questions (informing a judgement). */
    readonly stream: Stream | null;
    readonly requires: ApplicabilityRequirement;
  };
  /** Default prompts: the aspects evidenced in the reports (framework.md 5). Guidance, not scored. */
  readonly prompts: readonly string[];
  /** Whether an inspector may mark this key question N/A for a case (with a reason). */
  readonly notApplicableAllowed: boolean;
  /** Where the product reads the framework deliberately, why: shown to inspectors as the question's hint. */
  readonly guidance?: string;
}

export interface Standard {
  /** e.g. "2.1" */
  readonly id: string;
  readonly title: string;
  /** Exact wording of the standard statement. */
  readonly statement: string;
  readonly domainId: string;
  readonly domainTitle: string;
  readonly basis: Basis;
  /** Whether it counts toward the score, 0–3 points a standard (4.1 resettlement does not). */
  readonly scored: boolean;
  /** The case stream a case-rated standard is rated from; null for judgement standards. */
  readonly stream: Stream | null;
  readonly keyQuestions: readonly KeyQuestion[];
  /** Evidence topics of the judgement-rated policy standards 3.4 and 4.1 in yjs-2021 (framework.md 5). */
  readonly evidenceTopics: readonly string[];
}

export interface Domain {
  /** "1".."4" */
  readonly id: string;
  readonly title: string;
  readonly standards: readonly Standard[];
}

/**
 * How the version's published reports word the draft report (lib/exports/report-document.ts reads
 * it): the key question tables' heading and notes, the discretion note, the domain headings.
 * Placeholders in braces are filled in by the report.
 */
export interface ReportWording {
  /** Heading of the % column of a key question table: "% 'Yes'" (2021+) or "% yes" (2018). */
  readonly percentColumnHeading: string;
  /** "Our rating for {standard} is based on the following key questions:" ({standard} lower case). */
  readonly keyQuestionTableIntro: string;
  /** The note that the lowest key question, in bold, sets the rating. */
  readonly lowestKeyQuestionNote: string;
  /**
   * How a discretion decision is marked: a numbered footnote on the lowest key question's % (2021+)
   * or an asterisk after it with a sentence under the table (2018).
   */
  readonly discretionMark: "footnote" | "asterisk";
  /** {direction} is "increasing" or "decreasing"; {from} {to} are ratings; {service} is e.g. "YJS". */
  readonly discretionNote: string;
  /** The reports capitalise ratings in the discretion note ("'Requires Improvement'"). */
  readonly capitaliseRatingsInNotes: boolean;
  /** Heading of each domain's section, by domain id ("Domain one: Organisational delivery"). */
  readonly domainHeadings: Readonly<Record<string, string>>;
  /** Footnote on the resettlement domain in the ratings table; null when the version has none. */
  readonly resettlementNote: string | null;
  /**
   * Said after the out-of-court sample's disposals when none is a youth conditional caution (Knowsley
   * 2023); null when the version's reports do not say it (the 2018 reports).
   */
  readonly noYouthConditionalCautions: string | null;
  /**
   * Key questions a published report words differently from the framework text kept here, by id:
   * the report and its wording (the framework text stays as it is; the panel can show the variant).
   */
  readonly publishedKeyQuestionVariants: Readonly<Record<string, readonly { readonly report: string; readonly text: string }[]>>;
}

/** How far before the day fieldwork starts a window's first and last eligible disposal dates fall. */
export interface WindowSpan {
  readonly unit: "days" | "months";
  readonly startBefore: number;
  readonly endBefore: number;
}

/** How the eligibility windows are proposed from the fieldwork start date (framework.md 7). */
export interface WindowRule {
  /** The window of every stream; with `outOfCourt` set, the court disposal window (and resettlement's). */
  readonly window: WindowSpan;
  /**
   * A window of its own for out-of-court disposals, stored as the inspection's out-of-court window,
   * or null. A CHECK in prisma/migrations/20261122080000_stream_windows.sql names the versions allowed one.
   */
  readonly outOfCourt: WindowSpan | null;
  /** Where the rule comes from, shown beside the proposal ("the pattern of the 2021 framework's reports"). */
  readonly basis: string;
  /** What the proposal assumes where the framework is silent, shown beside it; null when nothing. */
  readonly assumption: string | null;
}

/** One sample sized on court and out-of-court cases together, then split between them (S2). */
export interface StreamSplit {
  /** How the set-up pages name it, e.g. "S2's split". */
  readonly name: string;
  /** Percent of the sample from court disposals; out-of-court disposals have the rest. */
  readonly courtPercent: number;
  /** The split in a sentence, shown beside the proposal. */
  readonly label: string;
}

/** Domain one's governance standard cannot be rated above `maxRating` when fewer than half of `baseStandards` are Good or better (framework.md 6.6). */
export interface GovernanceCapRule {
  readonly standard: string;
  readonly baseStandards: readonly string[];
  readonly maxRating: Rating;
}

/** An overall rating's band: the lowest score that earns it. */
export interface OverallBand {
  readonly rating: Rating;
  readonly minScore: number;
}

/** A version's method rules beside its wording (framework.md "Product decisions"). */
export interface MethodRules {
  /** The case streams it samples and inspects (yjs-2018 has no resettlement cases: framework.md 3). */
  readonly streams: readonly Stream[];
  /** Null when the version has no cap. */
  readonly governanceCap: GovernanceCapRule | null;
  /**
   * The overall rating's bands on the score (the scored standards' points added up), one for each
   * rating, best first: the method states them on the version's own score (framework.md 6.4: 0–36).
   */
  readonly overallBands: readonly OverallBand[];
  readonly windows: WindowRule;
  /** Null when each stream is sized on its own eligible population (sampling/sample-size.ts). */
  readonly streamSplit: StreamSplit | null;
  /**
   * The judged standard resettlement cases illustrate: they answer no key questions, and that
   * standard's evidence may name one of them (yjs-2021: 4.1). Null when the version has none.
   */
  readonly resettlementStandard: string | null;
}

/** `V` is the version's own id while versions.ts derives FrameworkVersion from the declarations. */
export interface Framework<V extends string = FrameworkVersion> {
  readonly version: V;
  readonly label: string;
  readonly domains: readonly Domain[];
  readonly report: ReportWording;
  readonly rules: MethodRules;
}
