/** Cache Storage names shared by the service worker (sw.js route) and the page that primes them. */
export const OFFLINE_PAGES_CACHE = "case-review-case-pages-v1";
export const OFFLINE_STATIC_CACHE = "case-review-static-v1";
/** Where the offline pages cache records whose copies it holds (offline-owner.ts). */
export const OFFLINE_OWNER_KEY = "/__case-review-offline-owner";
/** Where the offline pages cache records when an inspection's cases were last made available offline. */
export const offlinePreparedKey = (inspectionId: string) => `/__case-review-offline-prepared/${inspectionId}`;
