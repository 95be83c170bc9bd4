"use client";

import { useEffect, useState } from "react";
import { timeOnDay } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { lastPreparedAt, prepareCasesOffline, syncOfflineCopies, type OfflineCase, type PrepareResult, type SyncResult } from "./offline-prepare";
import { claimOfflineCopies } from "./offline-owner";
import { activeCasesWorker } from "./offline-worker";

// On My cases: keeps every case allocated to the inspector, and My cases itself, on this device for
// the day without a connection (offline-prepare.ts), shows progress, says which cases were kept and
// which were not, and when they were last synced. Opened offline (the service worker answers with the
// kept copy), it says so. Opened online on a device that keeps them, it brings the copies up to date
// by itself (syncOfflineCopies), also when no case is allocated any more (then it only deletes).

function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

export function MakeCasesAvailableOffline({ inspectionId, userId, cases }: { inspectionId: string; userId: string; cases: OfflineCase[] }) {
  const [phase, setPhase] = useState<"idle" | "working" | "done">("idle");
  const [done, setDone] = useState(0);
  const [result, setResult] = useState<PrepareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [synced, setSynced] = useState<string | null>(null);
  const [sync, setSync] = useState<"idle" | "working" | SyncResult>("idle");
  const online = useOnline();

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    let live = true;
    void (async () => {
      // Another user's copies go first; then the worker answers My cases offline, kept or not.
      if (cases.length > 0) {
        await claimOfflineCopies(userId).catch(() => 0);
        await activeCasesWorker(inspectionId).catch(() => undefined);
      }
      const previous = await lastPreparedAt(inspectionId, userId).catch(() => null);
      if (!live) return;
      setSynced(previous);
      // This page was rendered by the server, so the device is online: bring the kept copies up to date.
      if (previous === null || !navigator.onLine) return;
      setSync("working");
      const result = await syncOfflineCopies(inspectionId, userId, cases).catch(() => null);
      if (!live) return;
      setSync(result ?? "idle");
      setSynced(result ? result.syncedAt : await lastPreparedAt(inspectionId, userId).catch(() => null));
    })();
    return () => {
      live = false;
    };
    // The cases come from the server render: a new render is a new list to sync with.
  }, [inspectionId, userId, cases]);

  async function prepare() {
    setPhase("working");
    setSync("idle");
    setDone(0);
    setResult(null);
    setError(null);
    try {
      const kept = await prepareCasesOffline(inspectionId, userId, cases, setDone);
      setResult(kept);
      if (kept.available > 0 || kept.listFailed === null) setSynced(kept.at);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Your cases could not be made available offline.");
    }
    setPhase("done");
  }

  if (cases.length === 0) return null;
  return (
    <section aria-labelledby="offline-heading" className="mb-8 max-w-3xl border-l-8 border-link bg-[#e8f1f8] p-4">
      <h2 id="offline-heading" className="text-xl font-bold">
        Working without a connection
      </h2>
      {synced ? <p className="mt-1 font-semibold">Available offline, last synced at {timeOnDay(new Date(synced))}.</p> : null}
      {online ? null : (
        <p role="status" className="mt-1">
          You are offline. This list shows your cases as they were when last synced. Answers you give are kept on this device and sent when you are back
          online.
        </p>
      )}
      <p className="mt-1">
        Keep your {cases.length} {cases.length === 1 ? "case" : "cases"} on this device, with this list, so that you can open and answer them offline.
        Answers given offline are saved here and sent when you are back online.
      </p>
      {online ? (
        <Button type="button" className="mt-3" onClick={() => void prepare()} disabled={phase === "working"}>
          Make my cases available offline
        </Button>
      ) : (
        <p className="mt-1">Connect to the internet to sync them again.</p>
      )}
      {phase === "working" ? (
        <div className="mt-3">
          <label htmlFor="offline-progress" className="block">
            Keeping case {Math.min(done + 1, cases.length)} of {cases.length}
          </label>
          <progress id="offline-progress" max={cases.length} value={done} className="w-full max-w-sm" />
        </div>
      ) : null}
      <div role="status" className="mt-3 font-semibold">
        {sync === "working" ? <p>Bringing the cases kept on this device up to date…</p> : null}
        {typeof sync === "object" && (sync.updated > 0 || sync.removed > 0) ? (
          <p>
            Brought up to date: {sync.updated} {sync.updated === 1 ? "case" : "cases"} kept again
            {sync.removed > 0 ? `, ${sync.removed} no longer allocated to you removed from this device` : ""}.
          </p>
        ) : null}
        {typeof sync === "object" && sync.updated === 0 && sync.removed === 0 && sync.failed.length === 0 && !sync.listFailed ? (
          <p>Your cases on this device are up to date.</p>
        ) : null}
        {typeof sync === "object" && (sync.failed.length > 0 || sync.listFailed) ? (
          <p>
            Not brought up to date ({[...sync.failed.map((f) => `case ${f.reference}: ${f.reason}`), ...(sync.listFailed ? [`this list: ${sync.listFailed}`] : [])].join("; ")}): the
            copies on this device are as of the time above.
          </p>
        ) : null}
        {error ? <p className="text-inadequate">{error}</p> : null}
        {result ? (
          <>
            <p>
              {result.available} of {cases.length} {cases.length === 1 ? "case" : "cases"} available offline.
            </p>
            {result.listFailed ? <p className="mt-2">This list could not be kept for offline use ({result.listFailed}): try again when the connection is better.</p> : null}
            {result.failed.length > 0 ? (
              <>
                <p className="mt-2">Not available offline (try again when the connection is better):</p>
                <ul className="list-disc pl-6 font-normal">
                  {result.failed.map((f) => (
                    <li key={f.reference}>
                      Case {f.reference}: {f.reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
