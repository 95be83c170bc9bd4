"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// Warns two minutes before the session ends (WCAG 2.2.1; DWP/MoJ timeout warning) and lets the user
// stay signed in. Nothing typed is lost either way: changes wait in IndexedDB and are sent after
// signing in again.

const WARN_BEFORE_MS = 2 * 60 * 1000;

async function touchSession(): Promise<number | null> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    const session = (await response.json()) as { expires?: string } | null;
    return session?.expires ? Date.parse(session.expires) : null;
  } catch {
    return null;
  }
}

export function SessionWarning({ returnTo }: { returnTo: string }) {
  const [expires, setExpires] = useState<number | null>(null);
  const [phase, setPhase] = useState<"quiet" | "warning" | "expired">("quiet");
  const [now, setNow] = useState(() => Date.now());
  const stayButton = useRef<HTMLButtonElement>(null);

  const stay = useCallback(async () => {
    const next = await touchSession();
    if (next) {
      setExpires(next);
      setPhase("quiet");
    }
  }, []);

  useEffect(() => {
    void touchSession().then((next) => setExpires(next));
  }, []);

  useEffect(() => {
    if (!expires) return;
    const tick = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= expires) setPhase("expired");
      else if (t >= expires - WARN_BEFORE_MS) setPhase((p) => (p === "quiet" ? "warning" : p));
    }, 1000);
    return () => clearInterval(tick);
  }, [expires]);

  useEffect(() => {
    if (phase === "warning") stayButton.current?.focus();
    if (phase !== "warning") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") void stay();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [phase, stay]);

  if (phase === "quiet" || !expires) return null;
  const seconds = Math.max(0, Math.round((expires - now) / 1000));
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
              onClick={() => void stay()}
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
