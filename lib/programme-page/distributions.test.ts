import { describe, expect, it } from "vitest";
import type { FrameworkVersion } from "@/lib/framework";
import {
  byFrameworkVersion,
  byYear,
  isFinal,
  keyQuestionValues,
  overallDistribution,
  percentGoodOrBetter,
  scores,
  standardDistributions,
  type CountedInspection,
} from "./distributions";

const inspection = (over: Partial<CountedInspection> & { frameworkVersion: FrameworkVersion }): CountedInspection => ({
  year: 2024,
  status: "signed_off",
  overallRating: null,
  score: null,
  standards: [],
  keyQuestions: [],
  ...over,
});

describe("programme distributions", () => {
  const rows = [
    inspection({ frameworkVersion: "yjs-2021", year: 2024, overallRating: "Good", score: 22, standards: [{ id: "2.1", rating: "Good" }], keyQuestions: [{ id: "2.1.1", percentYes: 62 }] }),
    inspection({ frameworkVersion: "yjs-2021", year: 2023, overallRating: "Inadequate", score: 8, standards: [{ id: "2.1", rating: "Inadequate" }], keyQuestions: [{ id: "2.1.1", percentYes: 40 }] }),
    inspection({ frameworkVersion: "yjs-2021", year: 2024, status: "fieldwork", standards: [{ id: "2.1", rating: null }], keyQuestions: [{ id: "2.1.1", percentYes: null }] }),
    inspection({ frameworkVersion: "yjs-2018", year: 2019, overallRating: "Outstanding", score: 33, standards: [{ id: "3.4", rating: "Good" }], keyQuestions: [{ id: "3.4.1", percentYes: 90 }] }),
  ];

  it("counts only signed-off and published inspections as final", () => {
    expect(rows.map(isFinal)).toEqual([true, true, false, true]);
    expect(isFinal({ status: "published" })).toBe(true);
    expect(isFinal({ status: "panel" })).toBe(false);
  });

  it("never pools framework versions: one group each, newest first", () => {
    const groups = byFrameworkVersion(rows);
    expect(groups.map((g) => [g.frameworkVersion, g.rows.length])).toEqual([
      ["yjs-2021", 3],
      ["yjs-2018", 1],
    ]);
  });

  it("splits by year, oldest first", () => {
    expect(byYear(rows).map((g) => [g.year, g.rows.length])).toEqual([
      [2019, 1],
      [2023, 1],
      [2024, 2],
    ]);
  });

  it("counts each standard's ratings in framework order, with the inspections not rated", () => {
    const v2021 = rows.filter((r) => r.frameworkVersion === "yjs-2021");
    const distributions = standardDistributions("yjs-2021", v2021);
    expect(distributions.map((d) => d.standardId)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"]);
    expect(distributions.find((d) => d.standardId === "2.1")?.counts).toEqual({ Outstanding: 0, Good: 1, "Requires improvement": 0, Inadequate: 1, notRated: 1, total: 3 });
    expect(distributions.find((d) => d.standardId === "2.2")?.counts.notRated).toBe(3);
  });

  it("counts the overall ratings and the share Good or better of those rated", () => {
    const counts = overallDistribution(rows.filter((r) => r.frameworkVersion === "yjs-2021"));
    expect(counts).toEqual({ Outstanding: 0, Good: 1, "Requires improvement": 0, Inadequate: 1, notRated: 1, total: 3 });
    expect(percentGoodOrBetter(counts)).toBe(50);
    expect(percentGoodOrBetter(overallDistribution([]))).toBeNull();
  });

  it("gathers each case-rated key question's % yes, leaving out inspections without a figure", () => {
    const values = keyQuestionValues("yjs-2021", rows.filter((r) => r.frameworkVersion === "yjs-2021"));
    expect(values.find((v) => v.id === "2.1.1")?.values).toEqual([62, 40]);
    expect(values.some((v) => v.id.startsWith("1."))).toBe(false);
    expect(values.find((v) => v.id === "2.2.1")?.values).toEqual([]);
    expect(scores(rows)).toEqual([22, 8, 33]);
  });
});
