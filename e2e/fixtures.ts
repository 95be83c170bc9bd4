import { execFileSync } from "node:child_process";
import path from "node:path";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/scripts/demo-data";

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export function demoUser(key: DemoUserKey) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`No demo user ${key}`);
  return user;
}

/**
 * Where auth.setup.ts saved the signed-in browser state of each demo user: a folder of this run's
 * own (scripts/e2e.ts sets E2E_AUTH_DIR), so parallel runs in one checkout never share sessions.
 */
export function storageStateOf(key: DemoUserKey): string {
  return path.join(process.env.E2E_AUTH_DIR ?? "e2e/.auth", `${key}.json`);
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

export const test = base.extend<{ closesItsBrowserContexts: void }>({
  // Playwright closes only the context of its own `page` fixture. Without this, every page a journey
  // opened with pageAs or signedInPage stayed open for the rest of its worker's run: case pages kept
  // polling the server and ticking their session timers, a load that grew journey by journey.
  closesItsBrowserContexts: [
    async ({ browser }, use, testInfo) => {
      const before = new Set(browser.contexts());
      await use();
      // A failed journey's pages stay open for Playwright's snapshot of them (its error context).
      if (testInfo.status !== testInfo.expectedStatus) return;
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
export { expect };

/**
 * An inspection of the test's own (yjs-2021 unless told, fieldwork; lead, inspector and inspector2 on the team)
 * with the given cases, written straight to the test database so parallel journeys never share cases.
 */
export async function createInspectionWithCases(
  name: string,
  cases: readonly { stream: "court" | "out_of_court" | "resettlement"; allocatedTo: DemoUserKey }[],
  frameworkVersion: "yjs-2021" | "yjs-2018" = "yjs-2021",
): Promise<{ inspectionId: string; cases: { id: string; reference: string }[] }> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const ids = new Map<string, string>();
    for (const key of ["lead", "inspector", "inspector2", ...cases.map((c) => c.allocatedTo)] as DemoUserKey[]) {
      const row = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoUser(key).email]);
      ids.set(key, row.rows[0]!.id);
    }
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const inspection = await client.query<{ id: string }>(
      "INSERT INTO inspections (yjs_name, framework_version, fieldwork_start, status) VALUES ($1, $2, '2026-11-23', 'fieldwork') RETURNING id",
      [`${name} ${stamp}`, frameworkVersion],
    );
    const inspectionId = inspection.rows[0]!.id;
    await client.query(
      "INSERT INTO memberships (inspection_id, user_id, role) VALUES ($1, $2, 'lead_inspector'), ($1, $3, 'inspector'), ($1, $4, 'inspector')",
      [inspectionId, ids.get("lead"), ids.get("inspector"), ids.get("inspector2")],
    );
    const created: { id: string; reference: string }[] = [];
    for (const [i, c] of cases.entries()) {
      const reference = `E2E-${stamp}-${i + 1}`;
      const disposal = c.stream === "court" ? "referral_order" : c.stream === "out_of_court" ? "youth_caution" : "detention_and_training_order";
      const row = await client.query<{ id: string }>(
        "INSERT INTO cases (inspection_id, reference, stream, disposal_type, gender, age, allocated_to) VALUES ($1, $2, $3, $4, 'male', 15, $5) RETURNING id",
        [inspectionId, reference, c.stream, disposal, ids.get(c.allocatedTo)],
      );
      created.push({ id: row.rows[0]!.id, reference });
    }
    return { inspectionId, cases: created };
  } finally {
    await client.end();
  }
}

/**
 * Runs a test-data script with tsx (Playwright's loader cannot load the ESM Prisma client) against
 * the journeys' database, and returns the JSON it prints. The script is server code (lib/db), so it
 * runs under the "react-server" condition (README, Tests).
 */
export function runTestData<T>(script: string, command: string, input: Record<string, unknown> = {}): T {
  const output = execFileSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", script, command, JSON.stringify(input)], {
    encoding: "utf8",
    env: process.env,
  });
  return JSON.parse(output) as T;
}

/**
 * A fresh page signed in through the form, waiting until the sign-in has landed: for users a test
 * creates itself (demo users should use `pageAs`, which costs no sign-in attempt).
 */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}
