// The production artefact: `next build` (output "standalone"), then the standalone folder made
// complete, so it runs on its own with `node <distDir>/standalone/serve.js` (scripts/serve.ts): the
// static assets and public files Next leaves out, the migrations, the dbmate binary and the entry
// script bundled with its dependencies; and the browser scripts marked for eager compilation
// (scripts/compile-hints.ts). A stamp of the sources' hash lets `npm start` (and the test
// runners) build only when the sources changed, so `npm run build && npm start` builds once.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { markForEagerCompilation } from "./compile-hints";
import { checkoutMigrationFiles } from "./migrations";

const root = path.resolve(__dirname, "..");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "prisma/migrations",
  "scripts/serve.ts",
  "scripts/migrations.ts",
  "scripts/dot-env.ts",
  "scripts/next-build.ts",
  "scripts/compile-hints.ts",
];

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

function distDirName(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Where the runnable artefact is: `node <this>/serve.js`. */
export function standaloneDir(): string {
  return path.join(root, distDirName(), "standalone");
}

/** Copies into the standalone folder what `next build` leaves out, and bundles the entry script. */
function completeStandalone(): void {
  const standalone = standaloneDir();
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  };
  copy(path.join(root, distDirName(), "static"), path.join(standalone, distDirName(), "static"));
  copy(path.join(root, "public"), path.join(standalone, "public"));
  const { migrationsDir, dbmate } = checkoutMigrationFiles();
  copy(migrationsDir, path.join(standalone, "prisma", "migrations"));
  mkdirSync(path.join(standalone, "bin"), { recursive: true });
  cpSync(dbmate, path.join(standalone, "bin", "dbmate"));
  chmodSync(path.join(standalone, "bin", "dbmate"), 0o755);
  buildSync({
    entryPoints: [path.join(root, "scripts", "serve.ts")],
    outfile: path.join(standalone, "serve.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: path.join(root, "tsconfig.json"),
    // The entry script is server code: lib/config/env.ts's `import "server-only"` is its empty module.
    conditions: ["react-server"],
    // pg's optional native binding is not installed; the pure JavaScript client is used.
    external: ["pg-native"],
    logLevel: "error",
  });
}

export function build(log: (line: string) => void = console.log): void {
  const stampFile = path.join(root, distDirName(), "case-review-source-hash");
  const hash = sourceHash();
  log("Building the app for production (about a minute the first time)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    // The build's name, which the cases' service worker keeps static files under (next.config.ts).
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CASE_REVIEW_BUILD: hash.slice(0, 16) },
  });
  if (result.status !== 0) throw new Error("next build failed");
  log(`Marked ${markForEagerCompilation(path.join(root, distDirName(), "static", "chunks"))} browser scripts for eager compilation.`);
  completeStandalone();
  writeFileSync(stampFile, hash);
}

export function buildIfStale(log: (line: string) => void = console.log): void {
  const stampFile = path.join(root, distDirName(), "case-review-source-hash");
  if (existsSync(path.join(standaloneDir(), "serve.js")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === sourceHash()) {
    log("The production build is up to date.");
    return;
  }
  build(log);
}

// `npm run build` always builds (and stamps); `tsx scripts/next-build.ts --if-stale` only when needed.
if (require.main === module) {
  if (process.argv.includes("--if-stale")) buildIfStale();
  else build();
}
