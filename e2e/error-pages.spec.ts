import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// What a page says when the server fails it. A page failed on a full load is the fault tests' (the
// database stopped: scripts/fault-tests.ts); here the failure comes to a page already open, which
// renders the problem page in the browser, its explanation loaded then (app/error.tsx).

const status = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save|Loading changes/ });

test("a server action that fails shows the problem page inside the app, with its explanation, and nothing typed is lost", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Error page", [{ stream: "court", allocatedTo: "inspector" }]);
  const page = await pageAs(browser, "inspector");
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(status(page)).toHaveText("All changes saved");
  await page.getByRole("group", { name: /^2\.1\.1 / }).getByRole("radio", { name: "Yes", exact: true }).check();
  await expect(status(page)).toHaveText("All changes saved");

  // Server actions are POSTs to the page with a Next-Action header; the completion's answers 500.
  await page.route("**/*", (route) =>
    route.request().method() === "POST" && route.request().headers()["next-action"] ? route.fulfill({ status: 500, body: "" }) : route.fallback(),
  );
  await page.getByRole("button", { name: "Mark the case as complete" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sorry, there is a problem with the service" })).toBeVisible();
  await expect(page.getByText("Your typed work is safe.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
  // Inside the app's layout: its navigation is still there.
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await page.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(page.getByRole("group", { name: /^2\.1\.1 / }).getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
});
