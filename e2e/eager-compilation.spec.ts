import { COMPILE_HINT } from "@/scripts/compile-hints";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Issue 12: every script a page loads asks Chromium to compile it on a background thread while it
// downloads (scripts/compile-hints.ts), so the case page's start does not compile React's and Next's
// modules on the main thread one by one.
test("every script the sign-in page and a case page load carries the compile hint on its first line", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Eager compilation", [{ stream: "court", allocatedTo: "inspector" }]);
  const inspector = await pageAs(browser, "inspector");
  const scripts = new Map<string, Promise<string>>();
  inspector.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() === "script" && pathname.startsWith("/_next/static/")) scripts.set(pathname, response.text());
  });

  await inspector.goto("/sign-in");
  await inspector.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(inspector.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  const loaded = [...scripts.keys()];
  // React's and Next's chunks, the layout's and the case page's own: more than a handful.
  expect(loaded.length).toBeGreaterThan(5);
  for (const pathname of loaded) expect((await scripts.get(pathname)!).slice(0, COMPILE_HINT.length), pathname).toBe(COMPILE_HINT);
});
