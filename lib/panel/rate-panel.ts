// Rates an inspection with the panel's stored decisions. Pure: the roll-up itself is lib/rating's
// rateInspection; this only decides what to do when a stored decision no longer fits the figures
// (answers changed after the panel decided, or a case-rated standard lost its data). Such a
// decision is set aside with the engine's own refusal, so the page still shows figures and the lead
// sees exactly which decision to revisit and why. No rating arithmetic happens here.

import type { FrameworkVersion, Rating } from "@/lib/framework";
import {
  RatingInputError,
  decisionSupport,
  rateInspection,
  type AnswerCounts,
  type DecisionSupport,
  type RatingErrorCode,
  type RatingResult,
} from "@/lib/rating";

export type DecisionKind = "judgement" | "discretion";

export interface StoredDecision {
  readonly standardId: string;
  readonly kind: DecisionKind;
  readonly rating: Rating;
  /** The discretion note or the judgement's rationale. */
  readonly note: string;
}

export interface SetAsideDecision {
  readonly standardId: string;
  readonly kind: DecisionKind;
  readonly rating: Rating;
  readonly code: RatingErrorCode;
  /** The rating engine's refusal, word for word. */
  readonly message: string;
}

export interface PanelRating {
  readonly result: RatingResult;
  readonly support: DecisionSupport;
  /** Stored decisions the engine refuses with the current figures; left out of `result`. */
  readonly setAside: readonly SetAsideDecision[];
}

/** The provisional figures: shown for progress only, so without decision support. */
export type ProvisionalRating = Omit<PanelRating, "support">;

const DECISION_PATH = /^\$\.(judgements|discretion)\["([^"]+)"\]/;

/** Which stored decision an engine refusal points at, from its JSON path. */
function decisionAt(path: string): { kind: DecisionKind; standardId: string } | null {
  const match = DECISION_PATH.exec(path);
  if (!match || !match[1] || !match[2]) return null;
  return { kind: match[1] === "judgements" ? "judgement" : "discretion", standardId: match[2] };
}

export function ratePanel(
  framework: FrameworkVersion,
  keyQuestions: Readonly<Record<string, AnswerCounts>>,
  decisions: readonly StoredDecision[],
): PanelRating {
  const { result, setAside } = rateWithDecisions(framework, keyQuestions, decisions);
  return { result, support: decisionSupport(result), setAside };
}

/** ratePanel without decision support. */
export function rateWithDecisions(
  framework: FrameworkVersion,
  keyQuestions: Readonly<Record<string, AnswerCounts>>,
  decisions: readonly StoredDecision[],
): ProvisionalRating {
  let remaining = [...decisions];
  const setAside: SetAsideDecision[] = [];
  // Each refusal removes one decision, so this ends after at most decisions.length + 1 rounds.
  for (;;) {
    const judgements: Record<string, Rating> = {};
    const discretion: Record<string, { rating: Rating; note: string }> = {};
    for (const d of remaining) {
      if (d.kind === "judgement") judgements[d.standardId] = d.rating;
      else discretion[d.standardId] = { rating: d.rating, note: d.note };
    }
    try {
      const result = rateInspection({ framework, keyQuestions, judgements, discretion });
      return { result, setAside };
    } catch (error) {
      if (!(error instanceof RatingInputError)) throw error;
      const target = decisionAt(error.path);
      const culprit = target && remaining.find((d) => d.kind === target.kind && d.standardId === target.standardId);
      // Counts come from countsFromAnswers and are always valid: a refusal not about a decision is a bug.
      if (!culprit) throw error;
      setAside.push({ standardId: culprit.standardId, kind: culprit.kind, rating: culprit.rating, code: error.code, message: error.message });
      remaining = remaining.filter((d) => d !== culprit);
    }
  }
}

/** Refusals in `after` that were not in `before`: what a proposed change would newly break. */
export function newlySetAside(before: readonly SetAsideDecision[], after: readonly SetAsideDecision[]): SetAsideDecision[] {
  return after.filter((a) => !before.some((b) => b.standardId === a.standardId && b.kind === a.kind && b.code === a.code));
}
