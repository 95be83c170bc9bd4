"use client";

import { useCallback, useEffect, useState } from "react";
import { lazyPart, OnDemand } from "@/components/ui/on-demand";

// Warns two minutes before the session ends (WCAG 2.2.1; DWP/MoJ timeout warning) and lets the user
// stay signed in. Nothing typed is lost either way: changes wait in IndexedDB and are sent after
// signing in again.

const WARN_BEFORE_MS = 2 * 60 * 1000;

// The dialog is loaded when it is due (components/ui/on-demand.tsx).
const SessionDialog = lazyPart(() => import("./session-dialog").then((m) => ({ default: m.SessionDialog })));

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
    <OnDemand what="the session warning">
      <SessionDialog phase={phase} seconds={seconds} onStay={() => void stay()} returnTo={returnTo} />
    </OnDemand>
  );
}
