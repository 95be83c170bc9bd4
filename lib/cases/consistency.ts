// Consistency hints (REDCap's real-time data quality rules): flagged beside the answer, never
// blocking. Pure, so the page and the browser (as the inspector types) use the same rule.

/** Rationales needed before an inspector's norm means anything. */
const MIN_RATIONALES_FOR_NORM = 5;
/** A rationale shorter than this share of the inspector's median is "much shorter". */
const SHORT_RATIONALE_SHARE = 1 / 3;
/** Norms below this (characters) are too short to compare against. */
const MIN_MEDIAN_FOR_HINT = 60;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The inspector's norm: the median length of their non-empty rationales, or null with too few. */
export function rationaleNorm(lengths: readonly number[]): number | null {
  const nonEmpty = lengths.filter((n) => n > 0);
  if (nonEmpty.length < MIN_RATIONALES_FOR_NORM) return null;
  return median(nonEmpty);
}

export function promptHint(value: string | null, promptMarks: Readonly<Record<string, string | null>>, promptCount: number): string | null {
  if (value !== "yes" || promptCount === 0) return null;
  const notMet = Object.values(promptMarks).filter((mark) => mark === "not_met").length;
  if (notMet * 2 <= promptCount) return null;
  return `You answered yes, but ${notMet} of the ${promptCount} prompts are marked not met. Check the answer or the marks.`;
}

export function shortRationaleHint(value: string | null, rationale: string, norm: number | null): string | null {
  const length = rationale.trim().length;
  if (value === null || norm === null || norm < MIN_MEDIAN_FOR_HINT || length === 0) return null;
  if (length >= norm * SHORT_RATIONALE_SHARE) return null;
  return `This rationale is much shorter than your usual ones (${length} characters; your median is ${Math.round(norm)}). Is anything missing?`;
}
