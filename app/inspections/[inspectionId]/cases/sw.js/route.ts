import { publicRouteHandler } from "@/lib/http/route-handler";
import { OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE } from "@/components/case/offline-cache-names";

// The service worker that lets a case page open without a connection (Enketo's model): served from
// the cases folder so its scope is this inspection's case pages only. Case pages are fetched from the
// network first and the last good copy is kept; Next's hashed static files are kept once fetched.
// The answers themselves never come from here: unsent changes live in the IndexedDB outbox. The
// copies belong to the signed-in user (components/case/offline-owner.ts).

const script = `
const PAGES = ${JSON.stringify(OFFLINE_PAGES_CACHE)};
const STATIC = ${JSON.stringify(OFFLINE_STATIC_CACHE)};
const CASE_PAGE = /^\\/inspections\\/[^/]+\\/cases\\/[0-9a-f-]{36}\\/?$/i;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.open(STATIC).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  if (request.mode === "navigate" && CASE_PAGE.test(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then(async (response) => {
          const cache = await caches.open(PAGES);
          if (response.ok && !response.redirected) await cache.put(url.pathname, response.clone());
          // A case page redirects only to sign in (a navigation's redirect is opaque here): the
          // session is gone, so no one may open the offline copies any more (unsent changes live in
          // IndexedDB, not here, and are kept).
          else if (response.type === "opaqueredirect" || response.redirected) await caches.delete(PAGES);
          return response;
        })
        .catch(async () => {
          const cached = await caches.match(url.pathname, { cacheName: PAGES });
          return cached || new Response("<!doctype html><html lang=en-GB><title>Offline</title><h1>You are offline</h1><p>This case page has not been opened on this device before, so it cannot be shown without a connection. Changes already made are kept in this browser.</p></html>", { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
        }),
    );
  }
});
`;

export const GET = publicRouteHandler(
  {},
  () =>
    new Response(script, {
      headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
    }),
);
