import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/scripts/demo-data";
import { connect } from "./entry-point-calls";
import { demoUser, expect, storageStateOf, test } from "./fixtures";

// Issue 11: passwords in URLs, the open redirect after sign-in, and the per-address sign-in limit
// keyed on a header the client writes.

const base = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000");

/**
 * A user of the test's own with the demo password (its hash copied): each sign-in counts toward the
 * per-email limit, which the demo users' journeys need.
 */
async function freshUser(prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@case-review.test`;
  const client = await connect();
  try {
    await client.query("INSERT INTO users (name, email, role, password_hash) SELECT 'Sign-in Tester', $1, 'inspector', password_hash FROM users WHERE email = $2", [
      email,
      demoUser("inspector2").email,
    ]);
  } finally {
    await client.end();
  }
  return email;
}

/** Every URL the page requests from now on. */
/** Every request the page makes; `navigation` marks the ones that load a document (a form's submission, not the manifest or an icon). */
function requestedUrls(page: Page): { method: string; url: string; navigation: boolean }[] {
  const seen: { method: string; url: string; navigation: boolean }[] = [];
  page.on("request", (request) => seen.push({ method: request.method(), url: request.url(), navigation: request.isNavigationRequest() }));
  return seen;
}

function expectNoPasswordIn(urls: { url: string }[], password: string): void {
  for (const { url } of urls) {
    expect(url).not.toContain(password);
    expect(url).not.toContain(encodeURIComponent(password));
  }
}

test("signing in without JavaScript posts the password, never puts it in a URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const urls = requestedUrls(page);
  await page.getByLabel("Email").fill(await freshUser("no-script"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.find((u) => u.navigation)).toMatchObject({ method: "POST", url: `${base.origin}/api/auth/callback/credentials` });
  expectNoPasswordIn(urls, DEMO_PASSWORD);
  expectNoPasswordIn([{ url: page.url() }], DEMO_PASSWORD);
  // It fails safely: back on the sign-in page, which says why (Playwright's text search skips <noscript>).
  await expect(page.getByRole("heading", { name: "Sign in to Case Review" })).toBeVisible();
  expect(await page.locator("noscript").first().textContent()).toContain("Case Review needs JavaScript to sign you in");
  await context.close();
});

test("an administrator's initial password, submitted before the page's JavaScript runs, is posted", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: storageStateOf("admin") });
  const page = await context.newPage();
  await page.goto("/admin/users");
  const urls = requestedUrls(page);
  const password = `initial-${Date.now().toString(36)}-password`;
  await page.getByLabel("Full name").fill("No Script Person");
  await page.getByLabel("Email address").fill(`no-script-${Date.now().toString(36)}@case-review.test`);
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create user" }).click();
  await page.waitForLoadState("load");
  expect(urls.find((u) => u.navigation)?.method).toBe("POST");
  expectNoPasswordIn(urls, password);
  await context.close();
});

// Each became "//evil.test" in the browser, another host.
const BYPASSES = ["/\\evil.test", "/\t/evil.test", "//evil.test", "/%5Cevil.test", "\\/evil.test", " //evil.test"];

test("after signing in, a callbackUrl pointing at another host lands on this site", async ({ browser }) => {
  const email = await freshUser("callback");
  for (const callbackUrl of BYPASSES.slice(0, 2)) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(page.url()).origin, JSON.stringify(callbackUrl)).toBe(base.origin);
    await page.context().close();
  }
});

async function signInOverHttp(request: APIRequestContext, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, json: "true", ...fields }, headers, maxRedirects: 0 });
}

test("next-auth's own redirect after sign-in refuses other hosts", async ({ playwright }) => {
  const email = await freshUser("redirect");
  for (const callbackUrl of BYPASSES) {
    const request = await playwright.request.newContext({ baseURL: base.origin });
    const response = await signInOverHttp(request, { email, password: DEMO_PASSWORD, callbackUrl });
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).origin, JSON.stringify(callbackUrl)).toBe(base.origin);
    expect(new URL(url).pathname, JSON.stringify(callbackUrl)).toBe("/");
    await request.dispose();
  }
});

test("the per-address sign-in limit counts the connection's address, not the X-Forwarded-For a client writes", async ({ playwright }) => {
  const chosen = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const request = await playwright.request.newContext({ baseURL: base.origin });
  await signInOverHttp(request, { email: `nobody-${Date.now().toString(36)}@case-review.test`, password: "wrong-password" }, { "X-Forwarded-For": chosen });
  await request.dispose();
  const client = await connect();
  try {
    const keys = (await client.query<{ key: string }>("SELECT key FROM rate_limit_buckets WHERE key LIKE 'sign-in:client:%'")).rows.map((r) => r.key);
    expect(keys).not.toContain(`sign-in:client:${chosen}`);
    expect(keys.some((key) => /^sign-in:client:(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/.test(key))).toBe(true);
  } finally {
    await client.end();
  }
});

test("signing in with JavaScript still lands on the page asked for", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const email = await freshUser("lands");
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/account/password")}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.context().close();
});
