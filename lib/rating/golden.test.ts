// The three published reports' ratings tables, reproduced exactly from their inputs, both as the
// published percentages and as counts over the whole stream sample (framework.md table 6.2a).

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Rating } from "@/lib/framework";
import { rateJson } from "./rate-json";
import type { RatingResult } from "./rate-inspection";

interface Expected {
  score: number;
  overallRating: Rating;
  ratings: Record<string, Rating>;
  unscoredRatings: Record<string, Rating | null>;
  discretion: Record<string, { from: Rating; to: Rating }>;
}

const golden = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, "golden", file), "utf8"));

function rate(file: string): RatingResult {
  const outcome = rateJson(golden(file));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result;
}

const REPORTS = ["salford-2024", "hammersmith-and-fulham-2022", "knowsley-2023"] as const;

describe.each(REPORTS)("%s", (report) => {
  const expected = golden(`${report}.expected.json`) as Expected;

  describe.each(["json", "counts.json"])("input as %s", (kind) => {
    const result = rate(`${report}.${kind}`);

    it("reproduces the score and overall rating", () => {
      expect(result.complete).toBe(true);
      expect(result.missing).toEqual([]);
      expect(result.score).toBe(expected.score);
      expect(result.maxScore).toBe(36);
      expect(result.overallRating).toBe(expected.overallRating);
    });

    it("reproduces every standard's final rating", () => {
      const ratings = Object.fromEntries(result.standards.filter((s) => s.scored).map((s) => [s.id, s.rating]));
      expect(ratings).toEqual(expected.ratings);
      expect(result.unscoredRatings).toEqual(expected.unscoredRatings);
    });

    it("records discretion only where the panel applied it", () => {
      const applied = Object.fromEntries(
        result.standards.filter((s) => s.discretion).map((s) => [s.id, { from: s.discretion?.from, to: s.discretion?.to }]),
      );
      expect(applied).toEqual(expected.discretion);
    });

    it("gives each case-rated standard the band of its lowest key question", () => {
      for (const s of result.standards.filter((x) => x.basis === "cases")) {
        expect(s.keyQuestions).toHaveLength(3);
        expect(s.keyQuestionsWithoutFigures).toEqual([]);
        const lowest = Math.min(...s.keyQuestions.map((k) => k.percentYes));
        expect(s.keyQuestions.find((k) => k.id === s.lowestKeyQuestion)?.percentYes).toBe(lowest);
      }
    });
  });

  it("gives the same percentages from counts as published", () => {
    const published = rate(`${report}.json`);
    const counted = rate(`${report}.counts.json`);
    const pct = (r: RatingResult) => r.standards.flatMap((s) => s.keyQuestions.map((k) => [k.id, k.percentYes]));
    expect(pct(counted)).toEqual(pct(published));
  });
});

describe("Salford 2024 in detail", () => {
  const result = rate("salford-2024.counts.json");
  const standard = (id: string) => result.standards.find((s) => s.id === id);

  it("2.2: 46% (6/13) on keeping other people safe, Inadequate moved to Requires improvement", () => {
    const s = standard("2.2");
    expect(s?.keyQuestions.map((k) => k.percentYes)).toEqual([92, 69, 46]);
    expect(s?.lowestKeyQuestion).toBe("2.2.3");
    expect(s?.keyQuestions[2]).toEqual({ id: "2.2.3", yes: 6, applicable: 13, percentYes: 46, band: "Inadequate" });
    expect(s?.calculatedRating).toBe("Inadequate");
    expect(s?.rating).toBe("Requires improvement");
    expect(s?.score).toBe(1);
  });

  it("2.4: 62% (8/13), Requires improvement moved to Good", () => {
    const s = standard("2.4");
    expect(s?.keyQuestions.map((k) => k.percentYes)).toEqual([100, 85, 62]);
    expect(s?.calculatedRating).toBe("Requires improvement");
    expect(s?.rating).toBe("Good");
    expect(s?.discretion?.note).toMatch(/Footnote 8/);
  });

  it("3.3 is set by the child-safe question (65%), 3.2 is Outstanding at 80%", () => {
    expect(standard("3.3")?.lowestKeyQuestion).toBe("3.3.2");
    expect(standard("3.3")?.rating).toBe("Good");
    expect(standard("3.2")?.keyQuestions.map((k) => k.percentYes)).toEqual([85, 85, 80]);
    expect(standard("3.2")?.rating).toBe("Outstanding");
  });

  it("rates 4.1 Good without scoring it", () => {
    expect(standard("4.1")).toMatchObject({ rating: "Good", scored: false, score: null });
  });

  it("without the panel's discretion scores 20, still Good", () => {
    const input = golden("salford-2024.counts.json") as Record<string, unknown>;
    const outcome = rateJson({ ...input, discretion: {} });
    expect(outcome.ok && outcome.result.score).toBe(20);
    expect(outcome.ok && outcome.result.overallRating).toBe("Good");
  });
});

describe("an inspection missing one key question's figures", () => {
  // As with Stoke-on-Trent 2022 given without 2.1.3 (figures here illustrative): 2.1 comes out Good
  // where the whole standard is Requires improvement, so the output names the key question it lacks.
  const STOKE_2_1 = { "2.1.1": { percentYes: 76 }, "2.1.2": { percentYes: 76 }, "2.1.3": { percentYes: 59 } };

  it("says which key question the standard was rated without", () => {
    const partial = rateJson({ framework: "yjs-2021", keyQuestions: { "2.1.1": STOKE_2_1["2.1.1"], "2.1.2": STOKE_2_1["2.1.2"] } });
    const whole = rateJson({ framework: "yjs-2021", keyQuestions: STOKE_2_1 });
    if (!partial.ok || !whole.ok) throw new Error("refused");
    const s21 = (r: RatingResult) => r.standards.find((s) => s.id === "2.1");
    expect(s21(whole.result)).toMatchObject({ rating: "Requires improvement", keyQuestionsWithoutFigures: [] });
    expect(s21(partial.result)).toMatchObject({ rating: "Good", keyQuestionsWithoutFigures: ["2.1.3"] });
  });
});

describe("Knowsley 2023 in detail", () => {
  it("2.2.3 is 7/8 = 87.5%, rounded half up to 88", () => {
    const result = rate("knowsley-2023.counts.json");
    const kq = result.standards.find((s) => s.id === "2.2")?.keyQuestions.find((k) => k.id === "2.2.3");
    expect(kq).toEqual({ id: "2.2.3", yes: 7, applicable: 8, percentYes: 88, band: "Outstanding" });
  });

  it("leaves 4.1 unrated without making the inspection incomplete", () => {
    const result = rate("knowsley-2023.json");
    expect(result.unscoredRatings).toEqual({ "4.1": null });
    expect(result.standards.find((s) => s.id === "4.1")?.rating).toBeNull();
    expect(result.complete).toBe(true);
  });
});

describe("Hammersmith and Fulham 2022 in detail", () => {
  it("3.1 is Good from 77% (10/13) on keeping other people safe; 4.1 Outstanding is outside the 31", () => {
    const result = rate("hammersmith-and-fulham-2022.counts.json");
    const s = result.standards.find((x) => x.id === "3.1");
    expect(s?.lowestKeyQuestion).toBe("3.1.3");
    expect(s?.keyQuestions[2]).toMatchObject({ yes: 10, applicable: 13, percentYes: 77 });
    expect(result.score).toBe(31);
    expect(result.unscoredRatings).toEqual({ "4.1": "Outstanding" });
  });
});
