"use client";

import { useEffect, useState } from "react";
import { StatusNotice } from "@/components/ui/notice";
import { OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE } from "./offline-cache-names";
import { claimOfflineCopies } from "./offline-owner";
import { registerCasesWorker } from "./offline-worker";

// Registers the cases' service worker (offline-worker.ts) and, when this page has no offline copy yet
// (a first visit, or one reached by a link within the app, which the worker does not see), keeps it
// and the scripts it loaded so that it can be reopened offline. Leaving the page asks the worker to
// refresh the copy, so that it holds the answers saved meanwhile. The copies belong to the signed-in
// user (offline-owner.ts): another user's are deleted first.

export function OfflineCache({ inspectionId, userId }: { inspectionId: string; userId: string }) {
  const [othersUnsent, setOthersUnsent] = useState(0);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    const path = location.pathname;
    let worker: ServiceWorker | null = navigator.serviceWorker.controller;
    const refreshCopy = () => (navigator.serviceWorker.controller ?? worker)?.postMessage({ type: "keep", path });
    window.addEventListener("pagehide", refreshCopy);
    void (async () => {
      try {
        setOthersUnsent(await claimOfflineCopies(userId));
      } catch {
        // Storage refused: nothing is kept offline, so there is nothing of anyone else's to clear.
      }
      const registration = await registerCasesWorker(inspectionId).catch(() => null);
      worker = registration?.active ?? registration?.installing ?? registration?.waiting ?? worker;
      if (await caches.match(path, { cacheName: OFFLINE_PAGES_CACHE }).catch(() => undefined)) return;
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).origin === location.origin && new URL(name).pathname.startsWith("/_next/static/"));
      try {
        await (await caches.open(OFFLINE_STATIC_CACHE)).addAll(assets);
        const page = await fetch(path, { credentials: "same-origin" });
        if (page.ok && !page.redirected) await (await caches.open(OFFLINE_PAGES_CACHE)).put(path, page);
      } catch {
        // Offline already, or storage refused: the page still works; it just cannot be reopened offline.
      }
    })();
    return () => {
      window.removeEventListener("pagehide", refreshCopy);
      refreshCopy();
    };
  }, [inspectionId, userId]);
  return othersUnsent > 0 ? (
    <StatusNotice tone="info">
      This device keeps {othersUnsent} {othersUnsent === 1 ? "change" : "changes"} that another user made here and that have not reached Case Review yet. They
      are kept, and sent when that user signs in on this device again.
    </StatusNotice>
  ) : null;
}
