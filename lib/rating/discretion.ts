// Professional discretion by the ratings panel (framework.md 6.5 and "Product decisions"): one band
// only, up or down, and only when the lowest key question's whole-number % is within 5 points
// (inclusive) of the boundary between the two bands. The boundary is the lowest whole % of the
// better band (50, 65 or 80). Up: gap = boundary − %, so 60 → Good is allowed (gap 5, the 2020
// report's case). Down: gap = % − boundary, so 70 → Requires improvement is allowed, 71 is not.

import type { Rating } from "@/lib/framework";
import { bandAbove, bandBelow, bandMinimum, ratingRank } from "./bands";
import type { RatingErrorCode } from "./errors";

export const DISCRETION_MAX_GAP = 5;

export interface DiscretionOption {
  readonly to: Rating;
  readonly direction: "up" | "down";
  /** Lowest whole % of the better of the two bands. */
  readonly boundary: number;
  /** Points between the lowest key question's % and the boundary. */
  readonly gap: number;
  readonly allowed: boolean;
}

/** The one-band moves from a calculated rating, each with whether the 5-point rule allows it. */
export function discretionOptions(calculated: Rating, lowestPercent: number): DiscretionOption[] {
  const options: DiscretionOption[] = [];
  const up = bandAbove(calculated);
  if (up) {
    const boundary = bandMinimum(up);
    const gap = boundary - lowestPercent;
    options.push({ to: up, direction: "up", boundary, gap, allowed: gap <= DISCRETION_MAX_GAP });
  }
  const down = bandBelow(calculated);
  if (down) {
    const boundary = bandMinimum(calculated);
    const gap = lowestPercent - boundary;
    options.push({ to: down, direction: "down", boundary, gap, allowed: gap <= DISCRETION_MAX_GAP });
  }
  return options;
}

export type DiscretionCheck = { readonly ok: true } | { readonly ok: false; readonly code: RatingErrorCode; readonly message: string };

/** Whether the panel may move a calculated rating to `to`; `lowestPercent` is the lowest key question's whole %. */
export function checkDiscretion(calculated: Rating, lowestPercent: number, to: Rating): DiscretionCheck {
  if (to === calculated) {
    return {
      ok: false,
      code: "discretion_unchanged",
      message: `the calculated rating is already '${calculated}'; discretion records only a change.`,
    };
  }
  if (Math.abs(ratingRank(to) - ratingRank(calculated)) > 1) {
    return {
      ok: false,
      code: "discretion_more_than_one_band",
      message: `'${calculated}' to '${to}' moves more than one band; discretion moves one band only.`,
    };
  }
  const option = discretionOptions(calculated, lowestPercent).find((o) => o.to === to);
  if (!option) {
    // Unreachable: any one-band move is one of the options.
    return { ok: false, code: "discretion_more_than_one_band", message: `no one-band move from '${calculated}' to '${to}'.` };
  }
  if (!option.allowed) {
    return {
      ok: false,
      code: "discretion_out_of_range",
      message: `the lowest key question is ${lowestPercent}%, ${option.gap} points from the ${option.boundary}% boundary between '${calculated}' and '${to}'; discretion needs ${DISCRETION_MAX_GAP} or fewer.`,
    };
  }
  return { ok: true };
}
