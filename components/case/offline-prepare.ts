import { casesPath, OFFLINE_OWNER_KEY, OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE, offlinePreparedKey, offlineStampsKey, STATIC_ASSET_PATTERN } from "./offline-cache-names";
import { claimOfflineCopies, forgetOfflineCopies } from "./offline-owner";
import { activeCasesWorker } from "./offline-worker";

// "Make my cases available offline" (ODK/Enketo's "download forms"): keeps a copy of each of the
// inspector's case pages, with the answers and framework text the server rendered into them, then of
// My cases itself, and every script and style sheet those pages load, in the caches the cases' service
// worker answers from (sw.js route) when there is no connection. The copies belong to the signed-in
// user (offline-owner.ts) and are deleted when the session ends. Once a device has them, My cases
// opened online brings them up to date (syncOfflineCopies): only pages whose stamp moved are fetched
// again, cases no longer allocated to the inspector leave the device, and new ones are kept.

/** A case allocated to the inspector, with the stamp of its current state (lib/cases/offline-stamps.ts). */
export type OfflineCase = { id: string; reference: string; stamp: string };
export type PrepareResult = {
  available: number;
  failed: { reference: string; reason: string }[];
  /** Why My cases itself was not kept, if it was not. */
  listFailed: string | null;
  at: string;
};

export class SessionEnded extends Error {
  constructor() {
    super("You have been signed out. Sign in again, then make your cases available offline.");
  }
}

/** A case page's own files (Next's hashed static files), named in its HTML and in the inline flight data. */
export function staticAssetsOf(html: string): string[] {
  return [...new Set(html.match(STATIC_ASSET_PATTERN) ?? [])];
}

/** Fetches pages with the files they load and keeps them; throws SessionEnded, or why a page could not be kept. */
async function pageKeeper(): Promise<(path: string) => Promise<void>> {
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const statics = await caches.open(OFFLINE_STATIC_CACHE);
  return async (path) => {
    const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
    if (response.redirected || response.status === 401) {
      // The session is gone: nothing may stay offline for anyone (unsent changes are kept in IndexedDB).
      await forgetOfflineCopies();
      throw new SessionEnded();
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const html = await response.text();
    for (const asset of staticAssetsOf(html)) {
      if (await statics.match(asset)) continue;
      const file = await fetch(asset, { credentials: "same-origin" });
      if (!file.ok) throw new Error(`a file the page needs could not be fetched (${file.status})`);
      await statics.put(asset, file);
    }
    await pages.put(path, new Response(html, { status: 200, headers: { "Content-Type": response.headers.get("Content-Type") ?? "text/html; charset=utf-8" } }));
  };
}

const reason = (error: unknown) => (error instanceof TypeError ? "no connection" : error instanceof Error ? error.message : "unknown error");

async function keptStamps(pages: Cache, inspectionId: string): Promise<Record<string, string>> {
  try {
    return ((await (await pages.match(offlineStampsKey(inspectionId)))?.json()) as Record<string, string> | undefined) ?? {};
  } catch {
    return {};
  }
}

/**
 * Deletes the kept pages of cases of this inspection that are no longer the inspector's (reallocated
 * or removed): a child's case stays on a device only while it is needed there. Answers how many went.
 */
async function forgetOtherCases(pages: Cache, inspectionId: string, cases: readonly OfflineCase[], stamps: Record<string, string>): Promise<number> {
  const list = casesPath(inspectionId);
  const mine = new Set(cases.map((c) => `${list}/${c.id}`));
  let removed = 0;
  for (const request of await pages.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith(`${list}/`) && !mine.has(path)) {
      await pages.delete(request);
      removed += 1;
    }
  }
  for (const id of Object.keys(stamps)) if (!mine.has(`${list}/${id}`)) delete stamps[id];
  return removed;
}

/** Asks the worker to delete an earlier build's static files that no kept page needs any more (sw.js route). */
async function pruneEarlierBuilds(inspectionId: string): Promise<void> {
  (await navigator.serviceWorker.getRegistration(casesPath(inspectionId)))?.active?.postMessage({ type: "prune" });
}

/** Keeps each case's page and files for offline use; answers how many are kept and which were not, by reference. */
export async function prepareCasesOffline(
  inspectionId: string,
  userId: string,
  cases: readonly OfflineCase[],
  onProgress: (done: number) => void,
): Promise<PrepareResult> {
  if (!("serviceWorker" in navigator) || typeof caches === "undefined") throw new Error("This browser cannot keep pages for offline use.");
  const list = casesPath(inspectionId);
  await claimOfflineCopies(userId);
  await activeCasesWorker(inspectionId);
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const keep = await pageKeeper();
  const stamps = await keptStamps(pages, inspectionId);
  await forgetOtherCases(pages, inspectionId, cases, stamps);

  const failed: PrepareResult["failed"] = [];
  let available = 0;
  for (const [i, c] of cases.entries()) {
    try {
      await keep(`${list}/${c.id}`);
      stamps[c.id] = c.stamp;
      available += 1;
    } catch (error) {
      if (error instanceof SessionEnded) throw error;
      failed.push({ reference: c.reference, reason: reason(error) });
    } finally {
      onProgress(i + 1);
    }
  }
  await pages.put(offlineStampsKey(inspectionId), Response.json(stamps));
  // The list last, so that it shows the cases as they were kept.
  let listFailed: string | null = null;
  try {
    await keep(list);
  } catch (error) {
    if (error instanceof SessionEnded) throw error;
    listFailed = reason(error);
  }
  const at = new Date().toISOString();
  if (available > 0 || listFailed === null) await pages.put(offlinePreparedKey(inspectionId), new Response(at));
  await pruneEarlierBuilds(inspectionId);
  return { available, failed, listFailed, at };
}

export type SyncResult = {
  /** Case pages fetched again because they changed, or newly allocated. */
  updated: number;
  /** Case pages deleted because the case is no longer the inspector's. */
  removed: number;
  failed: { reference: string; reason: string }[];
  /** Why My cases itself could not be kept again, if it could not. */
  listFailed: string | null;
  /** When the copies were last wholly in step with the server (the last sync time shown). */
  syncedAt: string | null;
};

/**
 * On a device where this inspector's cases were made available offline: brings the copies up to date
 * with the server (My cases, opened online, gives `cases` with their stamps). Only the pages whose
 * case changed since they were kept, or that are not kept yet, are fetched; pages of cases no longer
 * allocated to the inspector are deleted; My cases is kept again when anything changed. The sync time
 * moves only when every copy is up to date. Answers null when this device has not made them
 * available offline (nothing is kept then).
 */
export async function syncOfflineCopies(inspectionId: string, userId: string, cases: readonly OfflineCase[]): Promise<SyncResult | null> {
  if (!("serviceWorker" in navigator) || typeof caches === "undefined") return null;
  const previous = await lastPreparedAt(inspectionId, userId);
  if (previous === null) return null;
  const list = casesPath(inspectionId);
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const keep = await pageKeeper();
  const stamps = await keptStamps(pages, inspectionId);
  const removed = await forgetOtherCases(pages, inspectionId, cases, stamps);

  const failed: SyncResult["failed"] = [];
  let updated = 0;
  for (const c of cases) {
    const path = `${list}/${c.id}`;
    if (stamps[c.id] === c.stamp && (await pages.match(path))) continue;
    try {
      await keep(path);
      stamps[c.id] = c.stamp;
      updated += 1;
    } catch (error) {
      if (error instanceof SessionEnded) return null;
      failed.push({ reference: c.reference, reason: reason(error) });
    }
  }
  await pages.put(offlineStampsKey(inspectionId), Response.json(stamps));
  let listFailed: string | null = null;
  if (updated > 0 || removed > 0 || !(await pages.match(list))) {
    try {
      await keep(list);
    } catch (error) {
      if (error instanceof SessionEnded) return null;
      listFailed = reason(error);
    }
  }
  let syncedAt = previous;
  if (failed.length === 0 && listFailed === null) {
    syncedAt = new Date().toISOString();
    await pages.put(offlinePreparedKey(inspectionId), new Response(syncedAt));
  }
  await pruneEarlierBuilds(inspectionId);
  return { updated, removed, failed, listFailed, syncedAt };
}

/** When this inspection's cases were last made available offline on this device, for this user. */
export async function lastPreparedAt(inspectionId: string, userId: string): Promise<string | null> {
  if (typeof caches === "undefined") return null;
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const owner = await (await pages.match(OFFLINE_OWNER_KEY))?.text();
  if (owner !== userId) return null;
  return (await (await pages.match(offlinePreparedKey(inspectionId)))?.text()) ?? null;
}
