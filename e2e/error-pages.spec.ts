import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { radio, saveStatus, scriptsFailing } from "./offline-page";

// What a page says when the server fails it. A page failed on a full load is the fault tests' (the
// database stopped: scripts/fault-tests.ts); here the failure comes to a page already open, which
// renders the problem page in the browser, its explanation loaded then (app/error.tsx).

const problem = (page: Page) => page.getByRole("heading", { level: 1, name: "Sorry, there is a problem with the service" });

/** Server actions are POSTs to the page with a Next-Action header: from now on they answer 500. */
async function failServerActions(page: Page) {
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.fulfill({ status: 500, body: "" }) : route.fallback(),
  );
}

test("a server action that fails shows the problem page inside the app, with its explanation, and nothing typed is lost", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Error page", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(saveStatus(page)).toHaveText("All changes saved");
  await radio(page, "2.1.1", "Yes").check();
  await expect(saveStatus(page)).toHaveText("All changes saved");

  await failServerActions(page);
  await page.getByRole("button", { name: "Mark the case as complete" }).click();

  await expect(problem(page)).toBeVisible();
  await expect(page.getByText("Your typed work is safe.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  // Inside the app's layout: its navigation is still there.
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(radio(page, "2.1.1", "Yes")).toBeChecked();
});

test("when the explanation cannot be fetched either, the problem page is its heading, inside the app", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Error page without its script", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  // The cases' worker keeps no scripts (its fetches fail), so none reaches the page from its cache.
  const scripts = await scriptsFailing(page.context());
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(saveStatus(page)).toHaveText("All changes saved");
  scripts.failTheRest();

  await failServerActions(page);
  const explanationFailed = page.waitForEvent("requestfailed", (request) => request.url().includes("/_next/static/chunks/"));
  await page.getByRole("button", { name: "Mark the case as complete" }).click();
  // The heading is the page while the explanation loads: what is asserted is the page once its script
  // has failed and React has rendered what follows (a second of frames; the failure, unhandled, gave
  // Next's own "This page couldn't load" within it).
  await explanationFailed;
  await page.evaluate(() => new Promise<void>((settled) => {
    let frames = 60;
    const next = () => (--frames === 0 ? settled() : requestAnimationFrame(next));
    requestAnimationFrame(next);
  }));

  await expect(problem(page)).toBeVisible();
  await expect(page.getByText("Your typed work is safe.")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();
});
