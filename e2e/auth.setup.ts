import { test as setup, expect } from "@playwright/test";
import { DEMO_USERS } from "@/scripts/demo-data";
import { signIn, storageStateOf } from "./fixtures";

// Signs each demo user in once and saves the browser state, so journeys start signed in.
for (const user of DEMO_USERS) {
  setup(`sign in as ${user.key}`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(user.key) });
  });
}
