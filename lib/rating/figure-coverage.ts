// Why a key question has no final figures, and whether a standard's rating can be trusted yet. A
// key question can lack figures for a good reason (no case it applies to: no case had harm factors)
// or a bad one (the cases it applies to are not answered or not final yet). The panel and the
// report say which; the report prints no rating for a standard while any of its key questions still
// has cases it applies to that are not final (their answers could change the rating). Pure.

import { allKeyQuestions, keyQuestionApplicability, type Framework } from "@/lib/framework";
import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";
import type { RatingResult } from "./rate-inspection";
import type { CaseStatus } from "@/lib/statuses";
import { FINAL_CASE_STATUSES, type Exclusions } from "./counts-from-answers";

/** Cases sharing a status and the attributes that decide applicability, with how many there are. */
export interface CaseGroup {
  readonly status: CaseStatus;
  readonly attributes: ApplicabilityAttributes;
  readonly cases: number;
}

export interface KeyQuestionCoverage {
  readonly id: string;
  /** Cases the key question applies to by the version's rule. */
  readonly applicableCases: number;
  /** Of those, cases not completed or approved: their answers are not in the final figures yet. */
  readonly casesNotFinal: number;
}

export type WithoutFiguresReason =
  /** No case in the sample is one the key question applies to (e.g. no case with harm factors). */
  | "no_applicable_case"
  /** Cases it applies to exist but none is final yet (not answered, in progress or returned). */
  | "cases_not_final"
  /** Every final case it applies to was answered "not applicable" by the inspector. */
  | "marked_not_applicable";

export interface KeyQuestionWithoutFigures {
  readonly id: string;
  readonly reason: WithoutFiguresReason;
  readonly casesNotFinal: number;
  readonly markedNotApplicable: number;
  /** One sentence for the panel and the report. */
  readonly explanation: string;
}

export function keyQuestionCoverage(fw: Framework, groups: readonly CaseGroup[]): KeyQuestionCoverage[] {
  return allKeyQuestions(fw)
    .filter((kq) => kq.appliesTo.stream !== null)
    .map((kq) => {
      let applicableCases = 0;
      let casesNotFinal = 0;
      for (const g of groups) {
        if (!keyQuestionApplicability(kq, g.attributes).applies) continue;
        applicableCases += g.cases;
        if (!FINAL_CASE_STATUSES.includes(g.status)) casesNotFinal += g.cases;
      }
      return { id: kq.id, applicableCases, casesNotFinal };
    });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why each of `ids` (a standard's keyQuestionsWithoutFigures) has no final figures. */
export function whyWithoutFigures(
  ids: readonly string[],
  coverage: readonly KeyQuestionCoverage[],
  excluded: Readonly<Record<string, Exclusions>>,
): KeyQuestionWithoutFigures[] {
  return ids.map((id) => {
    const c = coverage.find((x) => x.id === id) ?? { id, applicableCases: 0, casesNotFinal: 0 };
    const markedNotApplicable = excluded[id]?.markedNotApplicable ?? 0;
    if (c.casesNotFinal > 0) {
      return {
        id,
        reason: "cases_not_final",
        casesNotFinal: c.casesNotFinal,
        markedNotApplicable,
        explanation: `${id}: ${plural(c.casesNotFinal, "case it applies to is", "cases it applies to are")} not completed or approved yet.`,
      };
    }
    if (c.applicableCases === 0) {
      return { id, reason: "no_applicable_case", casesNotFinal: 0, markedNotApplicable, explanation: `${id}: no case in the sample is one it applies to.` };
    }
    return {
      id,
      reason: "marked_not_applicable",
      casesNotFinal: 0,
      markedNotApplicable,
      explanation: `${id}: inspectors answered 'not applicable' in all ${plural(c.applicableCases, "case", "cases")} it applies to.`,
    };
  });
}

/**
 * Standards whose rating is not settled: a key question of theirs applies to cases that are not
 * final. By standard id, the key questions concerned (framework order). Judgement standards never appear.
 */
export function unsettledStandards(result: RatingResult, coverage: readonly KeyQuestionCoverage[]): Readonly<Record<string, readonly string[]>> {
  const pending = new Set(coverage.filter((c) => c.casesNotFinal > 0).map((c) => c.id));
  const out: Record<string, string[]> = {};
  for (const s of result.standards) {
    if (s.basis !== "cases") continue;
    const ids = [...s.keyQuestions.map((k) => k.id), ...s.keyQuestionsWithoutFigures].filter((id) => pending.has(id));
    if (ids.length > 0) out[s.id] = ids.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  }
  return out;
}
