import { casesPath, OFFLINE_OWNER_KEY, OFFLINE_PAGES_CACHE, OFFLINE_STATIC_CACHE, offlinePreparedKey } from "./offline-cache-names";
import { claimOfflineCopies, forgetOfflineCopies } from "./offline-owner";
import { activeCasesWorker } from "./offline-worker";

// "Make my cases available offline" (ODK/Enketo's "download forms"): keeps a copy of each of the
// inspector's case pages, with the answers and framework text the server rendered into them, then of
// My cases itself, and every script and style sheet those pages load, in the caches the cases' service
// worker answers from (sw.js route) when there is no connection. The copies belong to the signed-in
// user (offline-owner.ts) and are deleted when the session ends.

export type OfflineCase = { id: string; reference: string };
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
  return [...new Set(html.match(/\/_next\/static\/[^"'\\\s<>()]+/g) ?? [])];
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
  const statics = await caches.open(OFFLINE_STATIC_CACHE);

  /** Fetches a page and the files it loads, and keeps them; throws SessionEnded, or why it could not. */
  async function keep(path: string): Promise<void> {
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
  }
  const reason = (error: unknown) => (error instanceof TypeError ? "no connection" : error instanceof Error ? error.message : "unknown error");

  const failed: PrepareResult["failed"] = [];
  let available = 0;
  for (const [i, c] of cases.entries()) {
    try {
      await keep(`${list}/${c.id}`);
      available += 1;
    } catch (error) {
      if (error instanceof SessionEnded) throw error;
      failed.push({ reference: c.reference, reason: reason(error) });
    } finally {
      onProgress(i + 1);
    }
  }
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
  return { available, failed, listFailed, at };
}

/** When this inspection's cases were last made available offline on this device, for this user. */
export async function lastPreparedAt(inspectionId: string, userId: string): Promise<string | null> {
  if (typeof caches === "undefined") return null;
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const owner = await (await pages.match(OFFLINE_OWNER_KEY))?.text();
  if (owner !== userId) return null;
  return (await (await pages.match(offlinePreparedKey(inspectionId)))?.text()) ?? null;
}
