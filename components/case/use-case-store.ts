"use client";

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { promptIndexOf, storedAnswerFlat, type Scalar } from "@/lib/flat-fields";
import type { CaseLiveAnswer } from "@/lib/answers/live-state";
import type { CasePageModel } from "@/lib/cases/queries";
import type { ConflictRecord } from "./idb";
import { forgetOfflineCopies } from "./offline-owner";
import { Outbox, type OutboxStatus } from "./outbox";
import { conflictKey, keyOf, overlay, remoteUpdates, type LocalState } from "./outbox-logic";

// The case page's state: the values the user sees (server values + unconfirmed changes from
// IndexedDB), edits turned into outbox changes (text debounced, choices at once, in the order made),
// the server version each answer was last confirmed at, conflicts awaiting a choice, and the status.

export const TEXT_DEBOUNCE_MS = 1000;
/** How often an open, visible case page asks whether someone else changed the case. */
export const LIVE_POLL_MS = 15_000;

/** Someone else's change the page now shows instead of what it had. */
export interface RemoteChange {
  byName: string | null;
  at: string | null;
}

function serverState(model: CasePageModel): LocalState {
  const answers: LocalState["answers"] = {};
  for (const section of model.sections) {
    for (const q of section.questions) {
      const a = q.answer;
      answers[q.id] = storedAnswerFlat({ value: a?.value ?? null, naReason: a?.naReason ?? null, rationale: a?.rationale ?? "", promptMarks: a?.promptMarks });
    }
  }
  return { answers, caseFields: { ...model.caseFields } };
}

function markedOf(model: CasePageModel): string[] {
  return model.sections.filter((section) => section.completedAt !== null).map((section) => section.id);
}

function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface PendingText {
  target: "answer" | "case";
  questionId?: string;
  field: string;
  from: Scalar;
  to: Scalar;
  timer: ReturnType<typeof setTimeout>;
}

export type Target = { target: "answer"; questionId: string } | { target: "case" };

export function useCaseStore(model: CasePageModel) {
  const caseId = model.case.id;
  const caseReference = model.case.reference;
  const initial = useMemo(() => serverState(model), [model]);
  const [local, setLocal] = useState<LocalState>(initial);
  const localRef = useRef(local);
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<OutboxStatus>({ kind: "saved" });
  const [typing, setTyping] = useState(false);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [conflicts, setConflicts] = useState<Record<string, ConflictRecord>>({});
  // The case's status and marked sections as the server last said (each save's answer, the poll);
  // reset from the page's model whenever the server renders it again (e.g. after completion).
  const [server, setServer] = useState({ model, status: model.case.status, markedSections: markedOf(model) });
  if (server.model !== model) setServer({ model, status: model.case.status, markedSections: markedOf(model) });
  const [remoteChanges, setRemoteChanges] = useState<Record<string, RemoteChange>>({});
  const stampRef = useRef<string | null>(null);
  const outboxRef = useRef<Outbox | null>(null);
  const buffers = useRef(new Map<string, PendingText>());
  // The server version each answer (and the case row) was last confirmed at; read and written only in
  // callbacks, filled from the page's model on first use.
  const versionsRef = useRef<Record<string, number> | null>(null);
  const versions = useCallback((): Record<string, number> => {
    if (!versionsRef.current) {
      const initialVersions: Record<string, number> = { [conflictKey(caseId, "case")]: model.case.version };
      for (const section of model.sections) for (const q of section.questions) initialVersions[conflictKey(caseId, "answer", q.id)] = q.answer?.version ?? 0;
      versionsRef.current = initialVersions;
    }
    return versionsRef.current;
  }, [caseId, model]);

  const commit = useCallback((next: LocalState) => {
    localRef.current = next;
    setLocal(next);
  }, []);

  useEffect(() => {
    const outbox = new Outbox(model.me.id, {
      onApplied(change, result) {
        if (change.caseId !== caseId) return;
        const key = conflictKey(change.caseId, change.target, change.questionId);
        versions()[key] = Math.max(versions()[key] ?? 0, result.version);
        setLastSavedAt(new Date());
        const caseStatus = result.caseStatus;
        if (caseStatus) setServer((current) => (current.status === caseStatus ? current : { ...current, status: caseStatus }));
      },
      onConflict(record) {
        if (record.caseId === caseId) setConflicts((all) => ({ ...all, [record.key]: record }));
      },
      onStatus: setStatus,
    });
    outboxRef.current = outbox;
    let cancelled = false;
    void (async () => {
      try {
        const [pending, stored] = await Promise.all([outbox.pending(caseId), outbox.conflicts(caseId)]);
        if (cancelled) return;
        // In a transition, as setReady below: the page's render with what was kept here is one React
        // may slice and interrupt, while it is still hydrating the page, not one long task.
        startTransition(() => {
          commit(overlay(initial, pending, stored));
          setConflicts(Object.fromEntries(stored.map((c) => [c.key, c])));
          // Changes kept here are waiting: the bar must not say "All changes saved" until the outbox's
          // first round has sent them (it reports from then on).
          if (pending.length > 0) setStatus({ kind: navigator.onLine ? "saving" : "offline", pending: pending.length });
        });
      } catch {
        setStatus({ kind: "error", pending: 0, message: "this browser's storage is not available, so changes cannot be kept offline.", blocked: null });
      }
      if (cancelled) return;
      startTransition(() => setReady(true));
      outbox.start();
    })();
    return () => {
      cancelled = true;
      outbox.stop();
    };
  }, [caseId, commit, initial, model.me.id, versions]);

  const enqueue = useCallback(
    (target: Target, from: Record<string, Scalar>, to: Record<string, Scalar>) => {
      const questionId = target.target === "answer" ? target.questionId : undefined;
      const key = conflictKey(caseId, target.target, questionId);
      void outboxRef.current?.enqueue({
        changeId: newId(),
        caseId,
        caseReference,
        target: target.target,
        questionId,
        baseVersion: versions()[key] ?? 0,
        from,
        to,
      });
    },
    [caseId, caseReference, versions],
  );

  const commitBuffers = useCallback(() => {
    for (const [key, buffer] of buffers.current) {
      clearTimeout(buffer.timer);
      buffers.current.delete(key);
      if (buffer.from !== buffer.to) {
        enqueue(buffer.target === "answer" ? { target: "answer", questionId: buffer.questionId! } : { target: "case" }, { [buffer.field]: buffer.from }, { [buffer.field]: buffer.to });
      }
    }
    setTyping(false);
  }, [enqueue]);

  const valueOf = (target: Target, field: string): Scalar =>
    target.target === "answer" ? (localRef.current.answers[target.questionId]?.[field] ?? null) : (localRef.current.caseFields[field] ?? null);

  /** Records an edit: shown at once; text is sent after a pause in typing, choices straight away. */
  const edit = useCallback(
    (target: Target, fields: Record<string, Scalar>, mode: "now" | "typing" = "now") => {
      const before: Record<string, Scalar> = {};
      for (const field of Object.keys(fields)) before[field] = valueOf(target, field);
      if (Object.keys(fields).length > 0) {
        const key = conflictKey(caseId, target.target, target.target === "answer" ? target.questionId : undefined);
        setRemoteChanges((all) => {
          if (!(key in all)) return all;
          const rest = { ...all };
          delete rest[key];
          return rest;
        });
      }
      const current = localRef.current;
      const next: LocalState =
        target.target === "answer"
          ? { ...current, answers: { ...current.answers, [target.questionId]: { ...current.answers[target.questionId], ...fields } } }
          : { ...current, caseFields: { ...current.caseFields, ...fields } };
      commit(next);
      if (mode === "now") {
        commitBuffers();
        enqueue(target, before, fields);
        return;
      }
      for (const [field, value] of Object.entries(fields)) {
        const key = `${target.target}|${target.target === "answer" ? target.questionId : ""}|${field}`;
        const existing = buffers.current.get(key);
        if (existing) clearTimeout(existing.timer);
        const buffer: PendingText = {
          target: target.target,
          questionId: target.target === "answer" ? target.questionId : undefined,
          field,
          from: existing ? existing.from : before[field]!,
          to: value,
          timer: setTimeout(() => {
            buffers.current.delete(key);
            if (buffer.from !== buffer.to) enqueue(target, { [field]: buffer.from }, { [field]: buffer.to });
            setTyping(buffers.current.size > 0);
          }, TEXT_DEBOUNCE_MS),
        };
        buffers.current.set(key, buffer);
      }
      setTyping(true);
    },
    // valueOf reads refs only
    [caseId, commit, commitBuffers, enqueue],
  );

  // Text typed in the last second is queued before the page goes away.
  useEffect(() => {
    const save = () => commitBuffers();
    const onHidden = () => {
      if (document.visibilityState === "hidden") commitBuffers();
    };
    window.addEventListener("pagehide", save);
    window.addEventListener("beforeunload", save);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", save);
      window.removeEventListener("beforeunload", save);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [commitBuffers]);

  /** Queues typed text now and sends everything; resolves with the number of changes still waiting. */
  const flushNow = useCallback(async () => {
    commitBuffers();
    return (await outboxRef.current?.flushNow()) ?? 0;
  }, [commitBuffers]);

  const resolveConflict = useCallback(
    async (record: ConflictRecord, choice: "mine" | "theirs") => {
      await outboxRef.current?.resolve(record, choice, newId());
      setConflicts((all) => {
        const rest = { ...all };
        delete rest[record.key];
        return rest;
      });
      if (choice === "theirs") {
        const theirs: Record<string, Scalar> = {};
        for (const field of Object.keys(record.mine)) theirs[field] = record.theirs.fields[field] ?? null;
        versions()[record.key] = record.theirs.version;
        const current = localRef.current;
        commit(
          record.target === "answer"
            ? { ...current, answers: { ...current.answers, [record.questionId!]: { ...current.answers[record.questionId!], ...theirs } } }
            : { ...current, caseFields: { ...current.caseFields, ...theirs } },
        );
      }
    },
    [commit, versions],
  );

  // Someone else's changes: asked on focus and every LIVE_POLL_MS while the page is visible. An answer
  // stored at a newer version replaces what the page shows unless this page has changes to it waiting
  // (the server merges those or reports a conflict), and says who changed it.
  const refreshFromServer = useCallback(async () => {
    if (!ready || document.visibilityState !== "visible" || !navigator.onLine) return;
    let live: CaseLiveAnswer;
    try {
      const response = await fetch(`/api/cases/${caseId}/state${stampRef.current ? `?since=${encodeURIComponent(stampRef.current)}` : ""}`, {
        credentials: "same-origin",
        cache: "no-store",
      });
      if (response.status === 401) await forgetOfflineCopies(); // the session is gone
      if (!response.ok) return;
      live = (await response.json()) as CaseLiveAnswer;
    } catch {
      return; // offline or the server is away: the outbox reports that; try again next time
    }
    stampRef.current = live.stamp;
    if (live.unchanged) return;
    setServer((current) => ({ ...current, status: live.status, markedSections: live.markedSections }));
    const busy = new Set<string>(Object.keys(conflicts));
    for (const change of (await outboxRef.current?.pending(caseId)) ?? []) busy.add(keyOf(change));
    for (const buffer of buffers.current.values()) busy.add(conflictKey(caseId, buffer.target, buffer.questionId));
    const updates = remoteUpdates(caseId, versions(), localRef.current, live, busy);
    if (updates.length === 0) return;
    let next = localRef.current;
    const noticed: Record<string, RemoteChange> = {};
    for (const update of updates) {
      versions()[update.key] = update.stored.version;
      if (!update.changed) continue;
      if (update.target === "case") {
        next = { ...next, caseFields: { ...next.caseFields, ...update.stored.fields } };
      } else {
        const shown = next.answers[update.questionId!] ?? {};
        const fields: Record<string, Scalar> = {};
        for (const field of Object.keys(shown)) if (promptIndexOf(field) !== null) fields[field] = null;
        next = { ...next, answers: { ...next.answers, [update.questionId!]: { ...shown, ...fields, ...update.stored.fields } } };
      }
      noticed[update.key] = { byName: update.stored.updatedByName, at: update.stored.updatedAt };
    }
    commit(next);
    if (Object.keys(noticed).length > 0) setRemoteChanges((all) => ({ ...all, ...noticed }));
  }, [caseId, commit, conflicts, ready, versions]);

  useEffect(() => {
    if (!ready) return;
    const poll = () => void refreshFromServer();
    const onVisible = () => {
      if (document.visibilityState === "visible") poll();
    };
    const timer = setInterval(poll, LIVE_POLL_MS);
    window.addEventListener("focus", poll);
    document.addEventListener("visibilitychange", onVisible);
    poll();
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", poll);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [ready, refreshFromServer]);

  const retry = useCallback(() => void outboxRef.current?.retry(), []);

  return {
    local,
    ready,
    status,
    typing,
    lastSavedAt,
    conflicts,
    caseStatus: server.status,
    markedSections: server.markedSections,
    remoteChanges,
    edit,
    flushNow,
    resolveConflict,
    retry,
    refreshFromServer,
  };
}

export type CaseStore = ReturnType<typeof useCaseStore>;
