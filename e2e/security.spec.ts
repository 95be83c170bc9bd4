import type { Page } from "@playwright/test";
import { DEMO_USERS } from "@/scripts/demo-data";
import { expect, pageAs, test, type DemoUserKey } from "./fixtures";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/", "/api/auth/csrf"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("default-src 'self'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("Strict-Transport-Security is sent when the app is served over HTTPS, and only then", async ({ request }) => {
  const overHttps = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  const overHttp = await request.get("/sign-in");
  expect(overHttp.headers()["strict-transport-security"]).toBeUndefined();
});

test("a mutation from another site is refused even with the user's session", async ({ browser }) => {
  const page = await pageAs(browser, "inspector");
  const response = await page.request.post("/api/cases/00000000-0000-4000-8000-000000000000/changes", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { changes: [] },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toBe("Cross-site requests are refused.");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ browser }) => {
  const page = await pageAs(browser, "inspector");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

/** Visits every same-site page reachable by links from home, up to a limit, and returns their HTML. */
async function crawl(page: Page, limit: number): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ["/"];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    const response = await page.goto(path);
    seen.set(path, (await response?.text()) ?? "");
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const clean = href.split("#")[0] as string;
      // Downloads are checked by the export tests; sign-out links would end the crawl.
      if (clean && !seen.has(clean) && !clean.includes("/api/") && !clean.includes("/exports/") && !clean.includes("signout")) queue.push(clean);
    }
  }
  return seen;
}

for (const user of DEMO_USERS) {
  test(`no password hash or secret appears in any page ${user.key} can reach`, async ({ browser }) => {
    const page = await pageAs(browser, user.key as DemoUserKey);
    const pages = await crawl(page, 40);
    expect(pages.size).toBeGreaterThan(1);
    for (const [path, html] of pages) {
      expect(html, path).not.toContain("$argon2");
      expect(html, path).not.toMatch(/password_?hash/i);
      expect(html, path).not.toContain("e2e-secret-not-for-production");
    }
  });
}
