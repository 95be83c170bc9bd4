// The CLI as users run it: a real process, JSON on stdout, exit codes, and no stack traces.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const GOLDEN = path.join(ROOT, "lib/rating/golden");

function rate(args: string[], stdin?: string) {
  const run = spawnSync("npx", ["tsx", "scripts/rate.ts", ...args], {
    cwd: ROOT,
    input: stdin ?? "",
    encoding: "utf8",
    timeout: 60_000,
    // Resolve relative file arguments from the repository root, as npm run would.
    env: { ...process.env, INIT_CWD: ROOT },
  });
  // npx itself may warn about the machine's npm config; that is not the CLI's output.
  const stderr = run.stderr
    .split("\n")
    .filter((line) => !/^npm warn /i.test(line))
    .join("\n");
  return { status: run.status, stdout: run.stdout, stderr };
}

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at /);
}

describe("scripts/rate.ts", { timeout: 60_000 }, () => {
  it("rates a file: Salford 2024 scores 22, Good", () => {
    const { status, stdout, stderr } = rate(["lib/rating/golden/salford-2024.counts.json"]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      "framework", "standards", "score", "maxScore", "overallRating", "complete", "missing", "unscoredRatings",
    ]);
    expect(result).toMatchObject({ score: 22, maxScore: 36, overallRating: "Good", complete: true, unscoredRatings: { "4.1": "Good" } });
    expect(result.standards.find((s: { id: string }) => s.id === "2.1").keyQuestionsWithoutFigures).toEqual([]);
  });

  it("names the key questions a standard had no figures for", () => {
    const input = JSON.stringify({ framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 9, no: 4 }, "2.1.2": { percentYes: 70 } } });
    const { status, stdout } = rate(["-"], input);
    expect(status).toBe(0);
    const standards: { id: string; keyQuestionsWithoutFigures: string[] }[] = JSON.parse(stdout).standards;
    expect(standards.find((s) => s.id === "2.1")?.keyQuestionsWithoutFigures).toEqual(["2.1.3"]);
    expect(standards.find((s) => s.id === "1.1")?.keyQuestionsWithoutFigures).toEqual([]);
  });

  it("rates stdin: Hammersmith and Fulham 2022 scores 31, Outstanding", () => {
    const { status, stdout } = rate([], readFileSync(path.join(GOLDEN, "hammersmith-and-fulham-2022.json"), "utf8"));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ score: 31, overallRating: "Outstanding" });
  });

  it("refuses invalid JSON with an error document and a one-line message", () => {
    const { status, stdout, stderr } = rate([], "{ not json");
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: "invalid_json", path: "$" } });
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expectNoStackTrace(stderr);
  });

  it("refuses an unreadable file", () => {
    const { status, stdout, stderr } = rate(["does-not-exist.json"]);
    expect(status).toBe(1);
    expect(JSON.parse(stdout).error.code).toBe("unreadable_input");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expectNoStackTrace(stderr);
  });

  it("refuses a rule break with its code and JSON path", () => {
    const input = JSON.stringify({
      framework: "yjs-2021",
      keyQuestions: { "2.1.1": { yes: 9, no: 4 }, "2.1.2": { percentYes: 59 } },
      discretion: { "2.1": { rating: "Good", note: "Small sample." } },
    });
    const { status, stdout, stderr } = rate(["-"], input);
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: {
        code: "discretion_out_of_range",
        message: expect.stringContaining("6 points from the 65% boundary"),
        path: '$.discretion["2.1"].rating',
      },
    });
    expect(stderr).toMatch(/^rate: discretion_out_of_range at \$\.discretion\["2\.1"\]\.rating: /);
    expectNoStackTrace(stderr);
  });

  it("refuses a negative count with its path", () => {
    const { status, stdout } = rate([], JSON.stringify({ framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: -1, no: 2 } } }));
    expect(status).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({ code: "invalid_count", path: '$.keyQuestions["2.1.1"].yes' });
  });
});
