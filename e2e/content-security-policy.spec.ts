import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Issue 11: scripts run under a per-request nonce (proxy.ts), never under 'unsafe-inline', and the
// main pages still work under that policy: no violation is reported, and their scripts run.

/** The policy's directives by name ("script-src" → its sources). */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The nonce a policy allows scripts by, after checking the script policy is nonce-based. */
function scriptNonce(policy: string | undefined, where: string): string {
  expect(policy, where).toBeDefined();
  const scripts = directives(policy!).get("script-src") ?? [];
  expect(scripts, where).not.toContain("'unsafe-inline'");
  const nonces = scripts.filter((source) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(source));
  expect(nonces, where).toHaveLength(1);
  return nonces[0]!.slice("'nonce-".length, -1);
}

/** Collects CSP violations as the page reports them: its console, and the DOM's own events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`));
  });
  return async () => [...reported, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
}

/** Opens a page, checks its policy and that every script tag of its HTML carries the policy's nonce. */
async function openUnderPolicy(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const nonce = scriptNonce(response?.headers()["content-security-policy"], path);
  const html = (await response?.text()) ?? "";
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length, path).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag, path).toContain(`nonce="${nonce}"`);
}

test("each response's policy has a fresh nonce for scripts and no 'unsafe-inline' for them", async ({ request }) => {
  const first = (await request.get("/sign-in")).headers()["content-security-policy"];
  const second = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(scriptNonce(first, "first")).not.toBe(scriptNonce(second, "second"));
  const policy = directives(first!);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  // Inline <style> elements need the nonce too; only style attributes are allowed inline.
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
});

test("the sign-in page runs its script under the policy: an empty form is refused in the browser", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const violations = await watchViolations(page);
  await openUnderPolicy(page, "/sign-in");
  await page.waitForLoadState("networkidle"); // hydrated: the click reaches the form's script
  await page.getByRole("button", { name: "Sign in" }).click();
  // Only the form's script says this (without it the form posts to next-auth).
  await expect(page.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.context().close();
});

test("the inspections list, a case page (with its service worker) and the panel report no violation", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Content policy", [{ stream: "court", allocatedTo: "inspector" }]);

  const inspector = await pageAs(browser, "inspector");
  const inspectorViolations = await watchViolations(inspector);
  await openUnderPolicy(inspector, "/");
  await expect(inspector.getByRole("heading", { level: 1 })).toBeVisible();
  await openUnderPolicy(inspector, `/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  // The case page's scripts run: its save status appears, and its service worker becomes active.
  await expect(inspector.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  const scope = await inspector.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.scope));
  expect(new URL(scope).pathname).toBe(`/inspections/${inspectionId}/cases`);
  expect(await inspectorViolations()).toEqual([]);

  const lead = await pageAs(browser, "lead");
  const leadViolations = await watchViolations(lead);
  await openUnderPolicy(lead, `/inspections/${inspectionId}/panel`);
  await expect(lead.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await leadViolations()).toEqual([]);
});
