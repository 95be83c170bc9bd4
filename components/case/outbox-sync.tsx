"use client";

import { useEffect, useState } from "react";
import { Outbox, type OutboxStatus } from "./outbox";

// On the cases list: sends whatever this browser still holds for the signed-in user (any case),
// and says so. Silent when nothing is waiting.

export function OutboxSync({ userId }: { userId: string }) {
  const [status, setStatus] = useState<OutboxStatus>({ kind: "saved" });
  useEffect(() => {
    const outbox = new Outbox(userId, { onApplied() {}, onConflict() {}, onStatus: setStatus });
    outbox.start();
    return () => outbox.stop();
  }, [userId]);
  const text =
    status.kind === "saved"
      ? null
      : status.kind === "saving"
        ? `Saving ${status.pending} ${status.pending === 1 ? "change" : "changes"} kept in this browser…`
        : status.kind === "offline"
          ? `Offline – ${status.pending} ${status.pending === 1 ? "change" : "changes"} waiting`
          : `Couldn't save: ${status.message} Open the case to see it.`;
  return (
    <p role="status" className={text ? "mb-4 border-l-8 border-ri bg-[#fff7e6] p-3 font-semibold" : "sr-only"}>
      {text ?? ""}
    </p>
  );
}
