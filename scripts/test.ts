// `npm test`: every check, in order of speed, stopping at the first failure. Type-check, lint, unit
// tests, integration tests against a real PostgreSQL, then Playwright journeys in Chromium against
// a production build.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const steps: { name: string; command: string; args: string[] }[] = [
  { name: "type-check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
  { name: "unit tests", command: bin("vitest"), args: ["run", "--project", "unit"] },
  { name: "integration tests", command: bin("vitest"), args: ["run", "--project", "integration"] },
  { name: "end-to-end tests", command: bin("tsx"), args: [path.join(root, "scripts", "e2e.ts")] },
  { name: "fault tests", command: bin("tsx"), args: [path.join(root, "scripts", "fault-tests.ts")] },
  // The same production artefact, two instances behind nginx (deploy/nginx.conf): `npm test -- fault` runs both.
  { name: "fault tests, scaled out", command: bin("tsx"), args: [path.join(root, "scripts", "scale-out-tests.ts")] },
];

const only = process.argv.slice(2);
const results: { name: string; seconds: number; ok: boolean }[] = [];
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { status } = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  results.push({ name: step.name, seconds: (Date.now() - started) / 1000, ok: status === 0 });
  if (status !== 0) break;
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name.padEnd(24)} ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
