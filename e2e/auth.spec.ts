import { demoUser, expect, pageAs, signIn, test } from "./fixtures";

test.describe("signing in", () => {
  const homes = [
    { key: "admin", heading: "Administration" },
    { key: "manager", heading: "All inspections" },
    { key: "lead", heading: "Your inspections" },
    { key: "inspector", heading: "Your inspections" },
  ] as const;

  for (const { key, heading } of homes) {
    test(`${key} signs in and lands on their home page`, async ({ page }) => {
      const user = demoUser(key);
      await signIn(page, user.email);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
    });
  }

  test("the lead sees the inspections they lead, the inspector those they are on", async ({ browser }) => {
    const lead = await pageAs(browser, "lead");
    await lead.goto("/");
    const led = lead.getByRole("table", { name: "Inspections you lead" });
    await expect(led.getByRole("link", { name: "Demoshire Youth Justice Service" })).toBeVisible();
    await expect(lead.getByRole("link", { name: "Eastmere Youth Offending Team" })).toHaveCount(0);

    const inspector = await pageAs(browser, "inspector");
    await inspector.goto("/");
    const onTeam = inspector.getByRole("table", { name: "Inspections you are inspecting on" });
    await expect(onTeam.getByRole("link", { name: "Northbridge Youth Justice Service" })).toBeVisible();
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await signIn(page, demoUser("manager").email, "not-the-password");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The email address or password is not right");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Case Review" })).toBeVisible();
  });

  test("empty fields get field-level errors", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your email address");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter your password");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
    await page.getByLabel("Email").fill(demoUser("admin").email);
    await page.getByLabel("Password").fill("case-review-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
  });
});

test.describe("rights are enforced on the server", () => {
  test("an inspector opening the admin page is refused", async ({ browser }) => {
    const page = await pageAs(browser, "inspector");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  });

  test("an inspector opening another inspection's URL is refused", async ({ browser }) => {
    const other = await pageAs(browser, "otherLead");
    await other.goto("/");
    await other.getByRole("link", { name: "Eastmere Youth Offending Team" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Eastmere Youth Offending Team" })).toBeVisible();
    const eastmereUrl = other.url();

    const page = await pageAs(browser, "inspector");
    const response = await page.goto(eastmereUrl);
    expect(response?.status()).toBe(403);
    await expect(page.getByText("Eastmere")).toHaveCount(0);
  });

  test("a made-up inspection id is not found", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    const response = await page.goto("/inspections/not-an-inspection");
    expect(response?.status()).toBe(404);
  });
});

test.describe("sessions", () => {
  test("signing out ends the session", async ({ page }) => {
    await signIn(page, demoUser("inspector2").email);
    await expect(page.getByRole("heading", { level: 1, name: "Your inspections" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toContainText("You have been signed out");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an administrator creates a user, who signs in, and is signed out on their next request once disabled", async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/users");
    const stamp = Date.now();
    const name = `Jordan Reid ${stamp}`;
    const email = `new.inspector.${stamp}@case-review.test`;
    await admin.getByLabel("Full name").fill(name);
    await admin.getByLabel("Email address").fill(email);
    await admin.getByLabel("Role", { exact: true }).selectOption("inspector");
    await admin.getByLabel("Initial password").fill("a-long-enough-password");
    await admin.getByRole("button", { name: "Create user" }).click();
    await expect(admin.getByRole("status").filter({ hasText: `can now sign in as ${email}` })).toBeVisible();

    const userContext = await browser.newContext();
    const user = await userContext.newPage();
    await signIn(user, email, "a-long-enough-password");
    await expect(user.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();

    await admin.reload();
    await admin.getByRole("link", { name: `Disable ${name}` }).click();
    await admin.getByRole("button", { name: "Disable account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: `${name}’s account is disabled and their open sessions have ended.` })).toBeVisible();

    await user.goto("/");
    await expect(user).toHaveURL(/\/sign-in/);
  });

  test("user creation reports each bad field", async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/users");
    await admin.getByLabel("Email address").fill("not-an-email");
    await admin.getByLabel("Initial password").fill("short");
    await admin.getByRole("button", { name: "Create user" }).click();
    const summary = admin.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter the person's name");
    await expect(summary).toContainText("Enter an email address in the right format");
    await expect(summary).toContainText("at least 12 characters");
  });
});
