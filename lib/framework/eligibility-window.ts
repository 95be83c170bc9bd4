// The eligibility windows proposed from the fieldwork start date (framework.md section 7), by the
// rule each version declares (MethodRules.windows in yjs-2018.ts, yjs-2021.ts): one window for every
// stream, or one for court and one for out-of-court disposals, each a number of days or calendar
// months before fieldwork. The lead inspector can still change every proposal. Dates are plain
// calendar dates, so the arithmetic is in UTC to avoid daylight-saving shifts moving a date by one day.

import type { Stream } from "@/lib/framework/case-attributes";
import { getFramework, isFrameworkVersion } from "./index";
import type { WindowRule, WindowSpan } from "./types";

export interface EligibilityWindow {
  /** First eligible disposal date, inclusive, YYYY-MM-DD. */
  start: string;
  /** Last eligible disposal date, inclusive, YYYY-MM-DD. */
  end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date YYYY-MM-DD, or null if it is not one. */
export function isoDateToEpochDay(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to 2023-03-02; a round trip catches dates that do not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

export function epochDayToIsoDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isRealIsoDate(value: string): boolean {
  return isoDateToEpochDay(value) !== null;
}

/**
 * The same day `months` calendar months earlier, in UTC. A day that the earlier month does not have
 * becomes that month's last day: 31 May − 3 months = 28 February (29 in a leap year).
 */
export function subtractCalendarMonths(isoDate: string, months: number): string {
  if (isoDateToEpochDay(isoDate) === null) throw new RangeError("the date must be a real date written YYYY-MM-DD");
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError("months must be a whole number, 0 or more");
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999. Day 0 of the next month
  // is the last day of this one.
  const utcDate = (y: number, m: number, d: number) => {
    const date = new Date(0);
    date.setUTCFullYear(y, m, d);
    return date;
  };
  const lastDay = utcDate(targetYear, targetMonth + 1, 0).getUTCDate();
  return utcDate(targetYear, targetMonth, Math.min(day, lastDay)).toISOString().slice(0, 10);
}

/** e.g. "364 to 66 days before fieldwork", "9 to 6 months before fieldwork". */
export function describeWindowSpan(span: WindowSpan): string {
  return `${span.startBefore} to ${span.endBefore} ${span.unit} before fieldwork`;
}

/** The window `span` proposes for fieldwork starting on `fieldworkStart` (YYYY-MM-DD). */
export function proposeWindow(span: WindowSpan, fieldworkStart: string): EligibilityWindow {
  const fieldworkDay = isoDateToEpochDay(fieldworkStart);
  if (fieldworkDay === null) throw new RangeError("fieldworkStart must be a real date written YYYY-MM-DD");
  const before = (count: number) =>
    span.unit === "days" ? epochDayToIsoDate(fieldworkDay - count) : subtractCalendarMonths(fieldworkStart, count);
  return { start: before(span.startBefore), end: before(span.endBefore) };
}

/**
 * An inspection's windows as stored: `window` serves every stream, or, for a version with an
 * out-of-court window, court (and resettlement) disposals while `oocWindow` serves out-of-court ones.
 * A null window means none was set: that stream's disposal dates are not checked.
 */
export interface InspectionWindows {
  window: EligibilityWindow | null;
  oocWindow: EligibilityWindow | null;
}

/** The version's window rule; null for a version no declaration defines. */
export function windowRule(frameworkVersion: string): WindowRule | null {
  return isFrameworkVersion(frameworkVersion) ? getFramework(frameworkVersion).rules.windows : null;
}

/** Whether the framework version has a window per stream (court and out-of-court) rather than one. */
export function hasStreamWindows(frameworkVersion: string): boolean {
  return (windowRule(frameworkVersion)?.outOfCourt ?? null) !== null;
}

/** The proposal for a framework version and fieldwork date, or null for a date that is not real (or an unknown version). */
export function proposeInspectionWindows(frameworkVersion: string, fieldworkStart: string): InspectionWindows | null {
  const rule = windowRule(frameworkVersion);
  if (!rule || !isRealIsoDate(fieldworkStart)) return null;
  return { window: proposeWindow(rule.window, fieldworkStart), oocWindow: rule.outOfCourt ? proposeWindow(rule.outOfCourt, fieldworkStart) : null };
}

/** The window a case of `stream` is judged against. */
export function windowForStream(frameworkVersion: string, stream: Stream, windows: InspectionWindows): EligibilityWindow | null {
  return hasStreamWindows(frameworkVersion) && stream === "out_of_court" ? windows.oocWindow : windows.window;
}

/** Inclusive at both ends; ISO date strings compare correctly as text. */
export function isWithinWindow(isoDate: string, window: EligibilityWindow): boolean {
  return isoDate >= window.start && isoDate <= window.end;
}
