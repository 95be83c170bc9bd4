import type { Browser, BrowserContext, Frame, Page } from "@playwright/test";
import { OFFLINE_PAGES_CACHE } from "@/components/case/offline-cache-names";
import { createInspectionWithCases, expect, pageAs } from "./fixtures";

// What the offline journeys (offline-day, offline-sync) read on My cases and the case page, and the
// day's start they share: three cases allocated to the inspector and one to a colleague, made
// available offline from My cases.

export const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
export const radio = (page: Page, id: string, label: "Yes" | "No") => question(page, id).getByRole("radio", { name: label, exact: true });
export const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save|Loading changes/ });
export const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/**
 * The page's scripts as a connection dropping while the page loads leaves them: the cases' worker's
 * fetches fail from the start (so it keeps none, and none reaches the page from its cache), the page's
 * own arrive, and after `failTheRest()` every later one fails: the connection is gone, or (`"gone"`)
 * the files are, as after a new version was deployed. One route whose answer changes: a context's
 * `unrouteAll` before routing again once hung for the whole test's minute (e2e/error-pages.spec.ts).
 */
export async function scriptsFailing(context: BrowserContext, later: "disconnected" | "gone" = "disconnected") {
  let failing = false;
  await context.route("**/_next/static/chunks/**", (route) => {
    if (route.request().serviceWorker()) return route.abort("internetdisconnected");
    if (!failing) return route.continue();
    return later === "gone" ? route.fulfill({ status: 404, body: "" }) : route.abort("internetdisconnected");
  });
  return {
    failTheRest: () => {
      failing = true;
    },
  };
}
export const myCases = (page: Page) => page.getByRole("table", { name: "Cases allocated to you" });
export const offlineRegion = (page: Page) => page.getByRole("region", { name: "Working without a connection" });

/**
 * How long a journey waits for My cases to say how keeping or syncing the copies went: the worker
 * fetches each case page, which the server renders in full, then My cases, one after the other, and
 * on a loaded two-core CI runner that takes longer than an assertion's usual 10 s.
 */
export const KEEPING = { timeout: 30_000 };

/**
 * Waits until the page's copy is kept for offline use (components/case/offline-cache.tsx asks the
 * worker to keep it). Not with page.waitForFunction: it does not wait for a promise the function
 * returns, and takes any promise for a truthy answer, so an async check there waits for nothing.
 */
export async function keptOffline(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async (cacheName) => Boolean(await caches.match(location.pathname, { cacheName })), OFFLINE_PAGES_CACHE), KEEPING)
    .toBe(true);
}

/**
 * Takes the page's browser context offline, and returns how to bring it back online. Chromium 150 with
 * Playwright 1.65 reports navigator.onLine === true in every document a navigation commits while the
 * context is offline (each navigation now gets a new document, and the context's offline emulation
 * reaches only the first), so the app would say "Couldn't save" rather than "Offline". Sending the
 * same emulation on the page's own DevTools session when each document commits makes the browser
 * itself report offline and fire "offline" (navigator.onLine is not faked); the network is offline
 * throughout, though a document's first scripts may still read true.
 */
export async function goOffline(page: Page): Promise<() => Promise<void>> {
  await page.context().setOffline(true);
  const session = await page.context().newCDPSession(page);
  const emulateOffline = () => session.send("Network.emulateNetworkConditions", { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const onCommit = (frame: Frame) => {
    if (frame === page.mainFrame()) emulateOffline().catch(() => {});
  };
  page.on("framenavigated", onCommit);
  return async () => {
    page.off("framenavigated", onCommit);
    // Detaching ends this session's emulation; the context's then follows.
    await session.detach();
    await page.context().setOffline(false);
  };
}

export async function threeCasesMadeAvailableOffline(browser: Browser, inspectionName: string) {
  const { inspectionId, cases } = await createInspectionWithCases(inspectionName, [
    { stream: "court", allocatedTo: "inspector" },
    { stream: "court", allocatedTo: "inspector" },
    { stream: "court", allocatedTo: "inspector" },
    { stream: "court", allocatedTo: "inspector2" },
  ]);
  const list = `/inspections/${inspectionId}/cases`;
  const page = await pageAs(browser, "inspector");
  await page.goto(list);
  const offline = offlineRegion(page);
  await offline.getByRole("button", { name: "Make my cases available offline" }).click();
  await expect(offline.getByRole("status")).toContainText("3 of 3 cases available offline", KEEPING);
  const [mine1, mine2, mine3, colleagues] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
  return { inspectionId, list, page, offline, cases: [mine1, mine2, mine3, colleagues] as const };
}
