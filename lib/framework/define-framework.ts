// Turns the compact per-version definitions into the Framework shape: fills in the back references
// (standardId, domainId, domainTitle, a key question's stream), checks the id scheme and freezes the
// whole graph. Keeps yjs-2018.ts and yjs-2021.ts down to the wording itself.

import type { Stream } from "./case-attributes";
import { deepFreeze } from "./deep-freeze";
import { RATINGS, type ApplicabilityRequirement, type Basis, type Domain, type Framework, type KeyQuestion, type MethodRules, type ReportWording, type Standard } from "./types";

export interface KeyQuestionDefinition {
  readonly id: string;
  readonly text: string;
  readonly requires?: ApplicabilityRequirement;
  readonly prompts?: readonly string[];
  /** Defaults to true for case-answered key questions and false for domain one ones. */
  readonly notApplicableAllowed?: boolean;
  readonly guidance?: string;
}

export interface StandardDefinition {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly basis: Basis;
  readonly scored: boolean;
  /** Required for case-rated standards: the stream whose cases answer the key questions. */
  readonly stream?: Stream;
  readonly keyQuestions?: readonly KeyQuestionDefinition[];
  readonly evidenceTopics?: readonly string[];
}

export interface DomainDefinition {
  readonly id: string;
  readonly title: string;
  readonly standards: readonly StandardDefinition[];
}

/** `version` is the id the application stores; versions.ts derives the FrameworkVersion type from the declared ones. */
export function defineFramework<V extends string>(version: V, label: string, domains: readonly DomainDefinition[], report: ReportWording, rules: MethodRules): Framework<V> {
  const builtDomains: Domain[] = domains.map((domain) => ({
    id: domain.id,
    title: domain.title,
    standards: domain.standards.map((standard) => buildStandard(domain, standard)),
  }));
  for (const domain of builtDomains) {
    if (!report.domainHeadings[domain.id]) throw new Error(`${version}: domain ${domain.id} has no report heading`);
  }
  for (const id of Object.keys(report.publishedKeyQuestionVariants)) {
    if (!builtDomains.some((d) => d.standards.some((s) => s.keyQuestions.some((k) => k.id === id)))) {
      throw new Error(`${version}: a published variant names ${id}, which is not a key question`);
    }
  }
  checkRules(version, builtDomains, rules);
  return deepFreeze({ version, label, domains: builtDomains, report, rules });
}

/** A version's rules may name only its own standards and streams, with spans and shares that make sense. */
function checkRules(version: string, domains: readonly Domain[], rules: MethodRules): void {
  const standards = domains.flatMap((d) => d.standards);
  for (const standard of standards) {
    if (standard.stream && !rules.streams.includes(standard.stream)) throw new Error(`${version}: ${standard.id} is rated from ${standard.stream} cases, which it does not sample`);
  }
  const cap = rules.governanceCap;
  if (cap) {
    if (standards.find((s) => s.id === cap.standard)?.basis !== "judgement") throw new Error(`${version}: the governance cap's ${cap.standard} is not a judged standard`);
    for (const id of cap.baseStandards) {
      if (!standards.some((s) => s.id === id && s.scored)) throw new Error(`${version}: the governance cap counts ${id}, which is not a scored standard`);
    }
  }
  // Points run 0 (Inadequate) to 3 (Outstanding) a scored standard (framework.md 6.4).
  const maxScore = 3 * standards.filter((s) => s.scored).length;
  const bands = rules.overallBands;
  const bandsInOrder = bands.length === RATINGS.length && bands.every((band, i) => band.rating === RATINGS[i] && Number.isSafeInteger(band.minScore) && (i === 0 || band.minScore < bands[i - 1]!.minScore));
  if (!bandsInOrder || bands.at(-1)?.minScore !== 0 || bands[0]!.minScore > maxScore) {
    throw new Error(`${version}: the overall bands must be one for each rating, best first, the worst from 0 and the best reachable within ${maxScore}, the most its scored standards can score`);
  }
  for (const span of [rules.windows.window, rules.windows.outOfCourt]) {
    if (span && !(Number.isSafeInteger(span.endBefore) && span.endBefore >= 0 && Number.isSafeInteger(span.startBefore) && span.startBefore > span.endBefore)) {
      throw new Error(`${version}: a window must start before it ends, in whole ${span.unit} before fieldwork`);
    }
  }
  const illustrated = rules.resettlementStandard;
  if (illustrated !== null && !(rules.streams.includes("resettlement") && standards.find((s) => s.id === illustrated)?.basis === "judgement")) {
    throw new Error(`${version}: resettlement cases can illustrate only a judged standard of a version that samples them (${illustrated})`);
  }
  const split = rules.streamSplit;
  const twoStreams = rules.streams.includes("court") && rules.streams.includes("out_of_court");
  if (rules.windows.outOfCourt && !twoStreams) throw new Error(`${version}: an out-of-court window needs court and out-of-court cases`);
  if (split && !(twoStreams && Number.isSafeInteger(split.courtPercent) && split.courtPercent >= 0 && split.courtPercent <= 100)) {
    throw new Error(`${version}: a split between streams needs court and out-of-court cases and a court share of 0–100%`);
  }
}

function buildStandard(domain: DomainDefinition, definition: StandardDefinition): Standard {
  if (!definition.id.startsWith(`${domain.id}.`)) {
    throw new Error(`Standard ${definition.id} is not in domain ${domain.id}`);
  }
  if ((definition.basis === "cases") !== (definition.stream !== undefined)) {
    throw new Error(`Standard ${definition.id}: a stream is required for case-rated standards and only for them`);
  }
  const stream = definition.stream ?? null;
  const keyQuestions: KeyQuestion[] = (definition.keyQuestions ?? []).map((kq) => {
    if (!kq.id.startsWith(`${definition.id}.`)) {
      throw new Error(`Key question ${kq.id} is not in standard ${definition.id}`);
    }
    return {
      id: kq.id,
      standardId: definition.id,
      text: kq.text,
      appliesTo: { stream, requires: kq.requires ?? null },
      prompts: kq.prompts ?? [],
      notApplicableAllowed: kq.notApplicableAllowed ?? stream !== null,
      ...(kq.guidance ? { guidance: kq.guidance } : {}),
    };
  });
  return {
    id: definition.id,
    title: definition.title,
    statement: definition.statement,
    domainId: domain.id,
    domainTitle: domain.title,
    basis: definition.basis,
    scored: definition.scored,
    stream,
    keyQuestions,
    evidenceTopics: definition.evidenceTopics ?? [],
  };
}
