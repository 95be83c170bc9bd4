// Issue 12: how much of the case page's load is compiling JavaScript on the main thread, with the
// build's compile hint (scripts/compile-hints.ts) and without it, in the same run. The page is loaded
// in Chromium as its inspector at 4× CPU throttling (DevTools throttling, which slows the main thread
// only), alternately as built and with the hint taken off each script as it is served (both variants
// go through the same interception), and a trace of each load is read for the main thread's
// compilation and its long tasks.
import { chromium, type Browser } from "@playwright/test";
import { COMPILE_HINT } from "@/scripts/compile-hints";
import { CHROMIUM, CHROMIUM_ARGS } from "@/scripts/fault-harness";
import { courtCasePage, sessionCookies } from "../case-page";
import { medianOfRuns, verdict, type BenchSection } from "../section";

const RUNS = Number(process.env.BENCH_COMPILE_RUNS ?? 5);
const CPU_SLOWDOWN = 4;
/** A task longer than this blocks input; what it lasts beyond it is its blocking time (as Lighthouse counts). */
const LONG_TASK_MS = 50;
const COMPILE_EVENTS = new Set(["V8.CompileCode", "v8.compile"]);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface Load {
  /** Milliseconds the main thread spent compiling (overlapping events counted once). */
  compile: number;
  /** Sum over the main thread's tasks after the first contentful paint of what each lasted beyond 50 ms. */
  blocking: number;
  longest: number;
}

/** The page's renderer main thread: the one whose tasks took longest in all. */
function readTrace(events: TraceEvent[]): Load {
  const busy = new Map<string, number>();
  for (const e of events) if (e.name === "RunTask" && e.dur) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const mainThreads = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const [main] = [...busy].filter(([thread]) => mainThreads.has(thread)).sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!main) throw new Error("The trace has no renderer main thread");
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X" && e.dur !== undefined);
  const paint = events.find((e) => e.name === "firstContentfulPaint" && String(e.pid) === main.split(":")[0]);
  const tasks = onMain.filter((e) => e.name === "RunTask" && (!paint || e.ts >= paint.ts)).map((e) => e.dur! / 1000);
  let compile = 0;
  let reached = -Infinity;
  for (const e of onMain.filter((e) => COMPILE_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + e.dur!;
    if (end <= reached) continue;
    compile += (end - Math.max(e.ts, reached)) / 1000;
    reached = end;
  }
  return { compile, blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - LONG_TASK_MS), 0), longest: Math.max(...tasks) };
}

async function load(browser: Browser, caseUrl: string, cookie: string, withHint: boolean): Promise<Load> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addCookies(sessionCookies(cookie, caseUrl));
    const page = await context.newPage();
    let served = 0;
    // Noted here and refused after the load: an error thrown in a route handler escapes the section's
    // try/finally, and the bench would exit leaving its database and server running.
    const unmarked: string[] = [];
    await page.route("**/_next/static/**/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      served++;
      if (!body.startsWith(COMPILE_HINT)) unmarked.push(new URL(route.request().url()).pathname);
      await route.fulfill({ response, body: withHint || !body.startsWith(COMPILE_HINT) ? body : body.slice(COMPILE_HINT.length) });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.compile"] });
    const response = await page.goto(caseUrl, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`The case page answered ${response?.status()}`);
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    if (served === 0) throw new Error("No script went through the interception");
    if (unmarked.length > 0) throw new Error(`The build's scripts lack the compile hint (scripts/compile-hints.ts), so there is nothing to compare: ${unmarked.join(", ")}`);
    return readTrace(trace.traceEvents);
  } finally {
    await context.close();
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString("en-GB")} ms`;

const section: BenchSection = {
  title: "Compilation on the main thread as the case page loads (issue 12)",
  async run(context) {
    const { caseUrl, cookie } = await courtCasePage(context);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const runs: Record<"hint" | "none", Load[]> = { hint: [], none: [] };
    try {
      for (let i = 0; i < RUNS; i++) {
        console.log(`  compile ${i + 1}/${RUNS}`);
        runs.none.push(await load(browser, caseUrl, cookie, false));
        runs.hint.push(await load(browser, caseUrl, cookie, true));
      }
    } finally {
      await browser.close();
    }
    const row = (name: string, loads: Load[]) =>
      `| ${name} | ${ms(medianOfRuns(loads.map((l) => l.compile)))} (${loads.map((l) => Math.round(l.compile)).join(", ")}) | ${ms(medianOfRuns(loads.map((l) => l.blocking)))} (${loads.map((l) => Math.round(l.blocking)).join(", ")}) | ${ms(medianOfRuns(loads.map((l) => l.longest)))} |`;
    const compile = { hint: medianOfRuns(runs.hint.map((l) => l.compile)), none: medianOfRuns(runs.none.map((l) => l.compile)) };
    const blocking = { hint: medianOfRuns(runs.hint.map((l) => l.blocking)), none: medianOfRuns(runs.none.map((l) => l.blocking)) };
    return [
      `A court case page loaded ${RUNS} times in each variant in Chromium as its inspector, at ${CPU_SLOWDOWN}× CPU throttling (DevTools throttling: the main thread only), its service worker blocked, until the outbox says "All changes saved"; the variants alternate. Each script is served through an interception that passes it on as built or with the compile hint's first line taken off. From each load's trace: the main thread's compilation (V8's compile events, overlaps counted once), and its blocking time (what each task after the first contentful paint lasted beyond ${LONG_TASK_MS} ms). Medians, with every run.`,
      "",
      "| Scripts | Compilation on the main thread | Blocking time | Longest task |",
      "|---|---|---|---|",
      row("With the compile hint (as built)", runs.hint),
      row("Hint taken off", runs.none),
      `| with ÷ without | ${(compile.hint / compile.none).toFixed(2)} | ${(blocking.hint / blocking.none).toFixed(2)} | |`,
      "",
      verdict(compile.hint < compile.none / 2, `the compile hint takes the case page's main-thread compilation from ${ms(compile.none)} to ${ms(compile.hint)} and its blocking time from ${ms(blocking.none)} to ${ms(blocking.hint)} at ${CPU_SLOWDOWN}× throttling (goal: at least halve the compilation).`),
    ];
  },
};

export default section;
