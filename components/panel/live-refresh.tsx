"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const POLL_MS = 10_000;

/**
 * Keeps the panel page current without a manual refresh: every 10 seconds, and whenever the window
 * regains focus, asks the figures route for its fingerprint and re-renders the page when it changed.
 */
export function LiveRefresh({ url, fingerprint }: { url: string; fingerprint: string }) {
  const router = useRouter();
  const current = useRef(fingerprint);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (current.current !== fingerprint) {
      current.current = fingerprint;
      setMessage(`Figures updated at ${new Date().toLocaleTimeString("en-GB")}.`);
    }
  }, [fingerprint]);

  useEffect(() => {
    let stopped = false;
    let inFlight = false;
    const check = async () => {
      if (inFlight || document.visibilityState === "hidden") return;
      inFlight = true;
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { fingerprint?: string };
        if (!stopped && body.fingerprint && body.fingerprint !== current.current) router.refresh();
      } catch {
        // Offline for a moment: the next poll tries again.
      } finally {
        inFlight = false;
      }
    };
    const timer = window.setInterval(check, POLL_MS);
    window.addEventListener("focus", check);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener("focus", check);
    };
  }, [url, router]);

  return (
    <p role="status" className="text-muted mb-4 text-sm">
      {message || "These figures update by themselves when a case is completed or a decision is recorded."}
    </p>
  );
}
