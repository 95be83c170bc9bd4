import { demoUser, expect, pageAs, signIn, test } from "./fixtures";

// A user changes their own password: the current one proves it is them, mistakes get specific
// messages, and afterwards every session of theirs has ended and only the new password signs in.
// The account is created by the administrator through the users page, so no demo user is touched.
// The password the administrator set is temporary: until the user chooses their own, every page
// sends them to do so, and route handlers treat them as signed out.

test("a new user must choose their own password at first sign-in, and is then signed out everywhere", async ({ browser }) => {
  const stamp = Date.now();
  const email = `pat.change.${stamp}@case-review.test`;
  const initial = `initial-password-${stamp}`;
  const chosen = `ferry-lantern-${stamp}`;

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/users");
  // A refused account keeps what the administrator typed.
  await admin.getByLabel("Full name").fill(`Pat Change ${stamp}`);
  await admin.getByLabel("Email address").fill(demoUser("inspector").email);
  await admin.getByLabel("Initial password").fill(initial);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("alert", { name: "There is a problem" })).toContainText("A user with this email address already exists");
  await expect(admin.getByLabel("Full name")).toHaveValue(`Pat Change ${stamp}`);
  await admin.getByLabel("Email address").fill(email);
  await admin.getByLabel("Initial password").fill(initial);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`can now sign in as ${email}`)).toBeVisible();

  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, email, initial);
  await expect(elsewhere.getByRole("navigation", { name: "Account" })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, initial);
  // Sent straight to choose a password, and kept there: pages redirect, the API answers 401.
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText("The password you signed in with was set by an administrator. Choose your own password to continue.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.goto("/inspections/new");
  await expect(page).toHaveURL(/\/account\/password$/);
  expect((await page.request.get("/api/population-template")).status()).toBe(401);
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expect(page).toHaveTitle("Change your password – Case Review");

  // The form is emptied after each attempt (passwords are never sent back to the page): fill it each time.
  const attempt = async (current: string, next: string, confirm: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Confirm new password").fill(confirm);
    await page.getByRole("button", { name: "Change password" }).click();
  };
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await attempt("", "", "");
  await expect(summary).toContainText("Enter your current password");
  await attempt("not my password", chosen, `${chosen}-typo`);
  await expect(summary).toContainText("Enter the same new password twice");
  await attempt("not my password", chosen, chosen);
  await expect(summary).toContainText("Your current password is not right");
  await attempt(initial, initial, initial);
  await expect(summary).toContainText("Choose a new password that is different from your current one");
  await attempt(initial, "Password12345", "Password12345");
  await expect(summary).toContainText("Choose a password that is harder to guess: this one is, or is built on, a commonly used password");
  await attempt(initial, `pat-change-${stamp}`, `pat-change-${stamp}`);
  await expect(summary).toContainText("Choose a password that does not contain your name or email address");
  await attempt(initial, chosen, chosen);
  await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with your new password.");

  // The other session ended too.
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/sign-in/);

  await signIn(page, email, initial);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The email address or password is not right");
  await signIn(page, email, chosen);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(`Pat Change ${stamp}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your inspections");
});
