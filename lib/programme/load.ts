// The programme view's read model: every inspection the actor may see, with its status and, once
// signed off or published, its ratings, score and key question percentages, in ONE statement over
// programme_figures (one row per inspection, lib/panel/programme-figures.ts): no answers are read
// at request time, so the cost grows with the number of inspections, not of cases.

import "server-only";
import { z } from "zod";
import { sqlQuery } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { FRAMEWORK_VERSIONS, RATINGS, allStandards, getFramework, isFrameworkVersion, type Framework, type FrameworkVersion, type Rating } from "@/lib/framework";
import type { Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { PROGRAMME_STATUSES, type ProgrammeStatus } from "@/lib/statuses";
import { parse } from "@/lib/validation";

export interface ProgrammeInspection {
  /** inspections.id for a live inspection, published_inspections.id for a published one. */
  readonly id: string;
  readonly name: string;
  readonly frameworkVersion: FrameworkVersion;
  /** UTC midnight of the first day of fieldwork. */
  readonly fieldworkStart: Date;
  /** fieldworkStart's year: the programme's year. */
  readonly year: number;
  readonly status: ProgrammeStatus;
  /** "live": an inspection in this app (it has pages); "published": reference data only, no pages. */
  readonly source: "live" | "published";
  /** Null until signed off (live) and for an incomplete rating. */
  readonly overallRating: Rating | null;
  /** 0 to maxScore; null until signed off. */
  readonly score: number | null;
  /** 3 points a rated scored standard: the version's maximum (36 for twelve) when every one is rated; null until signed off. */
  readonly maxScore: number | null;
  /** Every standard of its framework version, in framework order; rating null until signed off or when unrated. */
  readonly standards: readonly { readonly id: string; readonly rating: Rating | null }[];
  /**
   * Every case-rated key question of its version, in framework order: the whole-number % yes
   * (as the band is read), null until signed off or when the key question had no figures.
   */
  readonly keyQuestions: readonly { readonly id: string; readonly percentYes: number | null }[];
}

export interface Programme {
  readonly inspections: readonly ProgrammeInspection[];
  /** The years of every inspection the actor may see, newest first, whatever the filters: the year filter's options. */
  readonly years: readonly number[];
}

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The programme's filters as a URL gives them (strings) or as code does; every one optional. */
export const programmeFiltersSchema = z.object({
  year: z.preprocess(empty, z.coerce.number({ message: "Choose a year" }).int("Choose a year").min(2000, "Choose a year from 2000").max(2100, "Choose a year up to 2100").optional()),
  frameworkVersion: z.preprocess(empty, z.enum(FRAMEWORK_VERSIONS, { message: "Choose a framework version" }).optional()),
  status: z.preprocess(empty, z.enum(PROGRAMME_STATUSES, { message: "Choose a status" }).optional()),
});
export type ProgrammeFilters = z.infer<typeof programmeFiltersSchema>;

/**
 * Which inspections the actor's role lets them see in the programme, from the permission table:
 * every inspection (managers, admins), or those whose team they are on (leads, inspectors).
 * Published inspections are public reports: everyone who may see the programme sees them.
 */
export function programmeScope(actor: Actor): "all" | "own" {
  if (can({ userId: actor.id, role: actor.role, inspectionRole: null }, "programme.view")) return "all";
  if (can({ userId: actor.id, role: actor.role, inspectionRole: "inspector" }, "programme.view")) return "own";
  throw new ForbiddenError();
}

/** One inspection as the statement returns it (positional, so 1,500 rows carry no repeated keys). */
type Row = [
  id: string,
  name: string,
  frameworkVersion: string,
  fieldworkStart: string,
  status: ProgrammeStatus,
  source: "live" | "published",
  overallRating: string | null,
  score: number | null,
  maxScore: number | null,
  standardRatings: Record<string, string | null> | null,
  keyQuestionPercents: Record<string, number> | null,
];

const PROGRAMME_SQL = `
  WITH visible AS (
    SELECT i.id, i.yjs_name AS name, i.framework_version, i.fieldwork_start, i.status::text AS status, 'live' AS source,
           f.overall_rating, f.score, f.max_score, f.standard_ratings, f.key_question_percents
      FROM inspections i LEFT JOIN programme_figures f ON f.inspection_id = i.id
     WHERE $1::boolean OR EXISTS (SELECT 1 FROM memberships m WHERE m.inspection_id = i.id AND m.user_id = $2::uuid)
    UNION ALL
    SELECT p.id, p.yjs_name, p.framework_version, p.fieldwork_start, 'published', 'published',
           f.overall_rating, f.score, f.max_score, f.standard_ratings, f.key_question_percents
      FROM published_inspections p JOIN programme_figures f ON f.published_inspection_id = p.id
  )
  SELECT
    (SELECT coalesce(json_agg(y ORDER BY y DESC), '[]') FROM (SELECT DISTINCT extract(year FROM fieldwork_start)::int AS y FROM visible) years) AS years,
    (SELECT coalesce(json_agg(json_build_array(id, name, framework_version, fieldwork_start, status, source,
                                               overall_rating, score, max_score, standard_ratings, key_question_percents)
                              ORDER BY fieldwork_start DESC, name, id), '[]')
       FROM visible
      WHERE ($3::int IS NULL OR extract(year FROM fieldwork_start) = $3::int)
        AND ($4::text IS NULL OR framework_version = $4::text)
        AND ($5::text IS NULL OR status = $5::text)) AS inspections`;

function isRating(value: unknown): value is Rating {
  return (RATINGS as readonly unknown[]).includes(value);
}

/** The key questions answered for cases (not domain one's), in framework order: the ones with % yes. */
export function caseRatedKeyQuestionIds(framework: Framework): string[] {
  return allStandards(framework).flatMap((s) => s.keyQuestions.filter((kq) => kq.appliesTo.stream !== null).map((kq) => kq.id));
}

/** Framework order of each version's standards and case-rated key questions, computed once. */
const ORDER = new Map(
  FRAMEWORK_VERSIONS.map((version) => {
    const framework = getFramework(version);
    return [version, { standards: allStandards(framework).map((s) => s.id), keyQuestions: caseRatedKeyQuestionIds(framework) }] as const;
  }),
);

function inspectionOf(row: Row): ProgrammeInspection {
  const [id, name, version, fieldworkStart, status, source, overallRating, score, maxScore, standardRatings, keyQuestionPercents] = row;
  if (!isFrameworkVersion(version)) throw new Error(`Inspection ${id} has an unknown framework version`);
  const order = ORDER.get(version)!;
  const date = new Date(`${fieldworkStart}T00:00:00Z`);
  return {
    id,
    name,
    frameworkVersion: version,
    fieldworkStart: date,
    year: date.getUTCFullYear(),
    status,
    source,
    overallRating: isRating(overallRating) ? overallRating : null,
    score,
    maxScore,
    standards: order.standards.map((sid) => {
      const rating = standardRatings?.[sid];
      return { id: sid, rating: isRating(rating) ? rating : null };
    }),
    keyQuestions: order.keyQuestions.map((kid) => ({ id: kid, percentYes: keyQuestionPercents?.[kid] ?? null })),
  };
}

/**
 * The programme as `actor` may see it, filtered, newest fieldwork first (then by name). Live
 * inspections not yet signed off carry their status only: their figures are provisional until the
 * panel signs off, and computing them would mean reading every answer of every inspection (the panel
 * page shows them). ForbiddenError for a role the table gives no programme; ValidationError naming the
 * field for a bad filter.
 */
export async function loadProgramme(actor: Actor, filters: ProgrammeFilters | Record<string, unknown> = {}): Promise<Programme> {
  const scope = programmeScope(actor);
  const { year, frameworkVersion, status } = parse(programmeFiltersSchema, filters);
  const { rows } = await sqlQuery<{ years: number[]; inspections: Row[] }>(PROGRAMME_SQL, [
    scope === "all",
    actor.id,
    year ?? null,
    frameworkVersion ?? null,
    status ?? null,
  ]);
  const result = rows[0]!;
  return { inspections: result.inspections.map(inspectionOf), years: result.years };
}
