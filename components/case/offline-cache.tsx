"use client";

import { useEffect, useState } from "react";
import { StatusNotice } from "@/components/ui/notice";
import { OFFLINE_PAGES_CACHE } from "./offline-cache-names";
import { claimOfflineCopies } from "./offline-owner";
import { registerCasesWorker } from "./offline-worker";

// Registers the cases' service worker (offline-worker.ts) and, when this page has no offline copy yet
// (a first visit, or one reached by a link within the app, which the worker does not see), asks the
// worker to keep it, with the scripts it loads and those its parts load when first shown, so that it
// can be reopened offline whole. Leaving the page asks the worker to refresh the copy, so that it
// holds the answers saved meanwhile. The copies belong to the signed-in user (offline-owner.ts):
// another user's are deleted first.

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
      if (!(await registerCasesWorker(inspectionId).catch(() => null))) return;
      worker = (await navigator.serviceWorker.ready).active ?? worker;
      if (await caches.match(path, { cacheName: OFFLINE_PAGES_CACHE }).catch(() => undefined)) return;
      worker?.postMessage({ type: "keep", path, first: true });
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
