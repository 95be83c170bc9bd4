"use client";

import { clockTime } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { REFUSED_CHANGES_ID } from "./refused-changes-anchor";
import type { CaseStore } from "./use-case-store";

// The page says plainly whether everything is saved (positive confirmation, never "no error").

// A change waiting for the user's decision on a conflict is not saved: the bar never says "All
// changes saved" while one waits.
export function saveStatusText(store: Pick<CaseStore, "ready" | "status" | "typing">, conflictCount = 0): string {
  const { status } = store;
  if (!store.ready) return "Loading changes kept in this browser…";
  if (status.kind === "error") return `Couldn't save: ${status.message}`;
  if (status.kind === "offline") return `Offline – ${status.pending} ${status.pending === 1 ? "change" : "changes"} waiting`;
  if (status.kind === "saving" || store.typing) return "Saving…";
  if (conflictCount > 0) return `Not saved: ${conflictCount} ${conflictCount === 1 ? "change waits" : "changes wait"} for your decision`;
  return "All changes saved";
}

/** `listPath`: My cases, which lists refused changes (of any case) and discards them after confirmation. */
export function SaveStatus({ store, conflictCount, listPath }: { store: CaseStore; conflictCount: number; listPath: string }) {
  const text = saveStatusText(store, conflictCount);
  const tone =
    store.status.kind === "error" || conflictCount > 0 ? "border-error" : store.status.kind === "offline" ? "border-ri" : text === "All changes saved" ? "border-success" : "border-link";
  const blocked = store.status.kind === "error" ? store.status.blocked : null;
  return (
    <div className={`-mx-4 mb-4 border-b border-line border-l-8 bg-white px-4 py-2 ${tone}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p role="status" aria-live="polite" aria-atomic="true" className="font-semibold">
          {text}
        </p>
        {text === "All changes saved" && store.lastSavedAt ? (
          <p className="text-muted text-sm">Last saved at {clockTime(store.lastSavedAt, { seconds: true })}</p>
        ) : null}
        {conflictCount > 0 ? (
          <p className="font-semibold text-error">
            {conflictCount} {conflictCount === 1 ? "answer needs" : "answers need"} your decision (someone else changed {conflictCount === 1 ? "it" : "them"})
          </p>
        ) : null}
        {store.status.kind === "error" ? (
          <Button type="button" variant="secondary" onClick={store.retry}>
            Try again now
          </Button>
        ) : null}
      </div>
      {blocked ? (
        <p className="mt-1 text-sm">
          Refused change{blocked.questionId ? ` to key question ${blocked.questionId}` : " to the case's details"}:{" "}
          <span className="whitespace-pre-wrap">{Object.values(blocked.to).map(String).join(" · ")}</span>.{" "}
          <a href={`${listPath}#${REFUSED_CHANGES_ID}`}>See the changes that could not be saved on My cases</a>, where you can discard them.
        </p>
      ) : null}
    </div>
  );
}
