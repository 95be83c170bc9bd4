import { unsentChangeCountOfOthers } from "./idb";
import { OFFLINE_OWNER_KEY, OFFLINE_PAGES_CACHE, OFFLINE_PAGES_CACHE_PREFIX } from "./offline-cache-names";

// The offline copies of My cases and the case pages belong to the user who was signed in when they were kept (the
// owner is stored beside them). Another user signing in on this device, or the server saying the
// session is gone (a sign-in redirect, a 401), deletes them; unsent changes in the outbox are never
// deleted here: they are each user's own and wait for that user to sign in again.

/** Claims the offline copies for `userId`, deleting another user's first; answers how many unsent changes other users left here. */
export async function claimOfflineCopies(userId: string): Promise<number> {
  if (typeof caches !== "undefined") {
    const owner = await (await (await caches.open(OFFLINE_PAGES_CACHE)).match(OFFLINE_OWNER_KEY))?.text();
    if (owner !== undefined && owner !== userId) await caches.delete(OFFLINE_PAGES_CACHE);
    await (await caches.open(OFFLINE_PAGES_CACHE)).put(OFFLINE_OWNER_KEY, new Response(userId));
  }
  return unsentChangeCountOfOthers(userId).catch(() => 0);
}

/** The session is gone: no one may open the offline copies any more (nor those an earlier version kept under another name). */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys().catch(() => [OFFLINE_PAGES_CACHE]);
  await Promise.all(names.filter((name) => name.startsWith(OFFLINE_PAGES_CACHE_PREFIX)).map((name) => caches.delete(name).catch(() => false)));
}
