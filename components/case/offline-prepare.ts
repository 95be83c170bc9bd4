import { casesPath, OFFLINE_OWNER_KEY, OFFLINE_PAGES_CACHE, offlinePreparedKey } from "./offline-cache-names";
import { claimOfflineCopies, forgetOfflineCopies } from "./offline-owner";
import { activeCasesWorker } from "./offline-worker";

// "Make my cases available offline" (ODK/Enketo's "download forms"): keeps a copy of each of the
// inspector's case pages, with the answers and framework text the server rendered into them, then of
// My cases itself, and every script and style sheet those pages load, in the caches the cases' service
// worker answers from (sw.js route) when there is no connection. The worker does the keeping (its
// "sync"), so that it can also keep the copies current by itself while the app is open anywhere in
// its scope; My cases asks it and shows what it answers. The copies belong to the signed-in user
// (offline-owner.ts) and are deleted when the session ends. Once a device has them, My cases opened
// online brings them up to date (syncOfflineCopies): only pages whose stamp moved are fetched again,
// cases no longer allocated to the inspector leave the device, and new ones are kept.

/** A case allocated to the inspector, with the stamp of its current state (lib/cases/offline-stamps.ts). */
export type OfflineCase = { id: string; reference: string; stamp: string };
export type PrepareResult = {
  available: number;
  failed: { reference: string; reason: string }[];
  /** Why My cases itself was not kept, if it was not. */
  listFailed: string | null;
  at: string;
};

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

/** What the worker's "sync" answers (sw.js route). */
type WorkerAnswer = SyncResult | { notKept: true } | { signedOut: true } | { error: string };

export class SessionEnded extends Error {
  constructor() {
    super("You have been signed out. Sign in again, then make your cases available offline.");
  }
}

/** Asks the cases' worker to keep `cases` (every page when `all`); resolves with its answer. */
async function askWorkerToSync(inspectionId: string, message: { userId: string; cases: readonly OfflineCase[]; all: boolean }, onProgress?: (done: number) => void): Promise<WorkerAnswer> {
  const worker = (await navigator.serviceWorker.getRegistration(casesPath(inspectionId)))?.active;
  if (!worker) throw new Error("The offline helper is not running in this browser.");
  const channel = new MessageChannel();
  return new Promise<WorkerAnswer>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<{ type: "progress"; done: number } | { type: "result"; result: WorkerAnswer }>) => {
      if (event.data.type === "progress") onProgress?.(event.data.done);
      else {
        channel.port1.close();
        resolve(event.data.result);
      }
    };
    worker.postMessage({ type: "sync", ...message }, [channel.port2]);
  });
}

/** Keeps each case's page and files for offline use; answers how many are kept and which were not, by reference. */
export async function prepareCasesOffline(
  inspectionId: string,
  userId: string,
  cases: readonly OfflineCase[],
  onProgress: (done: number) => void,
): Promise<PrepareResult> {
  if (!("serviceWorker" in navigator) || typeof caches === "undefined") throw new Error("This browser cannot keep pages for offline use.");
  await claimOfflineCopies(userId);
  await activeCasesWorker(inspectionId);
  const answer = await askWorkerToSync(inspectionId, { userId, cases, all: true }, onProgress);
  if ("signedOut" in answer) {
    await forgetOfflineCopies();
    throw new SessionEnded();
  }
  if ("error" in answer) throw new Error(`Your cases could not be made available offline (${answer.error}).`);
  if ("notKept" in answer) throw new Error("Your cases could not be made available offline: this browser refused to keep them.");
  return { available: answer.updated, failed: answer.failed, listFailed: answer.listFailed, at: answer.syncedAt ?? new Date().toISOString() };
}

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
  if ((await lastPreparedAt(inspectionId, userId)) === null) return null;
  const answer = await askWorkerToSync(inspectionId, { userId, cases, all: false });
  return "updated" in answer ? answer : null;
}

/** When this inspection's cases were last made available offline on this device, for this user. */
export async function lastPreparedAt(inspectionId: string, userId: string): Promise<string | null> {
  if (typeof caches === "undefined") return null;
  const pages = await caches.open(OFFLINE_PAGES_CACHE);
  const owner = await (await pages.match(OFFLINE_OWNER_KEY))?.text();
  if (owner !== userId) return null;
  return (await (await pages.match(offlinePreparedKey(inspectionId)))?.text()) ?? null;
}
