"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { lastPreparedAt, prepareCasesOffline, type OfflineCase, type PrepareResult } from "./offline-prepare";

// On My cases: keeps every case allocated to the inspector on this device for the day without a
// connection (offline-prepare.ts), shows progress, and says which cases were kept and which were not.

const time = (iso: string) => new Date(iso).toLocaleString("en-GB", { weekday: "long", hour: "2-digit", minute: "2-digit" });

export function MakeCasesAvailableOffline({ inspectionId, userId, cases }: { inspectionId: string; userId: string; cases: OfflineCase[] }) {
  const [phase, setPhase] = useState<"idle" | "working" | "done">("idle");
  const [done, setDone] = useState(0);
  const [result, setResult] = useState<PrepareResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previous, setPrevious] = useState<string | null>(null);

  useEffect(() => {
    lastPreparedAt(inspectionId, userId).then(setPrevious, () => undefined);
  }, [inspectionId, userId]);

  async function prepare() {
    setPhase("working");
    setDone(0);
    setResult(null);
    setError(null);
    try {
      setResult(await prepareCasesOffline(inspectionId, userId, cases, setDone));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Your cases could not be made available offline.");
    }
    setPhase("done");
  }

  return (
    <section aria-labelledby="offline-heading" className="mb-8 max-w-3xl border-l-8 border-link bg-[#e8f1f8] p-4">
      <h2 id="offline-heading" className="text-xl font-bold">
        Working without a connection
      </h2>
      <p className="mt-1">
        Keep your {cases.length} {cases.length === 1 ? "case" : "cases"} on this device so that you can open and answer them offline. Answers given offline are
        saved here and sent when you are back online.
      </p>
      {previous && !result ? <p className="mt-1">Last made available offline on {time(previous)}.</p> : null}
      <Button type="button" className="mt-3" onClick={() => void prepare()} disabled={phase === "working"}>
        Make my cases available offline
      </Button>
      {phase === "working" ? (
        <div className="mt-3">
          <label htmlFor="offline-progress" className="block">
            Keeping case {Math.min(done + 1, cases.length)} of {cases.length}
          </label>
          <progress id="offline-progress" max={cases.length} value={done} className="w-full max-w-sm" />
        </div>
      ) : null}
      <div role="status" className="mt-3 font-semibold">
        {error ? <p className="text-inadequate">{error}</p> : null}
        {result ? (
          <>
            <p>
              {result.available} of {cases.length} {cases.length === 1 ? "case" : "cases"} available offline, as of {time(result.at)}.
            </p>
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
