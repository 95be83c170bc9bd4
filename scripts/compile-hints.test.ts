import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, markForEagerCompilation } from "./compile-hints";

describe("markForEagerCompilation", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("puts the hint on the first line of every script, in subfolders too, and leaves other files alone", () => {
    mkdirSync(path.join(dir, "nested"));
    writeFileSync(path.join(dir, "a.js"), "(globalThis.TURBOPACK||[]).push([1]);");
    writeFileSync(path.join(dir, "nested", "b.js"), "(()=>{})();");
    writeFileSync(path.join(dir, "styles.css"), "body{margin:0}");
    writeFileSync(path.join(dir, "a.js.map"), "{}");

    expect(markForEagerCompilation(dir)).toBe(2);
    expect(readFileSync(path.join(dir, "a.js"), "utf8")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(readFileSync(path.join(dir, "nested", "b.js"), "utf8")).toBe(`${COMPILE_HINT}(()=>{})();`);
    expect(readFileSync(path.join(dir, "styles.css"), "utf8")).toBe("body{margin:0}");
    expect(readFileSync(path.join(dir, "a.js.map"), "utf8")).toBe("{}");
  });

  it("marks a script once however often the build step runs", () => {
    writeFileSync(path.join(dir, "a.js"), "x();");
    markForEagerCompilation(dir);

    expect(markForEagerCompilation(dir)).toBe(0);
    expect(readFileSync(path.join(dir, "a.js"), "utf8")).toBe(`${COMPILE_HINT}x();`);
  });
});
