import { createInspectionWithCases, demoUser, expect, pageAs, signedInPage, test } from "./fixtures";
import { goOffline, heading, KEEPING, myCases, radio, saveStatus, threeCasesMadeAvailableOffline } from "./offline-page";

// Issue 12's journey for a day without a connection: the inspector makes their cases available
// offline from My cases, goes offline, opens My cases itself (not the browser's "no internet" page),
// sees when it was last synced, goes from the list to three cases never opened on this device and
// between them, answers, reloads, and reconnects: every answer is then on the server.

const synced = /Available offline, last synced at \d{1,2}:\d{2}(am|pm) on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+/;

test("offline for the whole day: My cases and cases never opened here work offline, from the list and between cases, and every answer reaches the server", async ({
  browser,
}) => {
  const {
    list,
    page,
    cases: [first, second, third, colleagues],
  } = await threeCasesMadeAvailableOffline(browser, "Offline day");

  // Offline: My cases opens from this device, says when it was synced, and lists the cases as links.
  const goOnline = await goOffline(page);
  await page.goto(list);
  await expect(heading(page)).toHaveText("My cases");
  await expect(page.getByText(synced)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You are offline" })).toBeVisible();

  // From the list to a case never opened on this device, and an answer kept on the device.
  await myCases(page).getByRole("link", { name: first.reference, exact: true }).click();
  await expect(heading(page)).toHaveText(`Case ${first.reference}`);
  await radio(page, "2.1.1", "No").check();
  await expect(saveStatus(page)).toHaveText("Offline – 1 change waiting");

  // Back to the list by the breadcrumb, and on to the next case.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Cases", exact: true }).click();
  await expect(heading(page)).toHaveText("My cases");
  await page.reload();
  await expect(heading(page)).toHaveText("My cases");
  await expect(page.getByText(synced)).toBeVisible();
  await myCases(page).getByRole("link", { name: second.reference, exact: true }).click();
  await expect(heading(page)).toHaveText(`Case ${second.reference}`);
  await radio(page, "2.2.1", "Yes").check();
  // The save status counts every change this device keeps, whichever case it is for.
  await expect(saveStatus(page)).toHaveText("Offline – 2 changes waiting");

  // Between cases: the list's section link opens the third case at its section.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Cases", exact: true }).click();
  await myCases(page).getByRole("link", { name: `2.1: Not started (${third.reference})` }).click();
  await expect(heading(page)).toHaveText(`Case ${third.reference}`);
  await radio(page, "2.1.1", "Yes").check();
  await page.reload();
  await expect(heading(page)).toHaveText(`Case ${third.reference}`);
  await expect(radio(page, "2.1.1", "Yes")).toBeChecked();

  // The first case, reopened offline, still shows the answer given offline.
  await page.goto(`${list}/${first.id}`);
  await expect(radio(page, "2.1.1", "No")).toBeChecked();
  // A colleague's case was never kept here: the page says so rather than the browser's error.
  await page.goto(`${list}/${colleagues.id}`);
  await expect(heading(page)).toHaveText("You are offline");

  // Back online, every answer given offline reaches the server.
  await goOnline();
  await page.goto(list);
  await expect(page.getByRole("status").filter({ hasText: "You are offline" })).toHaveCount(0);
  const fresh = await pageAs(browser, "inspector");
  await expect(async () => {
    await fresh.goto(`${list}/${first.id}`);
    await expect(radio(fresh, "2.1.1", "No")).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await fresh.goto(`${list}/${second.id}`);
  await expect(radio(fresh, "2.2.1", "Yes")).toBeChecked();
  await fresh.goto(`${list}/${third.id}`);
  await expect(radio(fresh, "2.1.1", "Yes")).toBeChecked();
});

test("signing out deletes My cases' offline copy with the case pages', and My cases offline then says it is not kept", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Offline sign-out", [{ stream: "court", allocatedTo: "inspector2" }]);
  const list = `/inspections/${inspectionId}/cases`;
  // A session of its own: signing out the saved one would sign out every other journey using it.
  const page = await signedInPage(browser, demoUser("inspector2").email);
  await page.goto(list);
  const offline = page.getByRole("region", { name: "Working without a connection" });
  await offline.getByRole("button", { name: "Make my cases available offline" }).click();
  await expect(offline.getByRole("status")).toContainText("1 of 1 case available offline", KEEPING);
  const kept = (path: string) => page.evaluate(async (p) => Boolean(await caches.match(p)), path);
  expect(await kept(list)).toBe(true);
  expect(await kept(`${list}/${cases[0]!.id}`)).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  expect(await kept(list)).toBe(false);
  expect(await kept(`${list}/${cases[0]!.id}`)).toBe(false);
  await page.context().setOffline(true);
  await page.goto(list);
  await expect(heading(page)).toHaveText("You are offline");
  await expect(page.getByText("My cases has not been made available offline on this device.")).toBeVisible();
});
