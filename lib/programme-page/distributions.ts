// What the programme page counts from its inspection rows, for the charts and the tables beside them:
// which inspections count (final ratings only), grouped by framework version (their standards and
// key questions differ, so figures of two versions are never pooled), the ratings of each standard
// counted, and the same by fieldwork year. Pure: the rows come from lib/programme.

import type { ProgrammeStatus } from "@/lib/statuses";
import { allKeyQuestions, allStandards, getFramework, RATINGS, type FrameworkVersion, type Rating } from "@/lib/framework";

/** The fields of an inspection row the counts read. */
export interface CountedInspection {
  readonly frameworkVersion: FrameworkVersion;
  readonly year: number;
  readonly status: ProgrammeStatus;
  readonly overallRating: string | null;
  readonly score: number | null;
  readonly standards: readonly { readonly id: string; readonly rating: string | null }[];
  readonly keyQuestions: readonly { readonly id: string; readonly percentYes: number | null }[];
}

/**
 * Only signed-off and published inspections have ratings that will not change: the charts count
 * those, so an inspection mid-fieldwork never moves the programme's figures.
 */
const FINAL_STATUSES: readonly ProgrammeStatus[] = ["signed_off", "published"];

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

/**
 * Results of the two functions below per rows array and version. The page asks for one year's
 * figures once per standard and once per key question (components/programme/version-figures.tsx):
 * without it, 1,500 inspections took most of a second (bench/sections/programme.ts). The functions
 * are pure and their results read-only, so handing the same result back is safe.
 */
const computed = new WeakMap<readonly CountedInspection[], Map<string, unknown>>();

function once<T>(rows: readonly CountedInspection[], key: string, compute: () => T): T {
  let byKey = computed.get(rows);
  if (!byKey) computed.set(rows, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

/** Every row's values by id, in one pass over the rows (not one per standard or key question). */
function valuesById<V>(rows: readonly CountedInspection[], itemsOf: (row: CountedInspection) => readonly { readonly id: string; readonly value: V }[]): Map<string, V[]> {
  const byId = new Map<string, V[]>();
  for (const row of rows) {
    for (const { id, value } of itemsOf(row)) {
      const values = byId.get(id);
      if (values) values.push(value);
      else byId.set(id, [value]);
    }
  }
  return byId;
}

/** Each standard of the version, in framework order, with how many inspections got each rating. */
export function standardDistributions(version: FrameworkVersion, rows: readonly CountedInspection[]): StandardDistribution[] {
  return once(rows, `standards ${version}`, () => {
    const ratings = valuesById(rows, (r) => r.standards.map((s) => ({ id: s.id, value: s.rating })));
    return allStandards(getFramework(version)).map((standard) => {
      const given = ratings.get(standard.id) ?? [];
      // A row without the standard at all counts as not rated, as before.
      return { standardId: standard.id, title: standard.title, counts: countRatings([...given, ...Array<null>(rows.length - given.length).fill(null)]) };
    });
  });
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
  return once(rows, `key questions ${version}`, () => {
    const percents = valuesById(rows, (r) => r.keyQuestions.flatMap((k) => (k.percentYes === null ? [] : [{ id: k.id, value: k.percentYes }])));
    return allKeyQuestions(getFramework(version))
      .filter((kq) => kq.appliesTo.stream !== null)
      .map((kq) => ({ id: kq.id, standardId: kq.standardId, text: kq.text, values: percents.get(kq.id) ?? [] }));
  });
}

/** Every inspection's score (those without one, not rated yet, are left out). */
export function scores(rows: readonly CountedInspection[]): number[] {
  return rows.flatMap((r) => (r.score === null ? [] : [r.score]));
}
