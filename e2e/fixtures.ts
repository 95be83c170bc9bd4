import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/scripts/demo-data";

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export function demoUser(key: DemoUserKey) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`No demo user ${key}`);
  return user;
}

/** Where auth.setup.ts saved the signed-in browser state of each demo user. */
export function storageStateOf(key: DemoUserKey): string {
  return `e2e/.auth/${key}.json`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A page already signed in as a demo user (from the saved state: no extra sign-in). */
export async function pageAs(browser: Browser, key: DemoUserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(key) });
  return context.newPage();
}

export const test = base;
export { expect };
