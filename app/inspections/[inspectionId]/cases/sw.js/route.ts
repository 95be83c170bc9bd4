import { publicRouteHandler } from "@/lib/http/route-handler";
import { OFFLINE_CACHE_PREFIX, OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE, OFFLINE_STATIC_CACHE_PREFIX, STATIC_ASSET_PATTERN } from "@/components/case/offline-cache-names";

// The service worker that lets My cases and the case pages open without a connection (Enketo's
// model), registered for this inspection's cases path (components/case/offline-worker.ts). Case pages
// are fetched from the network first and the last good copy is kept; My cases is kept only by "Make
// my cases available offline" (components/case/offline-prepare.ts), so the list offline shows the
// cases that were kept with it, as of its last sync. Next's hashed static files are kept once fetched,
// in a cache of this build's; an earlier build's cache goes when no kept page needs a file only it has.
// The answers themselves never come from here: unsent changes live in the IndexedDB outbox. The
// copies belong to the signed-in user (components/case/offline-owner.ts).

const offlinePage = (body: string) =>
  `<!doctype html><html lang=en-GB><meta name=viewport content="width=device-width, initial-scale=1"><title>Offline – Case Review</title><body style="font-family:sans-serif;margin:1.5rem;max-width:40rem"><h1>You are offline</h1>${body}</body></html>`;

const script = `
const PAGES = ${JSON.stringify(OFFLINE_PAGES_CACHE)};
const STATIC = ${JSON.stringify(OFFLINE_STATIC_CACHE)};
const STATIC_PREFIX = ${JSON.stringify(OFFLINE_STATIC_CACHE_PREFIX)};
const OURS = ${JSON.stringify(OFFLINE_CACHE_PREFIX)};
// A page's static files as its HTML names them (as staticAssetsOf in components/case/offline-prepare.ts).
const ASSET = ${STATIC_ASSET_PATTERN};
// My cases, or one case page.
const CASES = /^(\\/inspections\\/[^/]+\\/cases)(\\/[0-9a-f-]{36})?\\/?$/i;
const NOT_KEPT_CASE = ${JSON.stringify(
  offlinePage(
    "<p>This case page was not kept on this device, so it cannot be shown without a connection. Changes already made are kept in this browser.</p><p><a href=\"LIST\">Go to My cases</a></p>",
  ),
)};
const NOT_KEPT_LIST = ${JSON.stringify(
  offlinePage(
    "<p>My cases has not been made available offline on this device. When you are back online, open My cases and choose “Make my cases available offline”. Changes already made are kept in this browser.</p>",
  ),
)};

// Caches of earlier versions and builds. A pages cache of another name would keep case content that
// signing out no longer deletes: it goes. An earlier build's static files would otherwise stay for
// ever: its cache goes unless a page kept offline names a file that only it holds (a kept page not
// yet refreshed since the new build); the next sync refreshes those pages and asks again ("prune").
async function pruneEarlierCaches() {
  const earlier = (await caches.keys()).filter((name) => name.startsWith(OURS) && name !== PAGES && name !== STATIC);
  if (earlier.length === 0) return;
  const needed = new Set();
  const pages = await caches.open(PAGES);
  for (const request of await pages.keys()) {
    const page = await pages.match(request);
    if (!page || !(page.headers.get("Content-Type") || "").includes("text/html")) continue;
    for (const asset of (await page.text()).match(ASSET) || []) needed.add(asset);
  }
  const current = await caches.open(STATIC);
  for (const name of earlier) {
    let stillNeeded = false;
    if (name.startsWith(STATIC_PREFIX)) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (needed.has(url.pathname + url.search) && !(await current.match(request))) {
          stillNeeded = true;
          break;
        }
      }
    }
    if (!stillNeeded) await caches.delete(name);
  }
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      await pruneEarlierCaches();
      await self.clients.claim();
    })(),
  ),
);

// A case page being left asks for its copy to be refreshed (offline-cache.tsx), so that answers saved
// since it was loaded are in the copy opened offline later. Only a copy already kept is refreshed.
self.addEventListener("message", (event) => {
  const data = event.data;
  // Sent after the kept pages were refreshed (components/case/offline-prepare.ts).
  if (data && data.type === "prune") return event.waitUntil(pruneEarlierCaches());
  const match = data && data.type === "keep" && typeof data.path === "string" ? CASES.exec(data.path) : null;
  if (!match || !match[2]) return;
  const path = match[1] + match[2];
  event.waitUntil(
    (async () => {
      if (!(await caches.match(path, { cacheName: PAGES }))) return;
      const response = await fetch(path, { credentials: "same-origin", cache: "no-store", redirect: "manual" }).catch(() => null);
      if (response && response.ok) await (await caches.open(PAGES)).put(path, response);
      else if (response && response.type === "opaqueredirect") await caches.delete(PAGES);
    })(),
  );
});

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
        // A file an earlier build had too (same name, same content) moves into this build's cache.
        const earlier = await caches.match(request);
        if (earlier) {
          await cache.put(request, earlier.clone());
          return earlier;
        }
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  const match = request.mode === "navigate" ? CASES.exec(url.pathname) : null;
  if (!match) return;
  const list = match[1];
  const path = match[2] ? list + match[2] : list;
  event.respondWith(
    fetch(request)
      .then(async (response) => {
        // A case page is kept as last seen; the list only with the cases it names (offline-prepare.ts).
        if (response.ok && !response.redirected) {
          if (match[2]) await (await caches.open(PAGES)).put(path, response.clone());
        }
        // A redirect here is only to sign in (a navigation's redirect is opaque here): the session is
        // gone, so no one may open the offline copies any more (unsent changes live in IndexedDB, not
        // here, and are kept).
        else if (response.type === "opaqueredirect" || response.redirected) await caches.delete(PAGES);
        return response;
      })
      .catch(async () => {
        const kept = await caches.match(path, { cacheName: PAGES });
        if (kept) return kept;
        const page = match[2] ? NOT_KEPT_CASE.replace("LIST", list) : NOT_KEPT_LIST;
        return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      }),
  );
});
`;

export const GET = publicRouteHandler(
  {},
  (request) =>
    new Response(script, {
      headers: {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-cache",
        // The worker's scope is My cases' path (`…/cases`), one level above the script's folder.
        "Service-Worker-Allowed": request.nextUrl.pathname.replace(/\/sw\.js$/, ""),
      },
    }),
);
