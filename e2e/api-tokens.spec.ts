import AxeBuilder from "@axe-core/playwright";
import { rateJson } from "@/lib/rating";
import { expect, pageAs, test } from "./fixtures";

// A script rating an inspection without a browser session: an administrator creates a token on
// the API tokens page (shown once), a client with no cookies calls POST /api/rate with it, the page
// records its use, and once revoked it is refused. The OpenAPI description is public.

const input = { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 22, no: 3 } }, judgements: { "1.1": "Good" } };

test("an API token rates from a script until it is revoked", async ({ browser, playwright, baseURL }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/");
  await admin.getByRole("link", { name: "API tokens" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  await admin.getByRole("button", { name: "Create token" }).click();
  await expect(admin.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a name for the token");

  const name = `Spreadsheet ${Date.now()}`;
  await admin.getByLabel("Name of the token").fill(name);
  await admin.getByRole("button", { name: "Create token" }).click();
  const shown = admin.getByRole("textbox", { name: "New token" });
  await expect(shown).toHaveValue(/^crv_/);
  const token = await shown.inputValue();
  const results = await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  const script = await playwright.request.newContext({ baseURL });
  try {
    const rated = await script.post("/api/rate", { data: input, headers: { Authorization: `Bearer ${token}` } });
    expect(rated.status()).toBe(200);
    const expected = rateJson(input);
    expect(await rated.json()).toEqual(expected.ok ? JSON.parse(JSON.stringify(expected.result)) : null);

    const wrong = await script.post("/api/rate", { data: input, headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()["www-authenticate"]).toContain("Bearer");
    expect((await wrong.json()).error.code).toBe("unauthenticated");

    // The list shows the token by name and first characters only, with its last use.
    await admin.reload();
    const row = admin.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 10));
    await expect(row).not.toContainText(token.slice(10, 30));
    await expect(row).not.toContainText("Never");
    await expect(admin.getByRole("textbox", { name: "New token" })).toHaveCount(0);

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
    const revoked = await script.post("/api/rate", { data: input, headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);

    const description = await script.get("/api/openapi.json");
    expect(description.status()).toBe(200);
    const document = await description.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(["/api/rate"]);
  } finally {
    await script.dispose();
  }
});
