import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Signing out clears the case content this device keeps, but never changes that have not been sent.
const status = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save/ });
const yes = (page: Page, id: string) =>
  page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) }).getByRole("radio", { name: "Yes", exact: true });

test("sign-out keeps unsent changes (with a warning) and clears the device's case data once all are saved", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Sign-out", [{ stream: "court", allocatedTo: "inspector2" }]);
  const page = await pageAs(browser, "inspector2");
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(status(page)).toHaveText("All changes saved");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(async () => Boolean(await caches.match(location.pathname)));

  await page.context().setOffline(true);
  await yes(page, "2.1.1").check();
  await expect(status(page)).toHaveText("Offline – 1 change waiting");

  await page.getByRole("button", { name: "Sign out" }).click();
  const warning = page.getByRole("dialog", { name: "1 change has not reached Case Review yet" });
  await expect(warning).toBeVisible();
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
