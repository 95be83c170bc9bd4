import { Client } from "pg";
import { demoUser, expect, storageStateOf, test } from "./fixtures";

// Managing users as an administrator: the create form comes first, the list can be searched, the
// role field says what a change does to the person's teams, and disabling an account takes a
// confirmation step that works without JavaScript.

test("the users page: create form above the list, search, and what a role change does to teams", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await page.goto("/admin/users");
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.indexOf("Create a user")).toBeLessThan(headings.indexOf("Users"));

  await page.getByRole("searchbox", { name: "Search by name or email" }).fill(demoUser("inspector2").email.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(demoUser("inspector2").email);
  await expect(table.getByRole("caption")).toHaveText(`1 user matching “${demoUser("inspector2").email.toUpperCase()}”`);
  // The demo inspector is on a team: the role field says what making them an administrator does.
  await expect(table.getByText(/As administrator, manager or quality assurer, they leave the teams of \d+ inspections?/)).toBeVisible();

  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page.getByRole("searchbox", { name: "Search by name or email" })).toHaveValue("");
  await page.getByRole("searchbox", { name: "Search by name or email" }).fill("nobody-has-this-name");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("table").getByRole("caption")).toHaveText("0 users matching “nobody-has-this-name”");
});

test("disabling an account asks for confirmation, and works without JavaScript", async ({ browser }) => {
  const stamp = Date.now();
  const name = `Casey Confirm ${stamp}`;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, 'inspector', 'not-a-hash')", [name, `casey.${stamp}@case-review.test`]);
  } finally {
    await client.end();
  }
  const page = await (await browser.newContext({ storageState: storageStateOf("admin"), javaScriptEnabled: false })).newPage();
  await page.goto(`/admin/users?q=${stamp}`);
  await page.getByRole("link", { name: `Disable ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Disable ${name}’s account?`);
  await expect(page).toHaveTitle("Disable an account – Case Review");

  // Cancel changes nothing.
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.goto(`/admin/users?q=${stamp}`);
  await expect(page.getByRole("table")).toContainText("Active");

  await page.getByRole("link", { name: `Disable ${name}` }).click();
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?disabled=/);
  await expect(page.getByRole("status").filter({ hasText: `${name}’s account is disabled and their open sessions have ended.` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Disabled");

  await page.getByRole("button", { name: `Re-enable ${name}` }).click();
  await page.goto(`/admin/users?q=${stamp}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Active");
});
