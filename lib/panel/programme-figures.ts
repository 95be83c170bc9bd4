// What a sign-off records for the programme view (lib/programme): the engine's final result
// reduced to each standard's rating and each key question's whole-number % yes, one row per
// inspection in programme_figures. Written in the sign-off transaction and deleted when the ratings
// are reopened, so the programme never reads answers; lib/programme's importer writes the same row
// for a published inspection.

import "server-only";
import type { Rating } from "@/lib/framework";
import type { RatingResult } from "@/lib/rating";
import { sqlRunner, type AnyTx } from "@/lib/db/sql";

/** An inspection's programme figures: what programme_figures holds for it. */
export interface ProgrammeFiguresRecord {
  readonly frameworkVersion: string;
  readonly overallRating: Rating | null;
  readonly score: number;
  readonly maxScore: number;
  /** Every standard of the version by id: its final rating, null when unrated. */
  readonly standardRatings: Readonly<Record<string, Rating | null>>;
  /** Each key question given figures, by id: its whole-number % yes (the band's basis). */
  readonly keyQuestionPercents: Readonly<Record<string, number>>;
}

/** The figures the programme keeps of a rating result. Pure. */
export function programmeFiguresOf(result: RatingResult): ProgrammeFiguresRecord {
  const standardRatings: Record<string, Rating | null> = {};
  const keyQuestionPercents: Record<string, number> = {};
  for (const standard of result.standards) {
    standardRatings[standard.id] = standard.rating;
    for (const kq of standard.keyQuestions) keyQuestionPercents[kq.id] = kq.percentYes;
  }
  return {
    frameworkVersion: result.framework,
    overallRating: result.overallRating,
    score: result.score,
    maxScore: result.maxScore,
    standardRatings,
    keyQuestionPercents,
  };
}

/** Whose figures a row holds: a live inspection's sign-off, or a published inspection. */
export type FiguresOwner = { readonly inspectionId: string; readonly signOffId: string } | { readonly publishedInspectionId: string };

/** Writes (or, for a live inspection signed off again, replaces) the owner's programme figures in `tx`. */
export async function recordProgrammeFigures(tx: AnyTx, owner: FiguresOwner, figures: ProgrammeFiguresRecord): Promise<void> {
  const live = "inspectionId" in owner;
  await sqlRunner(tx).rows(
    `INSERT INTO programme_figures (inspection_id, sign_off_id, published_inspection_id, framework_version, overall_rating, score, max_score,
                                    standard_ratings, key_question_percents)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8::jsonb, $9::jsonb)
     ON CONFLICT (inspection_id) DO UPDATE SET
       sign_off_id = EXCLUDED.sign_off_id, framework_version = EXCLUDED.framework_version, overall_rating = EXCLUDED.overall_rating,
       score = EXCLUDED.score, max_score = EXCLUDED.max_score, standard_ratings = EXCLUDED.standard_ratings,
       key_question_percents = EXCLUDED.key_question_percents, recorded_at = now()`,
    [
      live ? owner.inspectionId : null,
      live ? owner.signOffId : null,
      live ? null : owner.publishedInspectionId,
      figures.frameworkVersion,
      figures.overallRating,
      figures.score,
      figures.maxScore,
      JSON.stringify(figures.standardRatings),
      JSON.stringify(figures.keyQuestionPercents),
    ],
  );
}

/** Removes a live inspection's programme figures: its ratings are reopened, so no longer signed off. */
export async function removeProgrammeFigures(tx: AnyTx, inspectionId: string): Promise<void> {
  await sqlRunner(tx).rows(`DELETE FROM programme_figures WHERE inspection_id = $1::uuid`, [inspectionId]);
}
