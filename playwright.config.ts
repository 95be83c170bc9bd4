import { defineConfig } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.ts), which starts a database, a production build and
// the server, then passes their addresses in E2E_BASE_URL and DATABASE_URL.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/e2e.ts names the failed journeys again from the JSON, last, so a CI log's tail shows them.
  reporter: [["list"], ...(process.env.E2E_RESULTS_FILE ? [["json", { outputFile: process.env.E2E_RESULTS_FILE }] as const] : []), ...(process.env.CI ? [] : [["html", { open: "never" }] as const])],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    { name: "journeys", dependencies: ["sign-in"], testIgnore: /auth\.setup\.ts/ },
  ],
});
