// How the programme's figures are said in words, the same on the page, in charts' text
// alternatives and in tests: "2.1.3: 62%, 31st percentile of 40 inspections".

import { ordinal } from "@/components/charts/geometry";

export function inspectionsCount(n: number): string {
  return `${n} ${n === 1 ? "inspection" : "inspections"}`;
}

/** One key question of one inspection against the programme. */
export function benchmarkSentence(questionId: string, percentYes: number, percentile: number, compared: number): string {
  return `${questionId}: ${percentYes}%, ${ordinal(percentile)} percentile of ${inspectionsCount(compared)}`;
}

/** A median or quartile can fall between two inspections: one decimal place, none when whole. */
export function figure(value: number | null): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
