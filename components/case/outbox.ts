// The browser outbox (README, "The autosave is plain SQL"): a change is written to IndexedDB before
// anything else, sent in order per case, and deleted only when the server confirms it by change id.
// It survives reloads, closed tabs and browser restarts because IndexedDB does; it resumes on
// `online`, on focus and on a timer with backoff. Web Locks keep two tabs from sending at once.

import type { ChangeResult } from "@/lib/answers/change";
import { inTransaction, request, type AppliedResult, type ConflictRecord, type QueuedChange } from "./idb";
import { forgetOfflineCopies } from "./offline-owner";
import { backoffMs, conflictKey, foldMine, keyOf, outboxQueue } from "./outbox-logic";

export type OutboxStatus =
  | { kind: "saved" }
  | { kind: "saving"; pending: number }
  | { kind: "offline"; pending: number }
  | { kind: "error"; pending: number; message: string; blocked: QueuedChange | null };

export interface OutboxHandlers {
  onApplied(change: QueuedChange, result: AppliedResult): void;
  onConflict(conflict: ConflictRecord): void;
  onStatus(status: OutboxStatus): void;
}

const BATCH = 50;

export class Outbox {
  private current: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly listeners: [EventTarget, string, () => void][] = [];

  constructor(
    private readonly userId: string,
    private readonly handlers: OutboxHandlers,
  ) {}

  start(): void {
    const kick = () => this.kick();
    const onVisible = () => {
      if (document.visibilityState === "visible") this.kick();
    };
    this.listeners.push([window, "online", kick], [window, "offline", kick], [window, "focus", kick], [document, "visibilitychange", onVisible]);
    for (const [target, type, fn] of this.listeners) target.addEventListener(type, fn);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn);
  }

  /** Stores the change durably, then sends it (and anything before it). */
  async enqueue(change: Omit<QueuedChange, "seq" | "userId" | "createdAt">): Promise<void> {
    const queued: QueuedChange = { ...change, userId: this.userId, createdAt: Date.now() };
    await inTransaction(["changes"], "readwrite", (tx) => request(tx.objectStore("changes").add(queued)));
    this.kick();
  }

  async pending(caseId?: string): Promise<QueuedChange[]> {
    const all = await inTransaction(["changes"], "readonly", (tx) => request(tx.objectStore("changes").getAll() as IDBRequest<QueuedChange[]>));
    return all.filter((c) => c.userId === this.userId && (caseId === undefined || c.caseId === caseId)).sort((a, b) => a.seq! - b.seq!);
  }

  async conflicts(caseId: string): Promise<ConflictRecord[]> {
    const all = await inTransaction(["conflicts"], "readonly", (tx) => request(tx.objectStore("conflicts").getAll() as IDBRequest<ConflictRecord[]>));
    return all.filter((c) => c.userId === this.userId && c.caseId === caseId);
  }

  /** Resolves a conflict: "theirs" drops this browser's values; "mine" re-sends them on the stored version. */
  async resolve(conflict: ConflictRecord, choice: "mine" | "theirs", changeId: string): Promise<void> {
    await inTransaction(["changes", "conflicts"], "readwrite", async (tx) => {
      await request(tx.objectStore("conflicts").delete(conflict.key));
      if (choice === "theirs") return;
      const from: Record<string, string | number | boolean | null> = {};
      for (const key of Object.keys(conflict.mine)) from[key] = conflict.theirs.fields[key] ?? null;
      const change: QueuedChange = {
        changeId,
        userId: this.userId,
        caseId: conflict.caseId,
        target: conflict.target,
        questionId: conflict.questionId,
        baseVersion: conflict.theirs.version,
        from,
        to: conflict.mine,
        createdAt: Date.now(),
      };
      await request(tx.objectStore("changes").add(change));
    });
    this.kick();
  }

  /** Tries a refused change again (e.g. after the lead reopened the case). */
  async retry(): Promise<void> {
    const refused = (await this.pending()).filter((c) => c.rejected);
    await inTransaction(["changes"], "readwrite", async (tx) => {
      for (const change of refused) await request(tx.objectStore("changes").put({ ...change, rejected: undefined }));
    });
    this.attempt = 0;
    this.kick();
  }

  /** Gives up a refused change for good (the user has seen its content and confirmed, refused-changes-panel.tsx). */
  async discard(change: QueuedChange): Promise<void> {
    await inTransaction(["changes"], "readwrite", (tx) => request(tx.objectStore("changes").delete(change.seq!)));
    this.kick();
  }

  /** Sends now; resolves when this round is over (with what is still waiting). */
  async flushNow(): Promise<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.run();
    return (await this.pending()).length;
  }

  kick(): void {
    if (this.stopped) return;
    void this.run();
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const delay = backoffMs(this.attempt++);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
  }

  /** Runs rounds until nothing new arrived meanwhile; a caller arriving mid-run waits for all of it. */
  private run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      try {
        do {
          this.again = false;
          const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
          if (locks) await locks.request(`case-review-outbox:${this.userId}`, () => this.round());
          else await this.round();
        } while (this.again && !this.stopped);
      } catch {
        // IndexedDB itself failed (e.g. storage cleared mid-flight): try again later.
        this.schedule();
      } finally {
        this.current = null;
      }
    })();
    return this.current;
  }

  /** One pass over everything waiting, case by case, oldest first. */
  private async round(): Promise<void> {
    for (;;) {
      const all = await this.pending();
      const waiting = all.filter((c) => !c.rejected).length;
      if (all.length === 0) {
        this.attempt = 0;
        this.handlers.onStatus({ kind: "saved" });
        return;
      }
      // A refused change holds back its case, or only its answer (outboxQueue); never another case.
      const { sendable } = outboxQueue(all, BATCH);
      const firstRefused = all.find((c) => c.rejected) ?? null;
      if (sendable.size === 0) {
        this.handlers.onStatus({ kind: "error", pending: waiting, message: firstRefused?.rejected?.message ?? "A change was refused.", blocked: firstRefused });
        return;
      }
      if (!navigator.onLine) {
        this.handlers.onStatus({ kind: "offline", pending: waiting });
        return;
      }
      this.handlers.onStatus({ kind: "saving", pending: waiting });
      for (const [caseId, batch] of sendable) {
        const ok = await this.send(caseId, batch, waiting);
        if (!ok) return;
      }
    }
  }

  /** Sends one case's batch; false when the round must stop (offline, signed out, server trouble). */
  private async send(caseId: string, batch: QueuedChange[], waiting: number): Promise<boolean> {
    let response: Response;
    try {
      response = await fetch(`/api/cases/${caseId}/changes`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        body: JSON.stringify({ changes: batch.map(toWire) }),
      });
    } catch {
      this.handlers.onStatus(
        navigator.onLine
          ? { kind: "error", pending: waiting, message: "the server can't be reached. Your changes are kept in this browser and will be sent automatically.", blocked: null }
          : { kind: "offline", pending: waiting },
      );
      this.schedule();
      return false;
    }
    const body = (await response.json().catch(() => null)) as { results?: ChangeResult[]; error?: { message?: string } } | null;
    if (response.status === 401) {
      // The server says the session is gone: the offline copies of case pages go (the outbox stays).
      await forgetOfflineCopies();
      this.handlers.onStatus({
        kind: "error",
        pending: waiting,
        message: "you have been signed out. Sign in again (your changes are kept in this browser and will be sent).",
        blocked: null,
      });
      this.schedule();
      return false;
    }
    if (response.status >= 500 || response.status === 429 || !body) {
      this.handlers.onStatus({ kind: "error", pending: waiting, message: "the server had a problem. Trying again shortly.", blocked: null });
      this.schedule();
      return false;
    }
    if (!response.ok || !body.results) {
      // The whole batch was refused (no right to change this case any more, case gone, malformed): keep
      // each change, marked with why, and never send them again by itself (My cases lists them).
      const message = body.error?.message ?? `the server refused the changes (${response.status}).`;
      for (const change of batch) await this.markRejected(change, response.status, message);
      return true;
    }
    this.attempt = 0;
    let handled = 0;
    for (const result of body.results) {
      const change = batch.find((c) => c.changeId === result.changeId);
      if (!change) continue;
      handled += 1;
      if (result.status === "applied" || result.status === "duplicate") {
        await inTransaction(["changes"], "readwrite", (tx) => request(tx.objectStore("changes").delete(change.seq!)));
        this.handlers.onApplied(change, result as AppliedResult);
      } else if (result.status === "conflict") {
        this.handlers.onConflict(await this.moveToConflicts(change, result));
      } else if (result.status === "rejected") {
        await this.markRejected(change, result.code, result.message);
      }
    }
    if (handled === 0) {
      this.handlers.onStatus({ kind: "error", pending: waiting, message: "the server's answer did not match the changes sent. Trying again shortly.", blocked: null });
      this.schedule();
      return false;
    }
    return true;
  }

  private async markRejected(change: QueuedChange, code: number, message: string): Promise<void> {
    await inTransaction(["changes"], "readwrite", (tx) => request(tx.objectStore("changes").put({ ...change, rejected: { code, message } })));
  }

  /** The refused change and every later one for the same answer become one conflict to decide. */
  private async moveToConflicts(change: QueuedChange, result: Extract<ChangeResult, { status: "conflict" }>): Promise<ConflictRecord> {
    const key = conflictKey(change.caseId, change.target, change.questionId);
    return inTransaction(["changes", "conflicts"], "readwrite", async (tx) => {
      const changes = tx.objectStore("changes");
      const conflicts = tx.objectStore("conflicts");
      const all = ((await request(changes.getAll())) as QueuedChange[]).filter((c) => c.userId === this.userId && keyOf(c) === key);
      const existing = (await request(conflicts.get(key))) as ConflictRecord | undefined;
      const record: ConflictRecord = {
        key,
        userId: this.userId,
        caseId: change.caseId,
        target: change.target,
        questionId: change.questionId,
        mine: foldMine(all, existing?.mine),
        theirs: result.current,
        fields: result.fields,
      };
      for (const c of all) await request(changes.delete(c.seq!));
      await request(conflicts.put(record));
      return record;
    });
  }
}

/** A change as the changes route takes it: the flat maps as stored here (lib/answers/change.ts checks them). */
function toWire({ changeId, target, questionId, baseVersion, from, to }: QueuedChange) {
  return { changeId, target, questionId, baseVersion, from, to };
}
