// Pure parts of the outbox: overlaying unconfirmed changes on the server's values, and folding a
// conflicted answer's pending changes into one "mine". Tested without a browser.

import { promptIndexOf, type FlatFields, type Scalar } from "@/lib/flat-fields";
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
  // Answers without a change keep their object, so that their question cards are not rendered again.
  const answers: Record<string, Record<string, Scalar>> = { ...server.answers };
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

/**
 * Whether a refused change holds back every later change to its case, or only later changes to the
 * same answer (or to the case's details). The server refuses a whole case's changes alike when the
 * case is approved or signed off (423), no longer the user's to change (403), gone (404) or the
 * session ended (401): a later change could only be refused too. A change refused for itself (400:
 * its question no longer applies, 409: its id was used for another change) says nothing about the
 * case's other answers, which go on saving.
 */
export function refusalHoldsCase(code: number): boolean {
  return code !== 400 && code !== 409;
}

export interface OutboxQueue {
  /** Per case, oldest first, at most `batch` changes: those nothing refused holds back. */
  sendable: Map<string, QueuedChange[]>;
  /** Changes not refused themselves, waiting behind a refused one (sent once it is discarded). */
  held: QueuedChange[];
}

/** What the outbox sends now from everything waiting (this user's, any order), and what it holds back. */
export function outboxQueue(all: readonly QueuedChange[], batch: number): OutboxQueue {
  const sendable = new Map<string, QueuedChange[]>();
  const held: QueuedChange[] = [];
  // Case ids, and answer or case-details keys (keyOf), behind a refused change.
  const holds = new Set<string>();
  for (const change of [...all].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    if (change.rejected) {
      holds.add(refusalHoldsCase(change.rejected.code) ? change.caseId : keyOf(change));
      continue;
    }
    if (holds.has(change.caseId) || holds.has(keyOf(change))) {
      held.push(change);
      continue;
    }
    const list = sendable.get(change.caseId) ?? [];
    if (list.length < batch) list.push(change);
    sendable.set(change.caseId, list);
  }
  return { sendable, held };
}

/** Retry delays: 1 s, 2 s, 4 s … up to 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

export interface StoredTarget {
  version: number;
  fields: Record<string, Scalar>;
  updatedByName: string | null;
  updatedAt: string | null;
}

export interface RemoteUpdate {
  key: string;
  target: "answer" | "case";
  questionId?: string;
  stored: StoredTarget;
  /** Whether a value the page shows differs from the stored one (someone else changed it). */
  changed: boolean;
}

/**
 * What the page learns from the case's stored state: each answer (and the case row) stored at a newer
 * version than the page knows, unless the page has its own changes to it waiting (those are sent and
 * merged or reported as a conflict by the server). Its values replace the shown ones.
 */
export function remoteUpdates(
  caseId: string,
  known: Readonly<Record<string, number>>,
  shown: LocalState,
  stored: { caseVersion: number; caseFields: Record<string, Scalar>; answers: Record<string, StoredTarget> },
  busy: ReadonlySet<string>,
): RemoteUpdate[] {
  const updates: RemoteUpdate[] = [];
  const differs = (fields: Record<string, Scalar>, current: Record<string, Scalar> | undefined) =>
    Object.entries(fields).some(([field, value]) => (current?.[field] ?? null) !== value) ||
    Object.entries(current ?? {}).some(([field, value]) => promptIndexOf(field) !== null && value !== null && !(field in fields));
  const caseKey = conflictKey(caseId, "case");
  if (stored.caseVersion > (known[caseKey] ?? 0) && !busy.has(caseKey)) {
    const target: StoredTarget = { version: stored.caseVersion, fields: stored.caseFields, updatedByName: null, updatedAt: null };
    updates.push({ key: caseKey, target: "case", stored: target, changed: differs(stored.caseFields, shown.caseFields) });
  }
  for (const [questionId, answer] of Object.entries(stored.answers)) {
    const key = conflictKey(caseId, "answer", questionId);
    if (answer.version <= (known[key] ?? 0) || busy.has(key)) continue;
    updates.push({ key, target: "answer", questionId, stored: answer, changed: differs(answer.fields, shown.answers[questionId]) });
  }
  return updates;
}
