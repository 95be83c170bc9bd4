import type { Browser, Page } from "@playwright/test";
import { createInspectionWithCases, demoUser, expect, pageAs, test } from "./fixtures";
import { goOffline, heading, KEEPING, myCases, offlineRegion, radio, saveStatus, threeCasesMadeAvailableOffline } from "./offline-page";

// Issue 12, offline for the whole day, after the first "Make my cases available offline": opening My
// cases online brings the device's copies up to date by itself (only the cases that changed are
// fetched again, newly allocated cases are kept, cases allocated to someone else leave the device),
// and a later build's service worker deletes the static files of earlier builds that no kept page
// needs any more.

const kept = (page: Page, path: string) => page.evaluate(async (p) => Boolean(await caches.match(p)), path);

async function allocate(caseId: string, to: "inspector" | "inspector2"): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("UPDATE cases SET allocated_to = (SELECT id FROM users WHERE email = $2) WHERE id = $1", [caseId, demoUser(to).email]);
  } finally {
    await client.end();
  }
}

/** Meanwhile, on another device, an answer to `changed` is given; the lead reallocates one case and allocates the colleague's to the inspector. */
async function meanwhileElsewhere(browser: Browser, list: string, cases: Record<"changed" | "reallocated" | "newlyMine", { id: string }>): Promise<void> {
  const elsewhere = await pageAs(browser, "inspector");
  await elsewhere.goto(`${list}/${cases.changed.id}`);
  await radio(elsewhere, "2.1.1", "Yes").check();
  await expect(saveStatus(elsewhere)).toHaveText("All changes saved");
  await elsewhere.context().close();
  await allocate(cases.reallocated.id, "inspector2");
  await allocate(cases.newlyMine.id, "inspector");
}

test("My cases opened online brings the offline copies up to date: changed cases fetched again, new ones kept, reallocated ones deleted", async ({
  browser,
}) => {
  const {
    inspectionId,
    list,
    page,
    offline,
    cases: [changed, untouched, reallocated, newlyMine],
  } = await threeCasesMadeAvailableOffline(browser, "Offline sync");

  await meanwhileElsewhere(browser, list, { changed, reallocated, newlyMine });

  // My cases opened online again: only what changed is fetched.
  const fetched: string[] = [];
  // The worker's requests as well as the page's.
  page.context().on("request", (request) => {
    // The pages the device keeps, not Next's prefetches of the links (`_rsc`) nor the navigations.
    const url = new URL(request.url());
    if (url.pathname.startsWith(`${list}/`) && !url.searchParams.has("_rsc") && request.resourceType() !== "document" && !url.pathname.endsWith("/sw.js"))
      fetched.push(url.pathname);
  });
  await page.goto(list);
  await expect(offline.getByRole("status")).toContainText("Brought up to date: 2 cases kept again, 1 no longer allocated to you removed from this device", KEEPING);
  expect(fetched.sort()).toEqual([`${list}/${changed.id}`, `${list}/${newlyMine.id}`].sort());
  await expect(offline.getByText(/Available offline, last synced at/)).toBeVisible();
  expect(await kept(page, `${list}/${reallocated.id}`)).toBe(false);
  expect(await kept(page, `${list}/${untouched.id}`)).toBe(true);

  // Offline: the list and the cases are as the server has them now.
  await page.context().setOffline(true);
  await page.goto(list);
  await expect(heading(page)).toHaveText("My cases");
  await expect(myCases(page).getByRole("link", { name: newlyMine.reference, exact: true })).toBeVisible();
  await expect(myCases(page).getByRole("link", { name: reallocated.reference, exact: true })).toHaveCount(0);
  await myCases(page).getByRole("link", { name: newlyMine.reference, exact: true }).click();
  await expect(heading(page)).toHaveText(`Case ${newlyMine.reference}`);
  await page.goto(`${list}/${changed.id}`);
  await expect(radio(page, "2.1.1", "Yes")).toBeChecked();
  await page.goto(`${list}/${reallocated.id}`);
  await expect(heading(page)).toHaveText("You are offline");
  await page.context().setOffline(false);

  // Nothing changed since: nothing is fetched, and the sync time moves on (the copies are current).
  const syncedAt = () => page.evaluate(async (key) => (await caches.match(key))?.text(), `/__case-review-offline-prepared/${inspectionId}`);
  const before = await syncedAt();
  fetched.length = 0;
  await page.goto(list);
  await expect(offline.getByRole("status")).toContainText("Your cases on this device are up to date.", KEEPING);
  expect(fetched).toEqual([]);
  expect(Date.parse((await syncedAt())!)).toBeGreaterThan(Date.parse(before!));
});

test("working case to case without returning to My cases, the worker keeps the offline copies current, at most every few minutes whatever the tabs", async ({
  browser,
}) => {
  const {
    inspectionId,
    list,
    page,
    cases: [changed, workingOn, reallocated, newlyMine],
  } = await threeCasesMadeAvailableOffline(browser, "Offline all morning");
  // The worker's own requests for the stamps (the pages never ask for them).
  const stampsRead: string[] = [];
  page.context().on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/inspections/${inspectionId}/offline-stamps`) stampsRead.push(request.url());
  });

  await meanwhileElsewhere(browser, list, { changed, reallocated, newlyMine });

  // Right after My cases synced them, case pages in use do not make the worker sync again.
  await page.goto(`${list}/${workingOn.id}`);
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await radio(page, "2.1.1", "No").check();
  await expect(saveStatus(page)).toHaveText("All changes saved");
  expect(stampsRead).toEqual([]);
  expect(await kept(page, `${list}/${reallocated.id}`)).toBe(true);

  // A few minutes later (the time of the last sync the worker keeps is moved back), the inspector is
  // still on case pages, in two tabs: the worker reads the stamps once and brings the copies up to date.
  await page.evaluate(async (key) => (await caches.open("case-review-case-pages-v1")).put(key, new Response(String(Date.now() - 4 * 60_000))), `/__case-review-offline-sync-attempt/${inspectionId}`);
  const secondTab = await page.context().newPage();
  await Promise.all([page.goto(`${list}/${workingOn.id}`), secondTab.goto(`${list}/${workingOn.id}`)]);
  await expect.poll(() => kept(page, `${list}/${newlyMine.id}`), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => kept(page, `${list}/${reallocated.id}`)).toBe(false);
  await secondTab.reload();
  await page.reload();
  await expect(saveStatus(page)).toHaveText("All changes saved");
  expect(stampsRead).toHaveLength(1);
  await secondTab.close();

  // The connection goes: My cases and the cases are as the server had them at that sync.
  await page.context().setOffline(true);
  await page.goto(list);
  await expect(heading(page)).toHaveText("My cases");
  await expect(page.getByText(/Available offline, last synced at/)).toBeVisible();
  await expect(myCases(page).getByRole("link", { name: newlyMine.reference, exact: true })).toBeVisible();
  await expect(myCases(page).getByRole("link", { name: reallocated.reference, exact: true })).toHaveCount(0);
  await page.goto(`${list}/${changed.id}`);
  await expect(radio(page, "2.1.1", "Yes")).toBeChecked();
  await page.goto(`${list}/${newlyMine.id}`);
  await expect(heading(page)).toHaveText(`Case ${newlyMine.reference}`);
  await page.goto(`${list}/${reallocated.id}`);
  await expect(heading(page)).toHaveText("You are offline");
  await page.context().setOffline(false);
});

test("static files of earlier builds are deleted when the worker activates and after a sync, except those a kept page still needs", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Offline prune", [{ stream: "court", allocatedTo: "inspector" }]);
  const list = `/inspections/${inspectionId}/cases`;
  const casePage = `${list}/${cases[0]!.id}`;
  const page = await pageAs(browser, "inspector");
  const staticCaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("case-review-static-")).sort());
  const putFile = (cacheName: string, path: string, body: string) =>
    page.evaluate(
      async ([name, file, text]) => (await caches.open(name!)).put(file!, new Response(text, { headers: { "Content-Type": "text/javascript" } })),
      [cacheName, path, body],
    );

  // An earlier build left its static files on this device; the worker of this build activates.
  await page.goto(`/inspections/${inspectionId}`);
  await putFile("case-review-static-earlier-build", "/_next/static/chunks/from-an-earlier-build.js", "/* old */");
  await page.goto(list);
  await expect.poll(staticCaches).not.toContain("case-review-static-earlier-build");

  const offline = offlineRegion(page);
  await offline.getByRole("button", { name: "Make my cases available offline" }).click();
  await expect(offline.getByRole("status")).toContainText("1 of 1 case available offline", KEEPING);
  const [thisBuild] = await staticCaches();

  // A file the kept case page needs (and My cases does not) is held only by an earlier build's cache,
  // as after a new build that did not change it, beside a file no kept page needs.
  const needed = await page.evaluate(
    async ([listPath, casePath, current]) => {
      const names = async (path: string) => new Set((await (await caches.match(path))!.text()).match(/\/_next\/static\/chunks\/[^"'\\\s<>()]+\.js/g));
      const inList = await names(listPath!);
      const file = [...(await names(casePath!))].find((f) => !inList.has(f))!;
      const response = (await caches.match(file, { cacheName: current }))!;
      await (await caches.open("case-review-static-older-build")).put(file, response);
      await (await caches.open(current!)).delete(file);
      return file;
    },
    [list, casePage, thisBuild],
  );
  await putFile("case-review-static-older-build", "/_next/static/chunks/no-page-needs-this.js", "/* old */");

  // A sync keeps that earlier cache, as a kept page needs it.
  await page.reload();
  await expect(offline.getByRole("status")).toContainText("Your cases on this device are up to date.", KEEPING);
  await expect.poll(staticCaches).toEqual(["case-review-static-older-build", thisBuild].sort());

  // Offline, the kept case opens and takes an answer with that file.
  const goOnline = await goOffline(page);
  await page.goto(casePage);
  await expect(heading(page)).toHaveText(`Case ${cases[0]!.reference}`);
  await radio(page, "2.1.1", "No").check();
  await expect(saveStatus(page)).toHaveText("Offline – 1 change waiting");
  expect(await page.evaluate(async ([file, current]) => Boolean(await caches.match(file!, { cacheName: current })), [needed, thisBuild])).toBe(true);
  await goOnline();
  await expect(saveStatus(page)).toHaveText("All changes saved", { timeout: 20_000 });

  // Back on My cases, the sync brings the case up to date and the earlier cache, no longer needed, goes.
  await page.goto(list);
  await expect(offline.getByRole("status")).toContainText("Brought up to date: 1 case kept again", KEEPING);
  await expect.poll(staticCaches).toEqual([thisBuild]);
});
