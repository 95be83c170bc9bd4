import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rateJson } from "@/lib/rating";
import { programmeFiguresOf } from "./programme-figures";

const golden = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, "..", "rating", "golden", file), "utf8"));

describe("programmeFiguresOf", () => {
  for (const report of ["salford-2024", "knowsley-2023", "hammersmith-and-fulham-2022"]) {
    it(`keeps ${report}'s published ratings, score and key question percentages, from figures or counts alike`, () => {
      const expected = golden(`${report}.expected.json`) as { score: number; overallRating: string; ratings: Record<string, string>; unscoredRatings: Record<string, string | null> };
      const published = golden(`${report}.json`) as { keyQuestions: Record<string, { percentYes: number }> };
      for (const input of [`${report}.json`, `${report}.counts.json`]) {
        const outcome = rateJson(golden(input));
        if (!outcome.ok) throw new Error(outcome.error.error.message);
        const figures = programmeFiguresOf(outcome.result);
        expect(figures).toMatchObject({ frameworkVersion: "yjs-2021", score: expected.score, overallRating: expected.overallRating, maxScore: 36 });
        // Every standard of the version, the unscored ones (4.1) included, with the report's rating.
        expect(figures.standardRatings).toEqual({ "4.1": null, ...expected.ratings, ...expected.unscoredRatings });
        expect(figures.keyQuestionPercents).toEqual(Object.fromEntries(Object.entries(published.keyQuestions).map(([id, k]) => [id, k.percentYes])));
      }
    });
  }

  it("keeps an unrated standard as null and leaves out key questions given no figures", () => {
    const outcome = rateJson({ framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 5, no: 3 } } });
    if (!outcome.ok) throw new Error(outcome.error.error.message);
    const figures = programmeFiguresOf(outcome.result);
    expect(figures).toMatchObject({ overallRating: null, score: 1, maxScore: 3, keyQuestionPercents: { "2.1.1": 63 } });
    expect(figures.standardRatings["2.1"]).toBe("Requires improvement");
    expect(figures.standardRatings["2.2"]).toBeNull();
  });
});
