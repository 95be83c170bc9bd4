// Pure parts of the outbox: overlaying unconfirmed changes on the server's values, and folding a
// conflicted answer's pending changes into one "mine". Tested without a browser.

import type { FlatFields, Scalar } from "@/lib/answers/change";
import type { ConflictRecord, QueuedChange } from "./idb";

export function conflictKey(caseId: string, target: "answer" | "case", questionId?: string): string {
  return target === "answer" ? `${caseId}|answer|${questionId}` : `${caseId}|case`;
}

export function keyOf(change: Pick<QueuedChange, "caseId" | "target" | "questionId">): string {
  return conflictKey(change.caseId, change.target, change.questionId);
}

export interface LocalState {
  answers: Record<string, Record<string, Scalar>>;
  caseFields: Record<string, Scalar>;
}

/** The values the user sees: the server's, then each unconfirmed change in order, then conflicts' "mine". */
export function overlay(server: LocalState, pending: readonly QueuedChange[], conflicts: readonly ConflictRecord[]): LocalState {
  const answers: Record<string, Record<string, Scalar>> = {};
  for (const [id, fields] of Object.entries(server.answers)) answers[id] = { ...fields };
  const caseFields = { ...server.caseFields };
  const put = (target: "answer" | "case", questionId: string | undefined, fields: FlatFields) => {
    if (target === "case") Object.assign(caseFields, fields);
    else if (questionId) answers[questionId] = { ...(answers[questionId] ?? {}), ...fields };
  };
  for (const change of [...pending].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) put(change.target, change.questionId, change.to);
  for (const conflict of conflicts) put(conflict.target, conflict.questionId, conflict.mine);
  return { answers, caseFields };
}

/** "Mine" for a conflict: the refused change, then the later pending ones for the same answer. */
export function foldMine(changes: readonly QueuedChange[], existing?: FlatFields): FlatFields {
  const mine: Record<string, Scalar> = { ...(existing ?? {}) };
  for (const change of [...changes].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) Object.assign(mine, change.to);
  return mine;
}

/** Retry delays: 1 s, 2 s, 4 s … up to 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
