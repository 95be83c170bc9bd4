"use client";

import { useEffect, useRef } from "react";

// The session's timeout warning (session-warning.tsx), and the notice once it has ended.

export function SessionDialog({ phase, seconds, onStay, returnTo }: { phase: "warning" | "expired"; seconds: number; onStay: () => void; returnTo: string }) {
  const stayButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (phase === "warning") stayButton.current?.focus();
  }, [phase]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-ink/60 p-4">
      <div role="alertdialog" aria-modal="true" aria-labelledby="session-title" aria-describedby="session-body" className="max-w-lg bg-white p-6">
        {phase === "warning" ? (
          <>
            <h2 id="session-title" className="text-2xl font-bold">
              You will be signed out soon
            </h2>
            <div id="session-body">
              <p className="mt-2">
                For your security we will sign you out in {Math.floor(seconds / 60)} minute{Math.floor(seconds / 60) === 1 ? "" : "s"} {seconds % 60} seconds.
              </p>
              <p className="mt-2">Your answers are kept in this browser either way.</p>
            </div>
            <button
              ref={stayButton}
              type="button"
              className="mt-4 inline-block bg-success px-3 py-1.5 font-semibold text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]"
              onClick={onStay}
            >
              Stay signed in
            </button>
          </>
        ) : (
          <>
            <h2 id="session-title" className="text-2xl font-bold">
              You have been signed out
            </h2>
            <p id="session-body" className="mt-2">
              Your answers and anything you typed are kept in this browser. Sign in again and they will be sent, and you will come back to this page.
            </p>
            <p className="mt-4">
              <a href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold">
                Sign in again
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
