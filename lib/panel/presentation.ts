// Words for decision support, shared by the panel page and the PDF (pure). The numbers are the
// rating engine's (decisionSupport); this only phrases them.

import type { Rating } from "@/lib/framework";
import { bandAbove, type KeyQuestionSupport } from "@/lib/rating";

/** A key question is highlighted as near a boundary when this many more "yes" answers or fewer lift its band. */
export const NEAR_BOUNDARY_ANSWERS = 2;

export interface NextBand {
  readonly answers: number;
  readonly band: Rating;
  readonly near: boolean;
  /** e.g. "1 more yes answer reaches Good". */
  readonly text: string;
}

export function nextBand(support: KeyQuestionSupport): NextBand | null {
  const up = bandAbove(support.band);
  if (support.yesToNextBandUp === null || up === null) return null;
  const n = support.yesToNextBandUp;
  return {
    answers: n,
    band: up,
    near: n <= NEAR_BOUNDARY_ANSWERS,
    text: `${n} more yes answer${n === 1 ? "" : "s"} reach${n === 1 ? "es" : ""} ${up}`,
  };
}

/** "29–63%": the 80% interval as whole percentages (rounded outward so it never looks narrower). */
export function intervalText(support: KeyQuestionSupport): string {
  return `${Math.floor(support.interval80.lower)}–${Math.ceil(support.interval80.upper)}%`;
}
