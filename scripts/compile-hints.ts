// Marks the build's browser scripts for eager compilation with V8's explicit compile hint (a first-line
// comment Chromium honours from version 136; other browsers read a comment). Without it, V8 compiles
// each module's function on the main thread the first time the module runs, and on the case page that
// was most of the longest task of the load: React's and Next's modules compiled one after another as
// the app started (bench/RESULTS.md, "Compilation on the main thread"). With it, Chromium compiles a
// whole file on a background thread while the file downloads. Every chunk is marked: each is either
// loaded as a page starts, which runs most of it, or fetched on demand just before it runs.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Prefixes every `.js` file under `dir` with the compile hint, once; returns how many it marked. */
export function markForEagerCompilation(dir: string): number {
  let marked = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      marked += markForEagerCompilation(file);
      continue;
    }
    if (!name.endsWith(".js")) continue;
    const source = readFileSync(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + source);
    marked++;
  }
  return marked;
}
