// What evidence can be recorded against (pure): each judgement-rated standard of the version with
// its topics, being the domain one key questions (framework.md 3.1) or, for 3.4 and 4.1 in
// yjs-2021, the evidence topics of framework.md section 5.

import { allStandards, type Framework, type Standard } from "@/lib/framework";

export interface EvidenceTopic {
  /** What is stored in EvidenceItem.topic: a key question id, or the evidence topic's wording. */
  readonly value: string;
  readonly label: string;
}

export interface EvidenceTarget {
  readonly standard: Standard;
  readonly topics: readonly EvidenceTopic[];
}

export function topicsOf(standard: Standard): EvidenceTopic[] {
  if (standard.keyQuestions.length > 0) {
    return standard.keyQuestions.map((kq) => ({ value: kq.id, label: `${kq.id} ${kq.text}` }));
  }
  return standard.evidenceTopics.map((topic) => ({ value: topic, label: topic }));
}

/** The judgement-rated standards of the version, in framework order, with their topics. */
export function evidenceTargets(fw: Framework): EvidenceTarget[] {
  return allStandards(fw)
    .filter((s) => s.basis === "judgement")
    .map((standard) => ({ standard, topics: topicsOf(standard) }));
}

export function evidenceTarget(fw: Framework, standardId: string): EvidenceTarget | undefined {
  return evidenceTargets(fw).find((t) => t.standard.id === standardId);
}

/** The label of a stored topic; the stored value itself if the framework no longer lists it. */
export function topicLabel(fw: Framework, standardId: string, topic: string): string {
  return evidenceTarget(fw, standardId)?.topics.find((t) => t.value === topic)?.label ?? topic;
}

export const EVIDENCE_KIND_LABELS = Object.freeze({ strength: "Strength", area_for_improvement: "Area for improvement" });
export const EVIDENCE_SOURCE_LABELS = Object.freeze({ document: "Document", meeting: "Meeting", interview: "Interview", case: "Case" });
