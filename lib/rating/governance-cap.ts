// Governance cap (yjs-2021 only; framework.md 6.6 and "Product decisions"): when fewer than half of
// the eight final ratings of standards 2.1–3.4 are Good or Outstanding, 1.1 governance and
// leadership cannot be rated above Requires improvement.
//
// While some of the eight are still unrated the cap bites only once it is certain: when even
// rating every remaining one Good could not reach half. So a panel may judge 1.1 before the case
// standards are all in, and a later rating that makes the cap certain is refused on 1.1 then.

import { getFramework, type FrameworkVersion, type Rating } from "@/lib/framework";
import { isBetterThan } from "./bands";

export const GOVERNANCE_CAP_STANDARD = "1.1";
export const GOVERNANCE_CAP_BASE_STANDARDS = ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"] as const;
export const GOVERNANCE_CAP_MAX_RATING: Rating = "Requires improvement";

export interface GovernanceCapStatus {
  /** Whether the framework version has the cap at all. */
  readonly inForce: boolean;
  readonly goodOrBetter: number;
  readonly rated: number;
  readonly of: number;
  /** True when 1.1 is limited to Requires improvement. */
  readonly capped: boolean;
}

export function governanceCapStatus(
  version: FrameworkVersion,
  finalRatingOf: (standardId: string) => Rating | null,
): GovernanceCapStatus {
  const ratings = GOVERNANCE_CAP_BASE_STANDARDS.map(finalRatingOf);
  const rated = ratings.filter((r) => r !== null).length;
  const goodOrBetter = ratings.filter((r) => r === "Good" || r === "Outstanding").length;
  const of = GOVERNANCE_CAP_BASE_STANDARDS.length;
  const unrated = of - rated;
  const inForce = getFramework(version).rules.governanceCap;
  // "Fewer than half": 2 × (best possible Good-or-better count) < 8.
  const capped = inForce && 2 * (goodOrBetter + unrated) < of;
  return { inForce, goodOrBetter, rated, of, capped };
}

/** Whether a 1.1 judgement breaks the cap. */
export function breaksGovernanceCap(status: GovernanceCapStatus, judgement: Rating): boolean {
  return status.capped && isBetterThan(judgement, GOVERNANCE_CAP_MAX_RATING);
}
