// The panel's moderation line per key question, and its warning. Pure.
//
// A warning is raised where agreement is low on a key question whose % yes is near a band boundary:
// there, answers judged differently could move the band, so the figure leans on judgements the dip
// sample found unsteady. Low: fewer than 80% of the compared dip-sampled answers agreed, or AC1 below
// 0.6. Near: within 5 points of a band's lower limit (the 5-point distance the discretion rule uses).

import { BAND_MINIMUMS } from "@/lib/rating/bands";
import type { AgreementSummary } from "@/lib/statistics/agreement";

const LOW_PERCENT_AGREEMENT = 0.8;
const LOW_AC1 = 0.6;
const NEAR_BOUNDARY_POINTS = 5;

export interface ModerationLine {
  keyQuestionId: string;
  /** "2.1.3: 9 of 10 dip-sampled answers agreed, AC1 0.84" */
  text: string;
  low: boolean;
  /** Set when agreement is low and the key question's % yes is near a band boundary. */
  warning: string | null;
}

const formatStatistic = (value: number) => value.toFixed(2);

/** The nearest band boundary within NEAR_BOUNDARY_POINTS of `percent`, or null. */
export function nearBoundary(percent: number): number | null {
  let nearest: number | null = null;
  for (const { minPercent } of BAND_MINIMUMS) {
    if (minPercent === 0) continue;
    const gap = Math.abs(percent - minPercent);
    if (gap <= NEAR_BOUNDARY_POINTS && (nearest === null || gap < Math.abs(percent - nearest))) nearest = minPercent;
  }
  return nearest;
}

export function moderationLine(keyQuestionId: string, summary: AgreementSummary, percentYes: number | null): ModerationLine {
  const ac1 = summary.ac1.value;
  const pa = summary.percentAgreement.value;
  const parts = [`${summary.agreed} of ${summary.compared} dip-sampled answer${summary.compared === 1 ? "" : "s"} agreed`];
  if (ac1 !== null) parts.push(`AC1 ${formatStatistic(ac1)}`);
  if (summary.applicabilityDisagreements > 0) parts.push(`${summary.applicabilityDisagreements} more differed on whether it applies`);
  const low = (pa !== null && pa < LOW_PERCENT_AGREEMENT) || (ac1 !== null && ac1 < LOW_AC1) || summary.applicabilityDisagreements > 0 && summary.compared === 0;
  const boundary = percentYes === null ? null : nearBoundary(percentYes);
  return {
    keyQuestionId,
    text: summary.compared === 0 && summary.applicabilityDisagreements === 0 ? `${keyQuestionId}: no dip-sampled answers to compare yet` : `${keyQuestionId}: ${parts.join(", ")}`,
    low,
    warning:
      low && boundary !== null
        ? `Agreement on ${keyQuestionId} is low and its ${percentYes}% yes is ${Math.abs(percentYes! - boundary)} point${Math.abs(percentYes! - boundary) === 1 ? "" : "s"} from the ${boundary}% band boundary: answers judged differently could change its band.`
        : null,
  };
}
