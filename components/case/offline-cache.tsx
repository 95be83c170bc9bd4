"use client";

import { useEffect, useState } from "react";
import { StatusNotice } from "@/components/ui/notice";
import { OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE } from "./offline-cache-names";
import { claimOfflineCopies } from "./offline-owner";

// Registers the case pages' service worker and, on the first visit (before it controls the page),
// keeps this page and the scripts it loaded so that it can be reopened offline. The copies belong to
// the signed-in user (offline-owner.ts): another user's are deleted first.

export function OfflineCache({ inspectionId, userId }: { inspectionId: string; userId: string }) {
  const [othersUnsent, setOthersUnsent] = useState(0);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    const scope = `/inspections/${inspectionId}/cases/`;
    void (async () => {
      try {
        setOthersUnsent(await claimOfflineCopies(userId));
      } catch {
        // Storage refused: nothing is kept offline, so there is nothing of anyone else's to clear.
      }
      await navigator.serviceWorker.register(`${scope}sw.js`, { scope }).catch(() => undefined);
      if (navigator.serviceWorker.controller) return;
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).origin === location.origin && new URL(name).pathname.startsWith("/_next/static/"));
      try {
        await (await caches.open(OFFLINE_STATIC_CACHE)).addAll(assets);
        const page = await fetch(location.pathname, { credentials: "same-origin" });
        if (page.ok && !page.redirected) await (await caches.open(OFFLINE_PAGES_CACHE)).put(location.pathname, page);
      } catch {
        // Offline already, or storage refused: the page still works; it just cannot be reopened offline.
      }
    })();
  }, [inspectionId, userId]);
  return othersUnsent > 0 ? (
    <StatusNotice tone="info">
      This device keeps {othersUnsent} {othersUnsent === 1 ? "change" : "changes"} that another user made here and that have not reached Case Review yet. They
      are kept, and sent when that user signs in on this device again.
    </StatusNotice>
  ) : null;
}
