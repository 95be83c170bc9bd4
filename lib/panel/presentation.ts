// Words for decision support, shared by the panel page and the PDF (pure). The numbers are the
// rating engine's (decisionSupport); this only phrases them.

import type { Rating } from "@/lib/framework";
import { keyQuestionBand, percentYes, type KeyQuestionSupport } from "@/lib/rating";

/**
 * A key question is highlighted as near a boundary when this many answers or fewer, judged the other
 * way in the same sample (a "no" that would be "yes", or a "yes" that would be "no"), would change
 * its band. 1: a single case judged differently moves the band, which is what the panel needs to
 * look at before relying on it; 2 or more would highlight most small-sample key questions.
 */
export const NEAR_BOUNDARY_ANSWERS = 1;

export interface BandChange {
  readonly answers: number;
  /** The band those changed answers would give (on a small sample it can be more than one band away). */
  readonly band: Rating;
  /** e.g. "1 answer changed from no to yes would reach Good". */
  readonly text: string;
}

export interface BandDistance {
  /** Null at Outstanding. */
  readonly up: BandChange | null;
  /** Null at Inadequate. */
  readonly down: BandChange | null;
  /** One answer judged differently, either way, would change the band. */
  readonly near: boolean;
  /** Both directions in one sentence, e.g. "1 answer changed from no to yes would reach Good; 2 answers changed from yes to no would drop it to Inadequate". */
  readonly text: string;
}

const answers = (n: number) => `${n} answer${n === 1 ? "" : "s"}`;

export function bandDistance(support: KeyQuestionSupport): BandDistance {
  const raise = support.noToYesToRaiseBand;
  const drop = support.yesToNoToDropBand;
  const bandWith = (yes: number) => keyQuestionBand(percentYes(yes, support.applicable));
  const up: BandChange | null =
    raise === null ? null : { answers: raise, band: bandWith(support.yes + raise), text: `${answers(raise)} changed from no to yes would reach ${bandWith(support.yes + raise)}` };
  const down: BandChange | null =
    drop === null ? null : { answers: drop, band: bandWith(support.yes - drop), text: `${answers(drop)} changed from yes to no would drop it to ${bandWith(support.yes - drop)}` };
  return {
    up,
    down,
    near: [up, down].some((change) => change !== null && change.answers <= NEAR_BOUNDARY_ANSWERS),
    text: [up?.text, down?.text].filter(Boolean).join("; "),
  };
}

/** "43.9–76.6%": the 80% interval to one decimal place, as the exports give it (lib/exports/csv.ts). */
export function intervalText(support: KeyQuestionSupport): string {
  const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
  return `${oneDecimal(support.interval80.lower)}–${oneDecimal(support.interval80.upper)}%`;
}
