// Turns the compact per-version definitions into the Framework shape: fills in the back references
// (standardId, domainId, domainTitle, a key question's stream), checks the id scheme and freezes the
// whole graph. Keeps yjs-2018.ts and yjs-2021.ts down to the wording itself.

import type { Stream } from "./case-attributes";
import { deepFreeze } from "./deep-freeze";
import type { ApplicabilityRequirement, Basis, Domain, Framework, FrameworkVersion, KeyQuestion, MethodRules, ReportWording, Standard } from "./types";

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

export function defineFramework(version: FrameworkVersion, label: string, domains: readonly DomainDefinition[], report: ReportWording, rules: MethodRules): Framework {
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
  return deepFreeze({ version, label, domains: builtDomains, report, rules });
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
