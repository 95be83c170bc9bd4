// What a sign-off freezes (SignOff.ratings): the engine's final result and decision support as they
// stood, the decisions with their notes, and the case counts. Exports of a signed-off inspection are
// built from this, never from live answers.

import type { DecisionSupport, RatingResult } from "@/lib/rating";
import type { DecisionKind } from "./rate-panel";

export const SNAPSHOT_VERSION = 1;

export interface SignOffSnapshot {
  readonly snapshotVersion: typeof SNAPSHOT_VERSION;
  readonly result: RatingResult;
  readonly support: DecisionSupport;
  readonly decisions: readonly {
    readonly standardId: string;
    readonly kind: DecisionKind;
    readonly rating: string;
    readonly note: string;
    readonly decidedBy: string;
    readonly decidedAt: string;
  }[];
  readonly cases: { readonly total: number; readonly final: number; readonly notFinal: number };
}

/** The stored JSON, checked for the one thing that could differ: its version. */
export function readSnapshot(json: unknown): SignOffSnapshot {
  const snapshot = json as Partial<SignOffSnapshot> | null;
  if (!snapshot || snapshot.snapshotVersion !== SNAPSHOT_VERSION || !snapshot.result || !snapshot.support) {
    throw new Error("A sign-off snapshot has an unknown shape");
  }
  return snapshot as SignOffSnapshot;
}
