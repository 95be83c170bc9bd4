import { describe, expect, it } from "vitest";
import { clockTime, dayAndTime, formatDate, timeOnDay } from "./dates";

// Every day of a leap year, at times that cross noon and midnight, against Intl's en-GB output: the
// hand-written formats must read exactly as the browser's did (but midnight is "12:05am", as GOV.UK
// writes it, where en-GB's default 12-hour clock says "0:05am").
const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2028, 0, 1 + i)));
const times = days.flatMap((day, i) => [0, 9, 11, 12, 13, 23].map((hour) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, (i * 7) % 60, (i * 13) % 60)));

const intl = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", options);
const utcDate = intl({ day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const hm = intl({ hour: "2-digit", minute: "2-digit" });
const hms = intl({ hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dayHm = intl({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const h12 = intl({ hour: "numeric", minute: "2-digit", hourCycle: "h12" });
const weekdayDate = intl({ weekday: "long", day: "numeric", month: "long" });

describe("dates as the app shows them", () => {
  it("formats calendar dates in UTC as the reports do", () => {
    for (const day of days) expect(formatDate(day)).toBe(utcDate.format(day));
    expect(formatDate(new Date("2024-01-22T00:00:00Z"))).toBe("22 January 2024");
    expect(formatDate(null)).toBe("—");
  });

  it("formats the device's clock times as Intl's en-GB does", () => {
    for (const at of times) {
      expect(clockTime(at)).toBe(hm.format(at));
      expect(clockTime(at, { seconds: true })).toBe(hms.format(at));
      expect(dayAndTime(at)).toBe(dayHm.format(at));
      expect(timeOnDay(at)).toBe(`${h12.format(at).replace(/\s/g, "")} on ${weekdayDate.format(at)}`);
    }
    expect(dayAndTime(new Date(2026, 8, 2, 9, 5))).toBe("2 Sept, 09:05");
    expect(timeOnDay(new Date(2026, 11, 2, 0, 5))).toBe("12:05am on Wednesday 2 December");
  });
});
