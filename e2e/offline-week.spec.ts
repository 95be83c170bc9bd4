import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { goOffline } from "./offline-page";

// Offline for the day: from My cases the inspector keeps every allocated case on the device, then
// opens and answers cases never opened before without a connection; back online, the answers reach
// the server. Failures are named by case reference.

const caseUrl = (inspectionId: string, caseId: string) => `/inspections/${inspectionId}/cases/${caseId}`;
const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
const radio = (page: Page, id: string, label: "Yes" | "No") => question(page, id).getByRole("radio", { name: label, exact: true });
const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save|Loading changes/ });

test.describe("offline for the week", () => {
  test("an inspector makes their cases available offline, answers unopened cases offline, and the answers sync", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Offline week", [
      { stream: "court", allocatedTo: "inspector" },
      { stream: "court", allocatedTo: "inspector" },
      { stream: "court", allocatedTo: "inspector" },
      { stream: "court", allocatedTo: "inspector2" },
    ]);
    const page = await pageAs(browser, "inspector");
    await page.goto(`/inspections/${inspectionId}/cases`);
    const offline = page.getByRole("region", { name: "Working without a connection" });
    await expect(offline).toContainText("Keep your 3 cases on this device");

    // A case whose page cannot be fetched is named by its reference; the others are kept. (The
    // cases' service worker fetches them: the context's routes reach its requests, the page's do not.)
    const broken = caseUrl(inspectionId, cases[1]!.id);
    await page.context().route(`**${broken}`, (route) => route.abort("internetdisconnected"));
    await offline.getByRole("button", { name: "Make my cases available offline" }).click();
    await expect(offline.getByRole("status")).toContainText("2 of 3 cases available offline");
    await expect(offline.getByRole("status")).toContainText(`Case ${cases[1]!.reference}: no connection`);
    await page.context().unroute(`**${broken}`);

    await offline.getByRole("button", { name: "Make my cases available offline" }).click();
    await expect(offline.getByRole("status")).toContainText("3 of 3 cases available offline");
    await expect(offline.getByRole("status")).not.toContainText("Not available offline");

    // Offline, cases never opened on this device open from the copies and take answers.
    const goOnline = await goOffline(page);
    await page.goto(caseUrl(inspectionId, cases[1]!.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${cases[1]!.reference}`);
    await radio(page, "2.1.1", "No").check();
    await expect(saveStatus(page)).toHaveText("Offline – 1 change waiting");
    await page.goto(caseUrl(inspectionId, cases[2]!.id));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${cases[2]!.reference}`);
    await radio(page, "2.2.1", "Yes").check();
    await page.reload();
    await expect(radio(page, "2.2.1", "Yes")).toBeChecked();

    // Back online, both answers reach the server.
    await goOnline();
    await expect(saveStatus(page)).toHaveText("All changes saved", { timeout: 20_000 });
    const fresh = await pageAs(browser, "inspector");
    await fresh.goto(caseUrl(inspectionId, cases[1]!.id));
    await expect(radio(fresh, "2.1.1", "No")).toBeChecked();
    await fresh.goto(caseUrl(inspectionId, cases[2]!.id));
    await expect(radio(fresh, "2.2.1", "Yes")).toBeChecked();
  });

  test("the app can be installed: a manifest with icons", async ({ page }) => {
    await page.goto("/sign-in");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    const manifest = (await (await page.request.get(href!)).json()) as { name: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: "Case Review", display: "standalone" });
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });
});
