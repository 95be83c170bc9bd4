"use client";

import { useEffect } from "react";
import { OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE } from "./offline-cache-names";

// Registers the case pages' service worker and, on the first visit (before it controls the page),
// keeps this page and the scripts it loaded so that it can be reopened offline.

export function OfflineCache({ inspectionId }: { inspectionId: string }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    const scope = `/inspections/${inspectionId}/cases/`;
    void navigator.serviceWorker.register(`${scope}sw.js`, { scope }).catch(() => undefined);
    if (navigator.serviceWorker.controller) return;
    const assets = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).origin === location.origin && new URL(name).pathname.startsWith("/_next/static/"));
    void (async () => {
      try {
        await (await caches.open(OFFLINE_STATIC_CACHE)).addAll(assets);
        const page = await fetch(location.pathname, { credentials: "same-origin" });
        if (page.ok && !page.redirected) await (await caches.open(OFFLINE_PAGES_CACHE)).put(location.pathname, page);
      } catch {
        // Offline already, or storage refused: the page still works; it just cannot be reopened offline.
      }
    })();
  }, [inspectionId]);
  return null;
}
