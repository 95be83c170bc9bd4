// `npm start` refuses a configuration that is not valid before it starts anything, naming the
// variable, whether the value comes from the environment or from .env.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDotEnv } from "./dot-env";

const ROOT = path.resolve(__dirname, "..");

function start(env: Record<string, string>) {
  // An unreachable database: were validation skipped, the start would fail differently (or hang).
  return spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
}

describe("npm start with a configuration that is not valid", { timeout: 60_000 }, () => {
  it("refuses SIGN_IN_ATTEMPTS_PER_CLIENT=abc with a message naming it", () => {
    const run = start({ SIGN_IN_ATTEMPTS_PER_CLIENT: "abc", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", NEXTAUTH_SECRET: "x".repeat(40), NEXTAUTH_URL: "http://localhost:1" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SIGN_IN_ATTEMPTS_PER_CLIENT: expected a whole number from 1 to 1000000 (got "abc")');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an external database without NEXTAUTH_SECRET and NEXTAUTH_URL", () => {
    const run = start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("NEXTAUTH_SECRET: required with DATABASE_URL");
    expect(run.stderr).toContain("NEXTAUTH_URL: required with DATABASE_URL");
  });
});

describe("loadDotEnv", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "case-review-dotenv-"));
  afterEach(() => {
    delete process.env.CASE_REVIEW_DOTENV_PROBE;
    delete process.env.CASE_REVIEW_DOTENV_KEPT;
  });

  it("reads .env, leaving variables already set alone", () => {
    writeFileSync(path.join(dir, ".env"), "CASE_REVIEW_DOTENV_PROBE=from-file\nCASE_REVIEW_DOTENV_KEPT=from-file\n");
    process.env.CASE_REVIEW_DOTENV_KEPT = "from-environment";
    expect(loadDotEnv(dir)).toBe(true);
    expect(process.env.CASE_REVIEW_DOTENV_PROBE).toBe("from-file");
    expect(process.env.CASE_REVIEW_DOTENV_KEPT).toBe("from-environment");
    rmSync(dir, { recursive: true, force: true });
    expect(loadDotEnv(dir)).toBe(false);
  });
});
