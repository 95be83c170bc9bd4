// `npm run test:e2e`: Playwright journeys in Debian's Chromium against a production build, on a fresh
// embedded PostgreSQL with the demo data. Extra arguments go to `playwright test`.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { waitForServer } from "./app-server";
import { freePort, startEmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";
import { loadDemoData } from "./demo-data";
import { standaloneDir } from "./next-build";
import { serverNodeOptions } from "./server-memory";

const root = path.resolve(__dirname, "..");

/** Stored rationales (the demo data's and the journeys') that appear in the server's log. */
async function typedTextInLog(databaseUrl: string, log: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ text: string }>("SELECT DISTINCT rationale AS text FROM answers WHERE length(rationale) >= 20");
    return rows.rows.map((r) => r.text).filter((text) => log.includes(text));
  } finally {
    await client.end();
  }
}

type ReportSuite = {
  title: string;
  specs?: {
    title: string;
    tests: {
      status: string;
      results: { error?: { message?: string }; errorLocation?: { file: string; line: number }; attachments?: { name: string; path?: string }[] }[];
    }[];
  }[];
  suites?: ReportSuite[];
};

/**
 * The headings of the page Playwright snapshotted when a journey failed (its error context: the first
 * browser context the journey opened), which tell a page that was not the one expected.
 */
function snapshotHeadings(attachments: { name: string; path?: string }[] | undefined): string[] {
  const context = attachments?.find((a) => a.name === "error-context" && a.path && existsSync(a.path));
  if (!context?.path) return [];
  return readFileSync(context.path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("- heading "))
    .slice(0, 3)
    .map((line) => `Page snapshot: ${line.slice(2).replace(/:$/, "")}`);
}

/**
 * "file › title: first line of the error (at file:line)", then the error's expected, received and
 * other error lines ("element(s) not found"), and the headings of the page at the time, for each
 * journey that did not pass, from Playwright's JSON report. A CI log keeps only its tail: this names
 * the very assertion that failed and what the browser showed instead.
 */
function failedJourneys(resultsFile: string): string[] {
  if (!existsSync(resultsFile)) return [];
  const report = JSON.parse(readFileSync(resultsFile, "utf8")) as { suites: ReportSuite[] };
  const failed: string[] = [];
  const visit = (suite: ReportSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const result = test.results.find((r) => r.error?.message);
        // Playwright colours its messages; the log wants plain text.
        const lines = (result?.error?.message ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((line) => line.trim()).filter(Boolean);
        const at = result?.errorLocation ? ` (at ${path.basename(result.errorLocation.file)}:${result.errorLocation.line})` : "";
        const detail = [...lines.slice(1).filter((line) => /^(Locator|Expected|Received|Error:)/.test(line)), ...snapshotHeadings(result?.attachments)]
          .map((line) => `\n    ${line}`)
          .join("");
        failed.push(`${[...titles, spec.title].join(" › ")}${test.status === "flaky" ? " (flaky)" : ""}: ${lines[0] ?? ""}${at}${detail}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of report.suites) visit(suite, [suite.title]);
  return failed;
}

async function main(): Promise<number> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium was not found at ${chromium}. Install it with: apt-get install -y chromium`);
    return 1;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "case-review-e2e-"));
  // The production build (when the sources changed) runs while the database starts and takes the
  // demo data: the one mostly waits on the compiler, the other on PostgreSQL.
  const building = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "next-build.ts"), "--if-stale"], { cwd: root, stdio: "inherit" });
  const built = new Promise<boolean>((resolve) => {
    building.on("exit", (code) => resolve(code === 0));
    building.on("error", () => resolve(false));
  });
  let database: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;
  let server: ReturnType<typeof spawn> | undefined;
  let failed: string[] = [];
  try {
    database = await startEmbeddedDatabase({ dataDir: path.join(tmp, "pg"), port: await freePort(), database: "case_review_e2e" });
    await applyMigrations(database.url);
    loadDemoData(database.url);
    if (!(await built)) throw new Error("The production build failed (scripts/next-build.ts).");

    const port = await freePort();
    // The address the server listens on (HOSTNAME below), so no client tries ::1 first.
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // Every test browser signs in from 127.0.0.1.
      SIGN_IN_ATTEMPTS_PER_CLIENT: "1000",
      NODE_OPTIONS: serverNodeOptions(),
    };
    // The server's log is kept to be searched below; its errors are shown as they come.
    const serverLog = createWriteStream(path.join(tmp, "server.log"));
    server = spawn(process.execPath, [path.join(standaloneDir(), "serve.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout!.pipe(serverLog);
    server.stderr!.on("data", (chunk: Buffer) => {
      serverLog.write(chunk);
      process.stderr.write(chunk);
    });
    await waitForServer(`${baseUrl}/sign-in`, 60_000);
    // Playwright's JSON report (each journey's duration): kept where E2E_RESULTS_FILE says, else dropped with the run's folder.
    const resultsFile = process.env.E2E_RESULTS_FILE ? path.resolve(process.env.E2E_RESULTS_FILE) : path.join(tmp, "results.json");
    const result = spawnSync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, E2E_AUTH_DIR: path.join(tmp, "auth"), E2E_RESULTS_FILE: resultsFile },
    });
    failed = failedJourneys(resultsFile);
    const leaked = await typedTextInLog(database.url, readFileSync(path.join(tmp, "server.log"), "utf8"));
    if (leaked.length > 0) {
      console.error(`The server's log holds text inspectors typed (lib/log.ts forbids it):\n${leaked.map((t) => `  ${t.slice(0, 60)}…`).join("\n")}`);
      return 1;
    }
    return result.status ?? 1;
  } finally {
    if (building.exitCode === null && building.signalCode === null) building.kill("SIGTERM");
    server?.kill("SIGTERM");
    await database?.stop();
    rmSync(tmp, { recursive: true, force: true });
    // Last, after the server's and database's own shutdown lines.
    if (failed.length > 0) console.error(`\nJourneys that did not pass (${failed.length}):\n${failed.map((f) => `  ${f}`).join("\n")}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
