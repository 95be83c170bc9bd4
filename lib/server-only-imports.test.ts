import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Code that reads the database or holds a secret starts with `import "server-only"`: `next build`
// then fails when a client component ("use client") imports it, directly or through other modules,
// rather than shipping it to the browser. This test says the same in a second, before any build,
// and keeps the marking complete: every lib/ module that touches the database or the environment's
// secrets carries the marker itself, so a reader sees it at the top.

const ROOT = path.resolve(__dirname, "..");
const MARKER = "server-only";

/** Value imports only: `import type` and imports of types alone vanish from the compiled module. */
function valueImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** `actions`: a "use server" module, which a client module receives as references to call, never as code. */
type Module = { client: boolean; actions: boolean; serverOnly: boolean; imports: string[] };

/** Where a specifier leads among the repository's own modules (null for packages and data files). */
function resolveModule(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function readModule(file: string): Module {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const directive = first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const specifiers = valueImports(source);
  return {
    client: directive === "use client",
    actions: directive === "use server",
    serverOnly: specifiers.includes(MARKER),
    imports: specifiers.flatMap((specifier) => resolveModule(file, specifier) ?? []),
  };
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") yield* sources(full);
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      yield full;
    }
  }
}

function appModules(): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const dir of ["app", "components", "lib"]) for (const file of sources(path.join(ROOT, dir))) modules.set(file, readModule(file));
  return modules;
}

/** For each client module, the chain of imports that leads it to a module marked server-only. */
function clientChainsToServerOnly(modules: ReadonlyMap<string, Module>): string[][] {
  const chains: string[][] = [];
  for (const [entry, module] of modules) {
    if (!module.client) continue;
    // Breadth-first, so the chain reported is a shortest one.
    const cameFrom = new Map<string, string | null>([[entry, null]]);
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const current = modules.get(file);
      if (!current || current.actions) continue;
      if (current.serverOnly) {
        const chain: string[] = [];
        for (let at: string | null = file; at !== null; at = cameFrom.get(at) ?? null) chain.unshift(at);
        chains.push(chain);
        break;
      }
      for (const next of current.imports) {
        if (!cameFrom.has(next)) {
          cameFrom.set(next, file);
          queue.push(next);
        }
      }
    }
  }
  return chains;
}

const relative = (file: string) => path.relative(ROOT, file);

describe('import "server-only"', () => {
  it("finds a client module that reaches server code through others, but not through server actions", () => {
    const modules = new Map<string, Module>([
      ["form.tsx", { client: true, actions: false, serverOnly: false, imports: ["rules.ts", "actions.ts"] }],
      ["rules.ts", { client: false, actions: false, serverOnly: false, imports: ["queries.ts"] }],
      ["queries.ts", { client: false, actions: false, serverOnly: true, imports: [] }],
      ["actions.ts", { client: false, actions: true, serverOnly: false, imports: ["queries.ts"] }],
      ["button.tsx", { client: true, actions: false, serverOnly: false, imports: ["actions.ts"] }],
      ["page.tsx", { client: false, actions: false, serverOnly: false, imports: ["queries.ts", "form.tsx"] }],
    ]);
    expect(clientChainsToServerOnly(modules)).toEqual([["form.tsx", "rules.ts", "queries.ts"]]);
  });

  it("is imported by no client module, directly or through others", () => {
    const modules = appModules();
    // The sources are read: there are client modules, marked modules, and imports between them.
    expect([...modules.values()].filter((m) => m.client).length).toBeGreaterThan(10);
    expect(modules.get(path.join(ROOT, "lib/db/client.ts"))?.serverOnly).toBe(true);
    expect(modules.get(path.join(ROOT, "components/case/case-workspace.tsx"))?.imports.length).toBeGreaterThan(3);
    expect(clientChainsToServerOnly(modules).map((chain) => chain.map(relative).join(" → "))).toEqual([]);
  });

  it("marks every lib/ module that touches the database or the environment's secrets", () => {
    const TOUCHES = [/^@\/lib\/db\//, /^\.\/(client|sql)$/, /^@\/lib\/config\/env$/];
    // Being rewritten beside this check (issue 13's report work); reached only through lib/db, which is marked.
    const NOT_YET = new Set(["lib/report/narratives.ts", "lib/report/recommendations.ts", "lib/report/report-page.ts"]);
    const unmarked = [...sources(path.join(ROOT, "lib"))].filter((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
      const specifiers = valueImports(source);
      const touches = relative(file) === "lib/config/env.ts" || specifiers.some((s) => TOUCHES.some((pattern) => pattern.test(s)));
      return touches && !specifiers.includes(MARKER) && !NOT_YET.has(relative(file));
    });
    expect(unmarked.map(relative)).toEqual([]);
  });
});
