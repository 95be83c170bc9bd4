"use client";

import { useEffect, useRef, useState } from "react";
import { Outbox, type OutboxStatus } from "./outbox";
import { refusedByCase, type RefusedCase } from "./refused-changes";
import { RefusedChanges } from "./refused-changes-panel";

// On the cases list: sends whatever this browser still holds for the signed-in user (any case),
// and says so; lists the changes the server refused, which the outbox keeps and never sends again by
// itself, so that the inspector learns of them and can discard them. Silent when nothing is waiting.
// `references`: the references of the cases My cases knows (changes kept before the outbox recorded
// references lack their own).

export function OutboxSync({ userId, references }: { userId: string; references: Record<string, string> }) {
  const [status, setStatus] = useState<OutboxStatus>({ kind: "saved" });
  const [refused, setRefused] = useState<RefusedCase[]>([]);
  const outboxRef = useRef<Outbox | null>(null);
  useEffect(() => {
    const outbox = new Outbox(userId, {
      onApplied() {},
      onConflict() {},
      onStatus(next) {
        setStatus(next);
        void outbox
          .pending()
          .then((pending) => setRefused(refusedByCase(pending, references)))
          .catch(() => undefined);
      },
    });
    outboxRef.current = outbox;
    outbox.start();
    return () => outbox.stop();
  }, [userId, references]);

  async function discard(item: RefusedCase) {
    const outbox = outboxRef.current;
    if (!outbox) return;
    for (const change of item.refused) await outbox.discard(change);
    setRefused(refusedByCase(await outbox.pending(), references));
  }

  const text =
    status.kind === "saved"
      ? null
      : status.kind === "saving"
        ? `Saving ${status.pending} ${status.pending === 1 ? "change" : "changes"} kept in this browser…`
        : status.kind === "offline"
          ? `Offline – ${status.pending} ${status.pending === 1 ? "change" : "changes"} waiting`
          : status.blocked
            ? "Couldn't save some of your changes: see “Changes that could not be saved” below."
            : `Couldn't save: ${status.message}`;
  return (
    <>
      <p role="status" className={text ? "mb-4 border-l-8 border-ri bg-[#fff7e6] p-3 font-semibold" : "sr-only"}>
        {text ?? ""}
      </p>
      <RefusedChanges cases={refused} onDiscard={discard} />
    </>
  );
}
