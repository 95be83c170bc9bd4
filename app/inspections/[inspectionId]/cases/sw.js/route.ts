import { publicRouteHandler } from "@/lib/http/route-handler";
import {
  OFFLINE_CACHE_PREFIX,
  OFFLINE_OWNER_KEY,
  OFFLINE_PAGES_CACHE,
  OFFLINE_STATIC_CACHE,
  OFFLINE_STATIC_CACHE_PREFIX,
  offlinePreparedKey,
  offlineStampsKey,
  offlineStampsPath,
  offlineSyncAttemptKey,
  STATIC_ASSET_PATTERN,
} from "@/components/case/offline-cache-names";

// The service worker that lets My cases and the case pages open without a connection (Enketo's
// model), registered for this inspection's cases path (components/case/offline-worker.ts). Case pages
// are fetched from the network first and the last good copy is kept; My cases is kept only with the
// cases it names, so the list offline shows the cases that were kept with it, as of its last sync.
// The worker keeps the copies ("sync"): all of them when My cases asks it to make the cases available
// offline (components/case/offline-prepare.ts), and, once they are, only those whose stamp
// (lib/cases/offline-stamps.ts) moved, when My cases is opened and, at most every SYNC_EVERY_MS, while
// any page it controls (My cases, a case page) is in use online: an inspector working case to case
// all morning then finds every case current offline, not as it was at preparation. The throttle's
// time is kept in Cache Storage, so restarts of the worker and several tabs (one worker) do not
// multiply it, and the server holds nothing for it. Next's hashed static files are kept once fetched,
// in a cache of this build's; an earlier build's cache goes when no kept page needs a file only it has.
// The answers themselves never come from here: unsent changes live in the IndexedDB outbox. The
// copies belong to the signed-in user (components/case/offline-owner.ts).

const offlinePage = (body: string) =>
  `<!doctype html><html lang=en-GB><meta name=viewport content="width=device-width, initial-scale=1"><title>Offline – Case Review</title><body style="font-family:sans-serif;margin:1.5rem;max-width:40rem"><h1>You are offline</h1>${body}</body></html>`;

/** How often, at most, the worker brings the copies up to date by itself while the app is in use. */
const SYNC_EVERY_MS = 3 * 60 * 1000;

const script = `
const PAGES = ${JSON.stringify(OFFLINE_PAGES_CACHE)};
const STATIC = ${JSON.stringify(OFFLINE_STATIC_CACHE)};
const STATIC_PREFIX = ${JSON.stringify(OFFLINE_STATIC_CACHE_PREFIX)};
const OURS = ${JSON.stringify(OFFLINE_CACHE_PREFIX)};
const OWNER = ${JSON.stringify(OFFLINE_OWNER_KEY)};
// This worker's inspection, from its scope (\`/inspections/<id>/cases\`).
const LIST = new URL(self.registration.scope).pathname.replace(/[/]$/, "");
const INSPECTION = LIST.split("/")[2];
const PREPARED = ${JSON.stringify(offlinePreparedKey(""))} + INSPECTION;
const STAMPS = ${JSON.stringify(offlineStampsKey(""))} + INSPECTION;
const SYNC_ATTEMPT = ${JSON.stringify(offlineSyncAttemptKey(""))} + INSPECTION;
const STAMPS_ROUTE = ${JSON.stringify(offlineStampsPath("INSPECTION"))}.replace("INSPECTION", INSPECTION);
const SYNC_EVERY_MS = ${SYNC_EVERY_MS};
// A page's static files as its HTML names them (STATIC_ASSET_PATTERN).
const ASSET = ${STATIC_ASSET_PATTERN};
// The chunks a script loads when a part of the page is first shown (components/ui/on-demand.tsx), as
// Turbopack's runtime names them in that script: the HTML does not name them, and a page opened
// offline must still open those parts.
const CHUNK = /(?:\\/_next\\/)?static\\/chunks\\/[^"'\\\\\\s<>()]+\\.(?:js|css)/g;
const chunkPath = (name) => (name.startsWith("/_next/") ? name : "/_next/" + name);
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
  // And the chunks those scripts load, from whichever cache holds them.
  for (const asset of needed) {
    if (!asset.endsWith(".js")) continue;
    const file = await caches.match(asset);
    if (file) for (const chunk of (await file.text()).match(CHUNK) || []) needed.add(chunkPath(chunk));
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

class SignedOut extends Error {}
const reason = (error) => (error instanceof TypeError ? "no connection" : error instanceof Error ? error.message : "unknown error");
const keptText = async (pages, key) => (await (await pages.match(key))?.text()) ?? null;

// Scripts whose chunks are kept already (their names are in the script, which does not change).
const scanned = new Set();

// Keeps the static files the page's HTML names and, recursively, the chunks those scripts load.
async function keepStatics(html) {
  const statics = await caches.open(STATIC);
  const queue = [...new Set(html.match(ASSET) || [])];
  const seen = new Set(queue);
  for (const asset of queue) {
    let file = await statics.match(asset);
    if (!file) {
      file = await fetch(asset, { credentials: "same-origin" });
      if (!file.ok) throw new Error("a file the page needs could not be fetched (" + file.status + ")");
      await statics.put(asset, file.clone());
    }
    if (!asset.endsWith(".js") || scanned.has(asset)) continue;
    for (const chunk of (await file.text()).match(CHUNK) || []) {
      const loaded = chunkPath(chunk);
      if (!seen.has(loaded)) {
        seen.add(loaded);
        queue.push(loaded);
      }
    }
    scanned.add(asset);
  }
}

// Fetches a page with the files it loads and keeps it; throws SignedOut, or why it could not be kept.
async function keepPage(pages, path) {
  const response = await fetch(path, { credentials: "same-origin", cache: "no-store", redirect: "manual" });
  if (response.type === "opaqueredirect" || response.status === 401) throw new SignedOut();
  if (!response.ok) throw new Error("the server answered " + response.status);
  const html = await response.text();
  await keepStatics(html);
  await pages.put(path, new Response(html, { status: 200, headers: { "Content-Type": response.headers.get("Content-Type") || "text/html; charset=utf-8" } }));
}

/**
 * Brings the copies of \`cases\` (the user's, with their stamps) up to date: every page when \`all\`
 * (making them available offline), else only those whose stamp moved or that are not kept; pages of
 * cases no longer the user's go; My cases is kept again when anything changed. Only for the user whose
 * copies these are. The sync time moves when every copy is current (when any is kept, for \`all\`).
 */
async function syncCopies(userId, cases, all, onProgress) {
  const pages = await caches.open(PAGES);
  if ((await keptText(pages, OWNER)) !== userId) return { notKept: true };
  const previous = await keptText(pages, PREPARED);
  if (!all && previous === null) return { notKept: true };
  await pages.put(SYNC_ATTEMPT, new Response(String(Date.now())));
  let stamps = {};
  try {
    stamps = (await (await pages.match(STAMPS))?.json()) ?? {};
  } catch {}
  const mine = new Set(cases.map((c) => LIST + "/" + c.id));
  let removed = 0;
  for (const request of await pages.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(LIST + "/") && !mine.has(path)) {
      await pages.delete(request);
      removed += 1;
    }
  }
  for (const id of Object.keys(stamps)) if (!mine.has(LIST + "/" + id)) delete stamps[id];
  const failed = [];
  let updated = 0;
  try {
    for (const [i, c] of cases.entries()) {
      const path = LIST + "/" + c.id;
      if (all || stamps[c.id] !== c.stamp || !(await pages.match(path))) {
        try {
          await keepPage(pages, path);
          stamps[c.id] = c.stamp;
          updated += 1;
        } catch (error) {
          if (error instanceof SignedOut) throw error;
          failed.push({ reference: c.reference, reason: reason(error) });
        }
      }
      if (onProgress) onProgress(i + 1);
    }
    await pages.put(STAMPS, Response.json(stamps));
    // The list last, so that it shows the cases as they were kept.
    let listFailed = null;
    if (all || updated > 0 || removed > 0 || !(await pages.match(LIST))) {
      try {
        await keepPage(pages, LIST);
      } catch (error) {
        if (error instanceof SignedOut) throw error;
        listFailed = reason(error);
      }
    }
    let syncedAt = previous;
    if (all ? updated > 0 || listFailed === null : failed.length === 0 && listFailed === null) {
      syncedAt = new Date().toISOString();
      await pages.put(PREPARED, new Response(syncedAt));
    }
    await pruneEarlierCaches();
    return { updated, removed, failed, listFailed, syncedAt };
  } catch (error) {
    if (!(error instanceof SignedOut)) throw error;
    // The session is gone: no one may open the copies any more (unsent changes are kept in IndexedDB).
    await caches.delete(PAGES);
    return { signedOut: true };
  }
}

// One sync at a time (all tabs share this worker); a request arriving meanwhile runs after it.
let syncing = Promise.resolve();
const exclusive = (work) => (syncing = syncing.catch(() => undefined).then(work));
let checking = false;

// While a page of the app is in use online: at most every SYNC_EVERY_MS, by the time kept beside the
// copies (the worker may have been restarted since), the stamps are read and the copies synced. One
// check at a time: a page's many requests at once make one.
function syncWhenDue() {
  if (checking || !navigator.onLine) return Promise.resolve();
  checking = true;
  return exclusive(async () => {
    // Nothing kept on this device, or signing out has just deleted it: opening the cache would make it
    // again, empty, after sign-out (e2e/sign-out.spec.ts).
    if (!(await caches.has(PAGES))) return;
    const pages = await caches.open(PAGES);
    if ((await keptText(pages, PREPARED)) === null) return;
    if (Date.now() - (Number(await keptText(pages, SYNC_ATTEMPT)) || 0) < SYNC_EVERY_MS) return;
    await pages.put(SYNC_ATTEMPT, new Response(String(Date.now())));
    const response = await fetch(STAMPS_ROUTE, { credentials: "same-origin", cache: "no-store", redirect: "manual" }).catch(() => null);
    if (response && (response.status === 401 || response.type === "opaqueredirect")) await caches.delete(PAGES);
    if (!response || !response.ok) return;
    const { userId, cases } = await response.json();
    await syncCopies(userId, cases, false);
  })
    .catch(() => undefined)
    .finally(() => {
      checking = false;
    });
}

self.addEventListener("message", (event) => {
  const data = event.data;
  // My cases: make the cases available offline ("all") or bring them up to date, with the stamps it
  // was rendered with; progress and the outcome go back on the port it sent.
  if (data && data.type === "sync" && event.ports[0]) {
    const port = event.ports[0];
    const progress = (done) => port.postMessage({ type: "progress", done });
    return event.waitUntil(
      exclusive(() => syncCopies(data.userId, data.cases, data.all === true, progress)).then(
        (result) => port.postMessage({ type: "result", result }),
        (error) => port.postMessage({ type: "result", result: { error: reason(error) } }),
      ),
    );
  }
  // A case page asks for its copy to be kept (offline-cache.tsx): when it is first opened online
  // ("first": a page reached by a link, or opened before the worker was there, which the worker did
  // not see load), and when it is left, so that answers saved since it was loaded are in the copy
  // opened offline later (only a copy already kept is refreshed then). The copy is kept with the
  // files its scripts load when a part is first shown (keepPage), as preparing it from My cases does.
  const match = data && data.type === "keep" && typeof data.path === "string" ? CASES.exec(data.path) : null;
  if (!match || !match[2]) return;
  const path = match[1] + match[2];
  event.waitUntil(
    (async () => {
      if (!data.first && !(await caches.match(path, { cacheName: PAGES }))) return;
      try {
        await keepPage(await caches.open(PAGES), path);
      } catch (error) {
        if (error instanceof SignedOut) await caches.delete(PAGES);
        // Else offline, or the server or storage refused: the copy kept before (if any) stays.
      }
      await syncWhenDue();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Any request of a page in use (its scripts, a case page's saves and polls) is a sign the app is open.
  event.waitUntil(syncWhenDue());
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
