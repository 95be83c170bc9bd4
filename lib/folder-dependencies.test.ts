import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/'s folders depend on each other in one direction only: no folder imports one that imports it
// back, directly or through others. A cycle is a folder group that should be one concept, or a
// shared piece that wants its own home (as lib/inspections/kernel.ts and lib/framework/eligibility-window.ts).

const LIB = path.resolve(__dirname);
const ROOT = path.resolve(__dirname, "..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^;]*?from\s+)?["']([^"']+)["']/g;

/** The lib/ folder a module belongs to ("(lib)" for modules at lib/'s top level). */
function folderOf(file: string): string {
  const parts = path.relative(LIB, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : "(lib)";
}

/** Where an import specifier of `file` leads, when it is one of the repository's own modules. */
function resolved(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return null;
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") yield* sources(full);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      yield full;
    }
  }
}

/** Folder → the other lib/ folders its modules import, with one importing file per edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(LIB)) {
    const from = folderOf(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = specifier!.startsWith("@/lib/")
        ? path.join(LIB, specifier!.slice("@/lib/".length))
        : specifier!.startsWith(".")
          ? path.resolve(path.dirname(file), specifier!)
          : null;
      if (!target || !target.startsWith(LIB + path.sep)) continue;
      const to = folderOf(target);
      if (to === from || to === "generated") continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, path.relative(LIB, file));
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Groups of folders that reach each other (Tarjan's strongly connected components, size > 1). */
function cyclesOf(graph: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe("lib/ folder dependencies", () => {
  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts"]])],
      ["b", new Map([["c", "b/y.ts"]])],
      ["c", new Map([["a", "c/z.ts"]])],
      ["d", new Map([["a", "d/w.ts"]])],
    ]);
    expect(cyclesOf(graph)).toEqual([["a", "b", "c"]]);
  });

  it("has no folder that imports one importing it back", () => {
    const graph = folderGraph();
    expect(graph.get("sampling")?.has("framework")).toBe(true); // the graph is read from the sources
    const explained = cyclesOf(graph).map((group) =>
      group.map((folder) => `${folder} → ${group.filter((other) => graph.get(folder)?.has(other)).map((other) => `${other} (${graph.get(folder)!.get(other)})`).join(", ")}`),
    );
    expect(explained).toEqual([]);
  });

  it("has no component that imports from app/: pages hand their server actions down as props", () => {
    const APP = path.join(ROOT, "app") + path.sep;
    const offending = [...sources(path.join(ROOT, "components"))].flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(IMPORT)]
        .filter(([, specifier]) => resolved(file, specifier!)?.startsWith(APP))
        .map(([, specifier]) => `${path.relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
