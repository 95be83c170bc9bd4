// The eligibility window proposed from the fieldwork start date (framework.md section 7).
//
// Every 2021+ report follows one pattern [inferred]: the window starts 364 days (52 weeks) before
// fieldwork begins and ends 66 days before it, 298 days long. The lead inspector can still change
// the proposal. Dates are plain calendar dates, so the arithmetic is in UTC to avoid daylight-saving
// shifts moving a date by one day.

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
