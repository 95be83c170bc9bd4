/** Cache Storage names shared by the service worker (sw.js route) and the pages that prime them. */
export const OFFLINE_PAGES_CACHE = "case-review-case-pages-v1";
export const OFFLINE_STATIC_CACHE = "case-review-static-v1";
/**
 * Every cache of ours starts so. A new version of a cache gets a new name; the worker deletes the
 * others when it activates and signing out deletes every pages cache by it, so no copy of case
 * content outlives a version change or the session.
 */
export const OFFLINE_CACHE_PREFIX = "case-review-";
export const OFFLINE_PAGES_CACHE_PREFIX = "case-review-case-pages-";
/** Where the offline pages cache records whose copies it holds (offline-owner.ts). */
export const OFFLINE_OWNER_KEY = "/__case-review-offline-owner";
/** Where the offline pages cache records when an inspection's cases were last made available offline. */
export const offlinePreparedKey = (inspectionId: string) => `/__case-review-offline-prepared/${inspectionId}`;
/**
 * My cases (`/inspections/<id>/cases`), which is also the service worker's scope: the list and
 * every case page under it. Without a trailing slash, so that the list itself is in scope (the
 * worker's response allows it with `Service-Worker-Allowed`).
 */
export const casesPath = (inspectionId: string) => `/inspections/${inspectionId}/cases`;
