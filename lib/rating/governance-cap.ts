// Governance cap (framework.md 6.6 and "Product decisions"), where the version declares one
// (MethodRules.governanceCap; yjs-2021: when fewer than half of the eight final ratings of standards
// 2.1–3.4 are Good or Outstanding, 1.1 governance and leadership cannot be rated above Requires
// improvement).
//
// While some of the base standards are still unrated the cap bites only once it is certain: when
// even rating every remaining one Good could not reach half. So a panel may judge 1.1 before the case
// standards are all in, and a later rating that makes the cap certain is refused on 1.1 then.

import { getFramework, type FrameworkVersion, type GovernanceCapRule, type Rating } from "@/lib/framework";
import { isBetterThan } from "./bands";

export interface GovernanceCapStatus {
  /** The version's cap; null when it has none. */
  readonly rule: GovernanceCapRule | null;
  /** Whether the framework version has the cap at all. */
  readonly inForce: boolean;
  readonly goodOrBetter: number;
  readonly rated: number;
  readonly of: number;
  /** True when the capped standard is limited to the rule's maximum rating. */
  readonly capped: boolean;
}

/** The base standards as people read them: "2.1–3.4" (first to last). */
export function governanceCapBaseRange(rule: GovernanceCapRule): string {
  const first = rule.baseStandards[0] ?? "";
  const last = rule.baseStandards.at(-1) ?? "";
  return first === last ? first : `${first}–${last}`;
}

export function governanceCapStatus(
  version: FrameworkVersion,
  finalRatingOf: (standardId: string) => Rating | null,
): GovernanceCapStatus {
  const rule = getFramework(version).rules.governanceCap;
  const base = rule?.baseStandards ?? [];
  const ratings = base.map(finalRatingOf);
  const rated = ratings.filter((r) => r !== null).length;
  const goodOrBetter = ratings.filter((r) => r === "Good" || r === "Outstanding").length;
  const of = base.length;
  const unrated = of - rated;
  // "Fewer than half": 2 × (best possible Good-or-better count) < the number of base standards.
  const capped = rule !== null && 2 * (goodOrBetter + unrated) < of;
  return { rule, inForce: rule !== null, goodOrBetter, rated, of, capped };
}

/** Whether a judgement of the capped standard breaks the cap. */
export function breaksGovernanceCap(status: GovernanceCapStatus, judgement: Rating): boolean {
  return status.capped && status.rule !== null && isBetterThan(judgement, status.rule.maxRating);
}

/** What the panel shows beside the judgement of `standardId`: the cap's count, if it is the capped standard. */
export function governanceCapNote(status: GovernanceCapStatus, standardId: string): string | null {
  const rule = status.rule;
  if (!rule || standardId !== rule.standard) return null;
  const limit = status.capped ? `, fewer than half, so ${rule.standard} cannot be above ${rule.maxRating}` : "";
  return `Governance cap: ${status.goodOrBetter} of ${status.of} ratings of ${governanceCapBaseRange(rule)} are Good or Outstanding (${status.rated} rated)${limit}.`;
}
