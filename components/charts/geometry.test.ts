import { describe, expect, it } from "vitest";
import { integerTicks, linearScale, ordinal, percentFigure, percentLabel, plotArea, rowFrame, stepPath, tieOffsets } from "./geometry";

describe("chart geometry", () => {
  it("puts the plotting area inside the frame's margins", () => {
    expect(plotArea({ width: 400, height: 260, left: 42, right: 12, top: 12, bottom: 36 })).toEqual({ x0: 42, x1: 388, y0: 12, y1: 224 });
  });

  it("grows a row plot's frame with its rows and centres each row in its own band", () => {
    const frame = rowFrame({ width: 400, left: 48, right: 18, top: 20, bottom: 30 }, 30, 3);
    expect(frame.height).toBe(20 + 3 * 30 + 30);
    expect([0, 1, 2].map(frame.rowCentre)).toEqual([35, 65, 95]);
    expect(plotArea(frame)).toEqual({ x0: 48, x1: 382, y0: 20, y1: 110 });
  });

  it("maps a domain onto a range, reversed for a y axis", () => {
    const y = linearScale(0, 1, 200, 10);
    expect(y(0)).toBe(200);
    expect(y(1)).toBe(10);
    expect(y(0.5)).toBe(105);
    expect(() => linearScale(1, 1, 0, 10)).toThrow(/domainMax > domainMin/);
  });

  it("picks whole ticks at a 1, 2 or 5 step covering the maximum", () => {
    expect(integerTicks(0)).toEqual([0]);
    expect(integerTicks(3)).toEqual([0, 1, 2, 3]);
    expect(integerTicks(7, 6)).toEqual([0, 2, 4, 6, 8]);
    expect(integerTicks(23, 6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(integerTicks(140, 6)).toEqual([0, 50, 100, 150]);
  });

  it("draws limits as steps half a unit either side of each whole n, clipped to the first and last n", () => {
    const path = stepPath(
      [
        { n: 1, value: 1 },
        { n: 2, value: 0.5 },
        { n: 3, value: 0.25 },
      ],
      (n) => n * 10,
      (v) => v * 100,
    );
    expect(path).toBe("M10,100 L15,100 L15,50 L25,50 L25,25 L30,25");
    expect(stepPath([], (n) => n, (v) => v)).toBe("");
  });

  it("spreads tied values evenly from −1 to 1 and leaves single values centred", () => {
    expect(tieOffsets([50, 70, 50, 50])).toEqual([-1, 0, 0, 1]);
    expect(tieOffsets([10, 20])).toEqual([0, 0]);
  });

  it("writes percentages and ordinals as people read them", () => {
    expect(percentLabel(0.625)).toBe("62.5%");
    expect(percentLabel(2 / 3)).toBe("66.7%");
    expect([46, 84.5, 200 / 3, 100].map(percentFigure)).toEqual(["46%", "84.5%", "66.7%", "100%"]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 31, 42, 100, 0].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "31st", "42nd", "100th", "0th"]);
  });
});
