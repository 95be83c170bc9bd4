// How the programme's figures are said in words, the same on the page, in charts' text
// alternatives and in tests: "2.1.3: 62%, 31st percentile of 40 inspections".

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 101st, 111th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function inspectionsCount(n: number): string {
  return `${n} ${n === 1 ? "inspection" : "inspections"}`;
}

/** One key question of one inspection against the programme. */
export function benchmarkSentence(questionId: string, percentYes: number, percentile: number, compared: number): string {
  return `${questionId}: ${percentYes}%, ${ordinal(Math.round(percentile))} percentile of ${inspectionsCount(compared)}`;
}

/** A median or quartile can fall between two inspections: one decimal place, none when whole. */
export function figure(value: number | null): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
