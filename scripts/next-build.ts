// Builds the production bundle only when the sources changed since the last build, so `npm start`
// is quick on the second run and never serves a stale build after a pull.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function* files(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield full;
    return;
  }
  for (const child of readdirSync(full).sort()) {
    if (child === "generated" || child === "node_modules" || child.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, child));
  }
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const entry of SOURCES) for (const file of files(entry)) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

export function buildIfStale(log: (line: string) => void = console.log): void {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  const stampFile = path.join(distDir, "case-review-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
    log("The production build is up to date.");
    return;
  }
  log("Building the app for production (about a minute the first time)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile, hash);
}

if (require.main === module) buildIfStale();
