import { COMPILE_HINT } from "@/scripts/compile-hints";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Issue 12: every script a page loads asks Chromium to compile it on a background thread while it
// downloads (scripts/compile-hints.ts), so the case page's start does not compile React's and Next's
// modules on the main thread one by one.
test("every script the sign-in page and a case page load carries the compile hint on its first line", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Eager compilation", [{ stream: "court", allocatedTo: "inspector" }]);
  const inspector = await pageAs(browser, "inspector");
  const bodies: Promise<{ pathname: string; text: string }>[] = [];
  inspector.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() === "script" && pathname.startsWith("/_next/static/")) bodies.push(response.text().then((text) => ({ pathname, text })));
  });

  await inspector.goto("/sign-in");
  // Read before the next page replaces this one, while the browser still holds the bodies.
  const scripts = await Promise.all(bodies.splice(0));
  await inspector.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(inspector.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  scripts.push(...(await Promise.all(bodies)));

  // React's and Next's chunks, the layout's and the case page's own: more than a handful.
  expect(new Set(scripts.map((s) => s.pathname)).size).toBeGreaterThan(5);
  for (const { pathname, text } of scripts) expect(text.slice(0, COMPILE_HINT.length), pathname).toBe(COMPILE_HINT);
});
