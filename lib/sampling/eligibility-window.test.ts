import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isoDateToEpochDay, isRealIsoDate, isWithinWindow, proposeEligibilityWindow } from "./eligibility-window";

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
