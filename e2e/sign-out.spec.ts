import AxeBuilder from "@axe-core/playwright";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { createInspectionWithCases, demoUser, expect, pageAs, signedInPage, test } from "./fixtures";
import { keptOffline } from "./offline-page";

// Signing out clears the case content this device keeps, but never changes that have not been sent,
// and ends the session on the server: a copy of its cookie is refused afterwards. These tests sign in
// afresh, since signing out the saved demo sessions would sign out every other journey using them.
const status = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save/ });
const yes = (page: Page, id: string) =>
  page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) }).getByRole("radio", { name: "Yes", exact: true });

test("sign-out keeps unsent changes (with a warning) and clears the device's case data once all are saved", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Sign-out", [{ stream: "court", allocatedTo: "inspector2" }]);
  const page = await signedInPage(browser, demoUser("inspector2").email);
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(status(page)).toHaveText("All changes saved");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await keptOffline(page);

  await page.context().setOffline(true);
  await yes(page, "2.1.1").check();
  await expect(status(page)).toHaveText("Offline – 1 change waiting");

  await page.getByRole("button", { name: "Sign out" }).click();
  const warning = page.getByRole("dialog", { name: "1 change has not reached Case Review yet" });
  await expect(warning).toBeVisible();
  // The dialog sits inside the dark header: its buttons must not take the header's white text.
  const axe = await new AxeBuilder({ page }).include("dialog").withTags(["wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await expect(warning.getByRole("button", { name: "Sign out anyway" })).not.toHaveCSS("color", "rgb(255, 255, 255)");
  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();
  await expect(status(page)).toHaveText("Offline – 1 change waiting");

  await page.context().setOffline(false);
  await expect(status(page)).toHaveText("All changes saved", { timeout: 20_000 });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    cachedPage: (await caches.keys()).includes("case-review-case-pages-v1"),
  }));
  expect(left.databases).not.toContain("case-review");
  expect(left.cachedPage).toBe(false);
});

test("without a connection, signing out says the session has not ended, and the case kept offline stays", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Sign-out offline", [{ stream: "court", allocatedTo: "inspector2" }]);
  const page = await signedInPage(browser, demoUser("inspector2").email);
  const casePath = `/inspections/${inspectionId}/cases/${cases[0]!.id}`;
  await page.goto(casePath);
  await expect(status(page)).toHaveText("All changes saved");
  await keptOffline(page);
  const kept = () => page.evaluate(async (path) => Boolean(await caches.match(path)), casePath);

  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  const notice = page.getByRole("dialog", { name: "You are still signed in" });
  await expect(notice).toBeVisible();
  expect(await kept()).toBe(true);
  await notice.getByRole("button", { name: "Close" }).click();
  await expect(notice).toBeHidden();
  // The same from the warning about unsent changes: "Sign out anyway" cannot either, and says so.
  await yes(page, "2.1.1").check();
  await expect(status(page)).toHaveText("Offline – 1 change waiting");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("dialog", { name: "1 change has not reached Case Review yet" }).getByRole("button", { name: "Sign out anyway" }).click();
  await expect(notice).toBeVisible();
  expect(await kept()).toBe(true);
  await notice.getByRole("button", { name: "Close" }).click();

  await page.context().setOffline(false);
  await expect(status(page)).toHaveText("All changes saved", { timeout: 20_000 });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  expect(await kept()).toBe(false);
});

test("after signing out, a copy of the session cookie is refused, while the user's other sessions go on", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Sign-out replay", [{ stream: "court", allocatedTo: "inspector" }]);
  const casePath = `/inspections/${inspectionId}/cases/${cases[0]!.id}`;
  const page = await signedInPage(browser, demoUser("inspector").email);
  await page.goto(casePath);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Someone copies the cookie while the inspector is signed in: it works, for pages and for saves.
  const copy = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: await page.context().storageState() });
  const save = () =>
    copy.post(`/api/cases/${cases[0]!.id}/changes`, { headers: { "Content-Type": "application/json" }, data: { changes: [] }, failOnStatusCode: false });
  try {
    expect((await copy.get(casePath, { maxRedirects: 0 })).status()).toBe(200);
    const before = await save();
    expect(before.status()).not.toBe(401);
    expect(before.status()).toBeLessThan(500);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

    const replayedPage = await copy.get(casePath, { maxRedirects: 0 });
    expect(replayedPage.status()).toBe(307);
    expect(replayedPage.headers()["location"]).toMatch(/^(https?:\/\/[^/]+)?\/sign-in\b/);
    expect((await save()).status()).toBe(401);
    // Nor does next-auth's session route renew it (which would issue a fresh token).
    const renewal = await copy.get("/api/auth/session");
    expect(await renewal.json()).toEqual({});
    expect(renewal.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]/);
  } finally {
    await copy.dispose();
  }

  // The inspector's session on another device (the saved one) is still signed in.
  const elsewhere = await pageAs(browser, "inspector");
  await elsewhere.goto(casePath);
  await expect(elsewhere).toHaveURL(new RegExp(`${casePath}$`));
  await expect(elsewhere.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("when the sign-out script cannot be fetched, the dialog says the session has not ended", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("inspector").email);
  await page.goto("/notifications");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The page has loaded; every script fetched from now on (signing out's, loaded on the click) fails.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.getByRole("button", { name: "Sign out" }).click();
  const notice = page.getByRole("dialog", { name: "You are still signed in" });
  await expect(notice).toContainText("your session has not ended");
  await notice.getByRole("button", { name: "Close" }).click();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/\/notifications$/);
});
