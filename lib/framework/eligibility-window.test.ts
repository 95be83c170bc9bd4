import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  describeWindowSpan,
  hasStreamWindows,
  isoDateToEpochDay,
  isRealIsoDate,
  isWithinWindow,
  proposeInspectionWindows,
  proposeWindow,
  subtractCalendarMonths,
  windowForStream,
} from "./eligibility-window";
import { getFramework } from "./index";

const RULES_2021 = getFramework("yjs-2021").rules.windows;
const RULES_2018 = getFramework("yjs-2018").rules.windows;
/** The yjs-2021 window: 364 to 66 days before fieldwork. */
const proposeEligibilityWindow = (fieldworkStart: string) => proposeWindow(RULES_2021.window, fieldworkStart);
/** The yjs-2018 windows (S2): court 9 to 6 months before fieldwork, out-of-court 5 to 3. */
function proposeYjs2018Windows(fieldworkStart: string) {
  if (!RULES_2018.outOfCourt) throw new Error("yjs-2018 has an out-of-court window");
  return { court: proposeWindow(RULES_2018.window, fieldworkStart), out_of_court: proposeWindow(RULES_2018.outOfCourt, fieldworkStart) };
}

describe("proposeEligibilityWindow", () => {
  it.each([
    ["S1 Salford", "2024-01-22", "2023-01-23", "2023-11-17"],
    ["S3 Hammersmith and Fulham", "2022-07-18", "2021-07-19", "2022-05-13"],
    ["S4 Stoke-on-Trent", "2022-06-27", "2021-06-28", "2022-04-22"],
    ["S5 Knowsley", "2023-01-09", "2022-01-10", "2022-11-04"],
  ])("%s: fieldwork %s gives %s to %s", (_report, fieldwork, start, end) => {
    expect(proposeEligibilityWindow(fieldwork)).toEqual({ start, end });
  });

  it("crosses a leap day and a daylight-saving change without drifting", () => {
    // 2024-03-31 is the UK clock change; 2024 is a leap year (2024-02-29 exists).
    expect(proposeEligibilityWindow("2025-03-31")).toEqual({ start: "2024-04-01", end: "2025-01-24" });
  });

  it("is always 298 days long, starting on the same weekday as fieldwork", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (date) => {
        const fieldwork = date.toISOString().slice(0, 10);
        const window = proposeEligibilityWindow(fieldwork);
        const start = isoDateToEpochDay(window.start) ?? NaN;
        const end = isoDateToEpochDay(window.end) ?? NaN;
        expect(end - start).toBe(298);
        expect(new Date(window.start).getUTCDay()).toBe(new Date(fieldwork).getUTCDay());
      }),
    );
  });

  it("rejects dates that are not real YYYY-MM-DD dates", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "22/01/2024", "2024-1-22", ""]) {
      expect(() => proposeEligibilityWindow(bad)).toThrow(RangeError);
      expect(isRealIsoDate(bad)).toBe(false);
    }
    expect(isRealIsoDate("2024-02-29")).toBe(true);
  });

  it("window membership is inclusive", () => {
    const window = { start: "2023-01-23", end: "2023-11-17" };
    expect(isWithinWindow("2023-01-23", window)).toBe(true);
    expect(isWithinWindow("2023-11-17", window)).toBe(true);
    expect(isWithinWindow("2023-01-22", window)).toBe(false);
    expect(isWithinWindow("2023-11-18", window)).toBe(false);
  });
});

describe("subtractCalendarMonths", () => {
  it.each([
    ["2024-05-31", 3, "2024-02-29"], // leap year: clamped to 29 February
    ["2023-05-31", 3, "2023-02-28"], // clamped to 28 February
    ["2024-03-31", 1, "2024-02-29"],
    ["2024-07-31", 1, "2024-06-30"],
    ["2024-01-15", 1, "2023-12-15"], // across a year
    ["2024-02-29", 12, "2023-02-28"],
    ["2024-10-31", 9, "2024-01-31"],
    ["2024-01-22", 0, "2024-01-22"],
  ])("%s − %i months = %s", (date, months, expected) => {
    expect(subtractCalendarMonths(date, months)).toBe(expected);
  });

  it("refuses dates that are not real and negative or fractional months", () => {
    expect(() => subtractCalendarMonths("2023-02-29", 1)).toThrow(RangeError);
    expect(() => subtractCalendarMonths("2024-01-22", -1)).toThrow(RangeError);
    expect(() => subtractCalendarMonths("2024-01-22", 1.5)).toThrow(RangeError);
  });

  it("keeps the day of the month when the earlier month has it, else gives that month's last day", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 240 }), (date, months) => {
        const iso = date.toISOString().slice(0, 10);
        const result = subtractCalendarMonths(iso, months);
        expect(isRealIsoDate(result)).toBe(true);
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split("-").map(Number) as [number, number, number];
        expect((y * 12 + m) - (ry * 12 + rm)).toBe(months);
        const lastDayOfResultMonth = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
        expect(rd).toBe(Math.min(d, lastDayOfResultMonth));
      }),
    );
  });
});

describe("proposeYjs2018Windows", () => {
  it("court disposals 9 to 6 months before fieldwork, out-of-court 5 to 3 months before", () => {
    expect(proposeYjs2018Windows("2020-03-02")).toEqual({
      court: { start: "2019-06-02", end: "2019-09-02" },
      out_of_court: { start: "2019-10-02", end: "2019-12-02" },
    });
  });

  it("clamps at month ends: fieldwork on 31 May gives windows ending on the last day of shorter months", () => {
    expect(proposeYjs2018Windows("2024-05-31")).toEqual({
      court: { start: "2023-08-31", end: "2023-11-30" },
      out_of_court: { start: "2023-12-31", end: "2024-02-29" },
    });
    expect(proposeYjs2018Windows("2023-05-31").out_of_court.end).toBe("2023-02-28");
    expect(proposeYjs2018Windows("2023-11-30").court).toEqual({ start: "2023-02-28", end: "2023-05-30" });
  });

  it("rejects dates that are not real", () => {
    expect(() => proposeYjs2018Windows("2023-02-29")).toThrow(RangeError);
  });

  it("the court window ends before the out-of-court window starts, and both end before fieldwork", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (date) => {
        const fieldwork = date.toISOString().slice(0, 10);
        const { court, out_of_court: ooc } = proposeYjs2018Windows(fieldwork);
        const day = (iso: string) => isoDateToEpochDay(iso) ?? NaN;
        // Strictly ordered: court start < court end < ooc start < ooc end < fieldwork.
        expect(day(court.start)).toBeLessThan(day(court.end));
        expect(day(court.end)).toBeLessThan(day(ooc.start));
        expect(day(ooc.start)).toBeLessThan(day(ooc.end));
        expect(day(ooc.end)).toBeLessThan(day(fieldwork));
        // Three calendar months are 89–92 days; two are 59–62; the gap between them one month.
        expect(day(court.end) - day(court.start)).toBeGreaterThanOrEqual(89);
        expect(day(court.end) - day(court.start)).toBeLessThanOrEqual(92);
        expect(day(ooc.end) - day(ooc.start)).toBeGreaterThanOrEqual(59);
        expect(day(ooc.end) - day(ooc.start)).toBeLessThanOrEqual(62);
        expect(day(ooc.start) - day(court.end)).toBeGreaterThanOrEqual(28);
        expect(day(ooc.start) - day(court.end)).toBeLessThanOrEqual(31);
        // No disposal date is eligible for both streams.
        expect(isWithinWindow(court.end, ooc)).toBe(false);
        expect(isWithinWindow(ooc.start, court)).toBe(false);
      }),
    );
  });
});

describe("windows by framework version and stream", () => {
  it("yjs-2021 proposes one window for every stream; yjs-2018 one per stream", () => {
    const w2021 = proposeInspectionWindows("yjs-2021", "2024-01-22");
    expect(w2021).toEqual({ window: { start: "2023-01-23", end: "2023-11-17" }, oocWindow: null });
    const w2018 = proposeInspectionWindows("yjs-2018", "2024-01-22");
    expect(w2018).toEqual({ window: { start: "2023-04-22", end: "2023-07-22" }, oocWindow: { start: "2023-08-22", end: "2023-10-22" } });
    expect(proposeInspectionWindows("yjs-2018", "2024-02-30")).toBeNull();
    expect(hasStreamWindows("yjs-2018")).toBe(true);
    expect(hasStreamWindows("yjs-2021")).toBe(false);
    expect(proposeInspectionWindows("yjs-2025", "2024-01-22")).toBeNull();
    expect(describeWindowSpan(RULES_2021.window)).toBe("364 to 66 days before fieldwork");
    expect(RULES_2018.outOfCourt && describeWindowSpan(RULES_2018.outOfCourt)).toBe("5 to 3 months before fieldwork");
  });

  it("judges out-of-court cases against the out-of-court window only under yjs-2018", () => {
    const windows = { window: { start: "2023-04-22", end: "2023-07-22" }, oocWindow: { start: "2023-08-22", end: "2023-10-22" } };
    expect(windowForStream("yjs-2018", "court", windows)).toEqual(windows.window);
    expect(windowForStream("yjs-2018", "out_of_court", windows)).toEqual(windows.oocWindow);
    const single = { window: { start: "2023-01-23", end: "2023-11-17" }, oocWindow: null };
    for (const stream of ["court", "out_of_court", "resettlement"] as const) {
      expect(windowForStream("yjs-2021", stream, single)).toEqual(single.window);
    }
    expect(windowForStream("yjs-2018", "out_of_court", { window: windows.window, oocWindow: null })).toBeNull();
  });
});
