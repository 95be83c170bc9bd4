// `npm test`: every check, in order of speed, stopping at the first failure. Type-check, lint, unit
// tests, integration tests against a real PostgreSQL, then Playwright journeys in Chromium against
// a production build.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfStale } from "./next-build";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Step {
  name: string;
  command: string;
  args: string[];
  /** Runs the production build, building it first when the sources changed (scripts/next-build.ts). */
  usesBuild?: true;
}

// Steps in one group run at once. Type-check and lint each keep one core busy and share nothing, so
// on a two-core machine they overlap; the test runs between them want both cores to themselves.
const groups: Step[][] = [
  [
    { name: "type-check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
    { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
  ],
  [{ name: "unit tests", command: bin("vitest"), args: ["run", "--project", "unit"] }],
  [{ name: "integration tests", command: bin("vitest"), args: ["run", "--project", "integration"] }],
  [{ name: "end-to-end tests", command: bin("tsx"), args: [path.join(root, "scripts", "e2e.ts")] }],
  // The fault tests spend most of their time waiting (for a restart, for the scaled-out tests' minute
  // of fieldwork), each on its own database, ports and browser, so they overlap too.
  [
    { name: "fault tests", command: bin("tsx"), args: [path.join(root, "scripts", "fault-tests.ts")], usesBuild: true },
    // The same production artefact, two instances behind nginx (deploy/nginx.conf): `npm test -- fault` runs both.
    { name: "fault tests, scaled out", command: bin("tsx"), args: [path.join(root, "scripts", "scale-out-tests.ts")], usesBuild: true },
  ],
];

interface Result {
  name: string;
  seconds: number;
  ok: boolean;
}

/**
 * Runs a step. Alone, its output goes straight to the terminal; alongside others it is kept and
 * printed whole when the step ends, so two steps' lines never interleave.
 */
function run(step: Step, alone: boolean): Promise<Result> {
  const started = Date.now();
  const env = { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" };
  if (alone) console.log(`\n=== ${step.name} ===`);
  const child = spawn(step.command, step.args, { cwd: root, env, stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"] });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      if (!alone) {
        console.log(`\n=== ${step.name} ===`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ name: step.name, seconds: (Date.now() - started) / 1000, ok });
    };
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(false);
    });
    child.on("close", (status) => finish(status === 0));
  });
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const results: Result[] = [];
  for (const group of groups) {
    const chosen = group.filter((step) => only.length === 0 || only.some((o) => step.name.startsWith(o)));
    if (chosen.length === 0) continue;
    // Steps that would each start the same build at once get it built first.
    if (chosen.filter((step) => step.usesBuild).length > 1) buildIfStale();
    results.push(...(await Promise.all(chosen.map((step) => run(step, chosen.length === 1)))));
    if (results.some((r) => !r.ok)) break;
    // The whole project has passed tsc in this run, so the production builds after it need not
    // type-check its app code again (next.config.ts): about 20 to 45 s of CI's end-to-end step.
    if (chosen.some((step) => step.name === "type-check")) process.env.CASE_REVIEW_TYPE_CHECKED = "1";
  }

  console.log("\n=== summary ===");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(24)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
