// What the programme page counts from its inspection rows, for the charts and the tables beside them:
// which inspections count (final ratings only), grouped by framework version (their standards and
// key questions differ, so figures of two versions are never pooled), the ratings of each standard
// counted, and the same by fieldwork year. Pure: the rows come from lib/programme.

import { allKeyQuestions, allStandards, getFramework, RATINGS, type FrameworkVersion, type Rating } from "@/lib/framework";

/** The fields of an inspection row the counts read. */
export interface CountedInspection {
  readonly frameworkVersion: FrameworkVersion;
  readonly year: number;
  readonly status: string;
  readonly overallRating: string | null;
  readonly score: number | null;
  readonly standards: readonly { readonly id: string; readonly rating: string | null }[];
  readonly keyQuestions: readonly { readonly id: string; readonly percentYes: number | null }[];
}

/**
 * Only signed-off and published inspections have ratings that will not change: the charts count
 * those, so an inspection mid-fieldwork never moves the programme's figures.
 */
export const FINAL_STATUSES: readonly string[] = ["signed_off", "published"];

export function isFinal(row: Pick<CountedInspection, "status">): boolean {
  return FINAL_STATUSES.includes(row.status);
}

export interface VersionGroup<R> {
  readonly frameworkVersion: FrameworkVersion;
  readonly rows: readonly R[];
}

/** The rows split by framework version, newest version first; versions with no row are left out. */
export function byFrameworkVersion<R extends Pick<CountedInspection, "frameworkVersion">>(rows: readonly R[]): VersionGroup<R>[] {
  const versions = [...new Set(rows.map((r) => r.frameworkVersion))].sort().reverse();
  return versions.map((frameworkVersion) => ({ frameworkVersion, rows: rows.filter((r) => r.frameworkVersion === frameworkVersion) }));
}

export interface YearGroup<R> {
  readonly year: number;
  readonly rows: readonly R[];
}

/** The rows split by fieldwork year, oldest first (trends read left to right). */
export function byYear<R extends Pick<CountedInspection, "year">>(rows: readonly R[]): YearGroup<R>[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => ({ year, rows: rows.filter((r) => r.year === year) }));
}

export type RatingCounts = Readonly<Record<Rating, number>> & { readonly notRated: number; readonly total: number };

function countRatings(ratings: readonly (string | null | undefined)[]): RatingCounts {
  const counts = { Outstanding: 0, Good: 0, "Requires improvement": 0, Inadequate: 0, notRated: 0, total: ratings.length };
  for (const rating of ratings) {
    if (rating && (RATINGS as readonly string[]).includes(rating)) counts[rating as Rating] += 1;
    else counts.notRated += 1;
  }
  return counts;
}

export interface StandardDistribution {
  readonly standardId: string;
  readonly title: string;
  readonly counts: RatingCounts;
}

/** Each standard of the version, in framework order, with how many inspections got each rating. */
export function standardDistributions(version: FrameworkVersion, rows: readonly CountedInspection[]): StandardDistribution[] {
  return allStandards(getFramework(version)).map((standard) => ({
    standardId: standard.id,
    title: standard.title,
    counts: countRatings(rows.map((r) => r.standards.find((s) => s.id === standard.id)?.rating ?? null)),
  }));
}

/** How many inspections got each overall rating. */
export function overallDistribution(rows: readonly CountedInspection[]): RatingCounts {
  return countRatings(rows.map((r) => r.overallRating));
}

/** Share of the rated inspections rated Good or Outstanding, as a whole-number %; null when none is rated. */
export function percentGoodOrBetter(counts: RatingCounts): number | null {
  const rated = counts.total - counts.notRated;
  return rated === 0 ? null : Math.round(((counts.Outstanding + counts.Good) / rated) * 100);
}

export interface KeyQuestionValues {
  readonly id: string;
  readonly standardId: string;
  readonly text: string;
  /** The % 'yes' of every inspection with a figure for it (inspections without one are left out). */
  readonly values: readonly number[];
}

/** Each case-rated key question of the version, in framework order, with every inspection's % 'yes'. */
export function keyQuestionValues(version: FrameworkVersion, rows: readonly CountedInspection[]): KeyQuestionValues[] {
  return allKeyQuestions(getFramework(version))
    .filter((kq) => kq.appliesTo.stream !== null)
    .map((kq) => ({
      id: kq.id,
      standardId: kq.standardId,
      text: kq.text,
      values: rows.flatMap((r) => {
        const percent = r.keyQuestions.find((k) => k.id === kq.id)?.percentYes;
        return percent === null || percent === undefined ? [] : [percent];
      }),
    }));
}

/** Every inspection's score (those without one, not rated yet, are left out). */
export function scores(rows: readonly CountedInspection[]): number[] {
  return rows.flatMap((r) => (r.score === null ? [] : [r.score]));
}
