// The eligibility windows proposed from the fieldwork start date (framework.md section 7).
//
// yjs-2021: every 2021+ report follows one pattern [inferred]: one window for every stream, starting
// 364 days (52 weeks) before fieldwork begins and ending 66 days before it, 298 days long.
// yjs-2018: S2 sampled court disposals from six to nine months earlier and out-of-court disposals
// from three to five months earlier, so each of the two streams has its own window. S2 does not say
// what date the months are counted from; counting back from the day fieldwork starts is our
// assumption, shown as such in the UI (YJS_2018_WINDOW_ASSUMPTION).
// The lead inspector can still change every proposal. Dates are plain calendar dates, so the
// arithmetic is in UTC to avoid daylight-saving shifts moving a date by one day.

import type { Stream } from "@/lib/framework/case-attributes";
import { getFramework, isFrameworkVersion } from "./index";

export const WINDOW_START_DAYS_BEFORE_FIELDWORK = 364;
export const WINDOW_END_DAYS_BEFORE_FIELDWORK = 66;

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

/** yjs-2018 (S2): months before fieldwork of each stream's first and last eligible disposal. */
export const YJS_2018_WINDOW_MONTHS = Object.freeze({
  court: Object.freeze({ startMonthsBefore: 9, endMonthsBefore: 6 }),
  out_of_court: Object.freeze({ startMonthsBefore: 5, endMonthsBefore: 3 }),
});

/** Shown beside the yjs-2018 proposals, as SAMPLE_SIZE_METHOD is beside the sample size. */
export const YJS_2018_WINDOW_ASSUMPTION =
  "Court disposals six to nine months before fieldwork, out-of-court disposals three to five months before (S2); the months are counted back from the day fieldwork starts — an assumption: S2 does not say what date they are counted from";

export interface Yjs2018Windows {
  court: EligibilityWindow;
  out_of_court: EligibilityWindow;
}

/** S2's two windows, counted in calendar months back from the fieldwork start date. */
export function proposeYjs2018Windows(fieldworkStart: string): Yjs2018Windows {
  if (!isRealIsoDate(fieldworkStart)) throw new RangeError("fieldworkStart must be a real date written YYYY-MM-DD");
  const windowOf = ({ startMonthsBefore, endMonthsBefore }: { startMonthsBefore: number; endMonthsBefore: number }) => ({
    start: subtractCalendarMonths(fieldworkStart, startMonthsBefore),
    end: subtractCalendarMonths(fieldworkStart, endMonthsBefore),
  });
  return { court: windowOf(YJS_2018_WINDOW_MONTHS.court), out_of_court: windowOf(YJS_2018_WINDOW_MONTHS.out_of_court) };
}

/**
 * An inspection's windows as stored. yjs-2021: `window` serves every stream and `oocWindow` is
 * null. yjs-2018: `window` is the court disposal window and `oocWindow` the out-of-court one.
 * A null window means none was set: that stream's disposal dates are not checked.
 */
export interface InspectionWindows {
  window: EligibilityWindow | null;
  oocWindow: EligibilityWindow | null;
}

/** Whether the framework version has a window per stream (court and out-of-court) rather than one. */
export function hasStreamWindows(frameworkVersion: string): boolean {
  return isFrameworkVersion(frameworkVersion) && getFramework(frameworkVersion).rules.streamWindows;
}

/** The proposal for a framework version and fieldwork date, or null for a date that is not real. */
export function proposeInspectionWindows(frameworkVersion: string, fieldworkStart: string): InspectionWindows | null {
  if (!isRealIsoDate(fieldworkStart)) return null;
  if (hasStreamWindows(frameworkVersion)) {
    const windows = proposeYjs2018Windows(fieldworkStart);
    return { window: windows.court, oocWindow: windows.out_of_court };
  }
  return { window: proposeEligibilityWindow(fieldworkStart), oocWindow: null };
}

/** The window a case of `stream` is judged against. */
export function windowForStream(frameworkVersion: string, stream: Stream, windows: InspectionWindows): EligibilityWindow | null {
  return hasStreamWindows(frameworkVersion) && stream === "out_of_court" ? windows.oocWindow : windows.window;
}

export function proposeEligibilityWindow(fieldworkStart: string): EligibilityWindow {
  const fieldworkDay = isoDateToEpochDay(fieldworkStart);
  if (fieldworkDay === null) throw new RangeError("fieldworkStart must be a real date written YYYY-MM-DD");
  return {
    start: epochDayToIsoDate(fieldworkDay - WINDOW_START_DAYS_BEFORE_FIELDWORK),
    end: epochDayToIsoDate(fieldworkDay - WINDOW_END_DAYS_BEFORE_FIELDWORK),
  };
}

/** Inclusive at both ends; ISO date strings compare correctly as text. */
export function isWithinWindow(isoDate: string, window: EligibilityWindow): boolean {
  return isoDate >= window.start && isoDate <= window.end;
}
