/** Cache Storage names shared by the service worker (sw.js route) and the pages that prime them. */
export const OFFLINE_PAGES_CACHE = "case-review-case-pages-v1";
/**
 * The build these pages and the worker come from (next.config.ts takes it from scripts/next-build.ts:
 * the sources' hash). A new build's worker has new bytes, so browsers install it.
 */
export const OFFLINE_BUILD = process.env.CASE_REVIEW_BUILD ?? "development";
export const OFFLINE_STATIC_CACHE_PREFIX = "case-review-static-";
/**
 * Next's static files, one cache per build: the worker of a later build deletes an earlier build's
 * cache once no page kept offline needs a file only it holds (sw.js route).
 */
export const OFFLINE_STATIC_CACHE = `${OFFLINE_STATIC_CACHE_PREFIX}${OFFLINE_BUILD}`;
/**
 * Every cache of ours starts so. A new version of a cache gets a new name; the worker deletes the
 * others when it activates and signing out deletes every pages cache by it, so no copy of case
 * content outlives a version change or the session.
 */
export const OFFLINE_CACHE_PREFIX = "case-review-";
export const OFFLINE_PAGES_CACHE_PREFIX = "case-review-case-pages-";
/** Next's hashed static files as a page's HTML and inline flight data name them (the worker and offline-prepare.ts read them so). */
export const STATIC_ASSET_PATTERN = /\/_next\/static\/[^"'\\\s<>()]+/g;
/** Where the offline pages cache records whose copies it holds (offline-owner.ts). */
export const OFFLINE_OWNER_KEY = "/__case-review-offline-owner";
/** Where the offline pages cache records when an inspection's cases were last made available offline. */
export const offlinePreparedKey = (inspectionId: string) => `/__case-review-offline-prepared/${inspectionId}`;
/** Where it records the stamp (lib/cases/offline-stamps.ts) of each case page kept, case id → stamp. */
export const offlineStampsKey = (inspectionId: string) => `/__case-review-offline-stamps/${inspectionId}`;
/** Where the worker records when it last began bringing an inspection's copies up to date (its throttle). */
export const offlineSyncAttemptKey = (inspectionId: string) => `/__case-review-offline-sync-attempt/${inspectionId}`;
/** The stamps of the cases allocated to the signed-in user (app/api/inspections/[inspectionId]/offline-stamps). */
export const offlineStampsPath = (inspectionId: string) => `/api/inspections/${inspectionId}/offline-stamps`;
/**
 * My cases (`/inspections/<id>/cases`), which is also the service worker's scope: the list and
 * every case page under it. Without a trailing slash, so that the list itself is in scope (the
 * worker's response allows it with `Service-Worker-Allowed`).
 */
export const casesPath = (inspectionId: string) => `/inspections/${inspectionId}/cases`;
