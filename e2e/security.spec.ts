import { expect, pageAs, test } from "./fixtures";

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
