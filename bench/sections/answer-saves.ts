// Issues 5 and 7: answer saves through the real HTTP path (POST /api/cases/<id>/changes with a real
// session cookie per simulated inspector, each change a new UUID on the right base version), at 50
// and 200 concurrent clients, beside the same load on a bare pg insert endpoint (the ceiling). Each
// client edits the rationales of a case of its own, so clients never wait on each other's row locks.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { cpuSecondsOf } from "@/scripts/app-server";
import { BENCH_PASSWORD } from "../large-dataset";
import { signInOverHttp } from "../http-session";
import { errorCount, runLoad, type LoadRequest, type LoadResult } from "../load";
import { ms } from "../measure";
import { verdict, type BenchSection } from "../section";

const CONCURRENCY = (process.env.BENCH_CLIENTS ?? "50,200").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const RSS_LIMIT = 512 * 2 ** 20;

interface Slot {
  caseId: string;
  cookie: string;
  questions: Question[];
  turn: number;
  inFlight?: { question: Question; to: string };
}

interface Question {
  questionId: string;
  version: number;
  rationale: string;
}

const rationale = (n: number) => `Benchmark rationale, revision ${n}: the plan addresses the child's needs and the risks identified in the assessment.`;

/** One case per client (10 per inspector at 200 clients), with its answers' versions and rationales. */
async function loadSlots(databaseUrl: string, inspectionIds: string[], cookies: Map<string, string>, count: number): Promise<Slot[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const perInspector = Math.ceil(count / cookies.size);
    const cases = await client.query<{ id: string; email: string }>(
      `SELECT id, email FROM (
         SELECT c.id, u.email, row_number() OVER (PARTITION BY c.allocated_to ORDER BY c.id) AS n
         FROM cases c JOIN users u ON u.id = c.allocated_to
         WHERE c.inspection_id = ANY($1::uuid[])) ranked
       WHERE n <= $2 ORDER BY n, email`,
      [inspectionIds, perInspector],
    );
    const answers = await client.query<{ case_id: string; question_id: string; version: number; rationale: string }>(
      "SELECT case_id, question_id, version, rationale FROM answers WHERE case_id = ANY($1::uuid[]) ORDER BY question_id",
      [cases.rows.map((c) => c.id)],
    );
    return cases.rows.slice(0, count).map((c) => ({
      caseId: c.id,
      cookie: cookies.get(c.email)!,
      questions: answers.rows.filter((a) => a.case_id === c.id).map((a) => ({ questionId: a.question_id, version: a.version, rationale: a.rationale })),
      turn: 0,
    }));
  } finally {
    await client.end();
  }
}

/** Runs `fn` while sampling the app's resident memory every 100 ms; returns the peaks. */
async function withPeakRss<T>(read: () => { server: number; tree: number }, fn: () => Promise<T>): Promise<{ value: T; peak: number; peakTree: number }> {
  let peak = 0;
  let peakTree = 0;
  const sample = () => {
    const now = read();
    peak = Math.max(peak, now.server);
    peakTree = Math.max(peakTree, now.tree);
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const value = await fn();
    sample();
    return { value, peak, peakTree };
  } finally {
    clearInterval(timer);
  }
}

async function startCeiling(databaseUrl: string): Promise<{ baseUrl: string; cpuSeconds: () => number; stop: () => void }> {
  const child = spawn(path.join(__dirname, "..", "..", "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(__dirname, "..", "pg-insert-server.ts")], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`The pg insert server exited (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, cpuSeconds: () => cpuSecondsOf(child.pid!), stop: () => child.kill("SIGTERM") };
}

const row = (label: string, r: LoadResult, cpuMs: number, rss?: number) =>
  `| ${label} | ${r.concurrency} | ${r.requests} | ${r.throughput.toFixed(0)}/s | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ${ms(cpuMs)} | ${
    errorCount(r) === 0 ? "0" : Object.entries(r.errors).map(([k, v]) => `${v} × ${k}`).join(", ")
  } | ${rss === undefined ? "–" : `${(rss / 2 ** 20).toFixed(0)} MB`} |`;

const section: BenchSection = {
  title: "Answer saves through HTTP at 50 and 200 concurrent clients (issues 5 and 7)",
  async run({ databaseUrl, large, app }) {
    const cookies = new Map<string, string>();
    for (const email of large.inspectorEmails) cookies.set(email, await signInOverHttp(app.baseUrl, email, BENCH_PASSWORD));
    const slots = await loadSlots(databaseUrl, large.inspectionIds, cookies, Math.max(...CONCURRENCY));
    let revision = 0;

    // One request in flight per client: the answer tells the new version, and the client's next
    // change to that answer is based on it (from = the rationale it last saved).
    const sendApp = (client: number): LoadRequest => {
      const slot = slots[client]!;
      const q = slot.questions[slot.turn++ % slot.questions.length]!;
      slot.inFlight = { question: q, to: rationale(++revision) };
      return {
        path: `/api/cases/${slot.caseId}/changes`,
        headers: { Cookie: slot.cookie },
        body: JSON.stringify({
          changes: [
            { changeId: randomUUID(), target: "answer", questionId: q.questionId, baseVersion: q.version, from: { rationale: q.rationale }, to: { rationale: slot.inFlight.to } },
          ],
        }),
      };
    };
    const appCheck = (client: number, _status: number, body: string) => {
      const slot = slots[client]!;
      const result = (JSON.parse(body) as { results?: { status: string; version?: number }[] }).results?.[0];
      if (result?.status !== "applied" || !slot.inFlight) return { error: result?.status ?? "no result" };
      slot.inFlight.question.version = result.version!;
      slot.inFlight.question.rationale = slot.inFlight.to;
      return {};
    };

    // Warm-up: the first requests compile routes and fill the pools; not reported.
    await runLoad({ baseUrl: app.baseUrl, concurrency: 20, durationMs: 3000, next: sendApp, check: appCheck });
    const idleRss = app.rss().server;

    const ceiling = await startCeiling(databaseUrl);
    const results: { clients: number; app: LoadResult; appCpuMs: number; rss: number; rssTree: number; ceiling: LoadResult; ceilingCpuMs: number }[] = [];
    let floor: { result: LoadResult; cpuMs: number } | undefined;
    try {
      // A body of the same shape and size as the app's.
      const payload = JSON.stringify({
        changes: [{ changeId: randomUUID(), target: "answer", questionId: "2.1.1", baseVersion: 1, from: { rationale: rationale(0) }, to: { rationale: rationale(1) } }],
      });
      await runLoad({ baseUrl: ceiling.baseUrl, concurrency: 20, durationMs: 1000, next: () => ({ path: "/", body: payload }) });
      for (const clients of CONCURRENCY) {
        const appCpu = app.cpuSeconds();
        const measured = await withPeakRss(app.rss, () =>
          runLoad({ baseUrl: app.baseUrl, concurrency: clients, durationMs: SECONDS * 1000, next: sendApp, check: appCheck }),
        );
        const appCpuMs = ((app.cpuSeconds() - appCpu) * 1000) / measured.value.requests;
        const ceilingCpu = ceiling.cpuSeconds();
        const bare = await runLoad({ baseUrl: ceiling.baseUrl, concurrency: clients, durationMs: SECONDS * 1000, next: () => ({ path: "/", body: payload }) });
        const ceilingCpuMs = ((ceiling.cpuSeconds() - ceilingCpu) * 1000) / bare.requests;
        results.push({ clients, app: measured.value, appCpuMs, rss: measured.peak, rssTree: measured.peakTree, ceiling: bare, ceilingCpuMs });
      }
      // The framework's own floor on this machine: the app's cheapest route (Next's request handling
      // and one SELECT 1), at the lowest concurrency measured.
      const healthCheck = (): LoadRequest => ({ method: "GET", path: "/api/health" });
      await runLoad({ baseUrl: app.baseUrl, concurrency: 20, durationMs: 1000, next: healthCheck });
      const floorCpu = app.cpuSeconds();
      const health = await runLoad({ baseUrl: app.baseUrl, concurrency: Math.min(...CONCURRENCY), durationMs: SECONDS * 1000, next: healthCheck });
      floor = { result: health, cpuMs: ((app.cpuSeconds() - floorCpu) * 1000) / health.requests };
    } finally {
      ceiling.stop();
    }

    const at50 = results.find((r) => r.clients === 50);
    const at200 = results.find((r) => r.clients === 200);
    const peakRss = Math.max(...results.map((r) => r.rss));
    const peakTree = Math.max(...results.map((r) => r.rssTree));
    const verdicts: string[] = [];
    if (at50) {
      const share = at50.app.throughput / at50.ceiling.throughput;
      verdicts.push(
        verdict(errorCount(at50.app) === 0, `${errorCount(at50.app)} errors at 50 clients (goal: 0).`),
        verdict(at50.app.p95Ms < 50, `p95 ${ms(at50.app.p95Ms)} at 50 clients (goal: under 50 ms).`),
        verdict(share >= 0.5, `${(share * 100).toFixed(1)}% of the ceiling's throughput at 50 clients (goal: at least 50%).`),
      );
    }
    if (at200) verdicts.push(verdict(errorCount(at200.app) === 0, `${errorCount(at200.app)} errors at 200 clients (goal: 0).`));
    verdicts.push(verdict(peakRss < RSS_LIMIT, `peak next-server RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (goal: under 512 MB)${peakTree > peakRss ? `; with its other processes, ${(peakTree / 2 ** 20).toFixed(0)} MB` : ""}.`));
    return [
      `${SECONDS} s per run, closed loop (each client waits for its answer), one keep-alive connection per client, on loopback; the load generator shares the machine's cores with the server and PostgreSQL. Each client is one of ${large.inspectorEmails.length} signed-in inspectors (its own session cookie) editing the rationales of a case allocated to it (${slots.length} cases in all), one change per request with a new UUID on the version the previous answer returned. Errors: non-2xx by status; a 200 whose change was not applied (conflict or refusal) by its status. RSS: peak VmRSS of the next-server process, sampled every 100 ms (${(idleRss / 2 ** 20).toFixed(0)} MB after warm-up). The ceiling: a bare node:http server inserting one row per request into a scratch table through a pg pool of the app's size (10). Server CPU per request: user + system time of the server's processes (not PostgreSQL's) over the run, divided by the requests answered.`,
      "",
      "| Endpoint | Clients | Requests | Throughput | p50 | p95 | p99 | Server CPU per request | Errors | Peak RSS |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...results.flatMap((r) => [row("App: POST /api/cases/<id>/changes", r.app, r.appCpuMs, r.rss), row("Ceiling: bare pg insert", r.ceiling, r.ceilingCpuMs)]),
      ...(floor ? [row("Floor: the app's GET /api/health (Next's request handling + SELECT 1)", floor.result, floor.cpuMs)] : []),
      "",
      ...(floor && at50
        ? [
            `The floor row shows what Next's request handling alone costs here: ${ms(floor.cpuMs)} of server CPU per request for a route that does one \`SELECT 1\`, ${floor.result.throughput.toFixed(0)}/s (${((floor.result.throughput / at50.ceiling.throughput) * 100).toFixed(0)}% of the bare server's throughput) with a p95 of ${ms(floor.result.p95Ms)} at ${floor.result.concurrency} clients${floor.result.p95Ms >= 50 || floor.result.throughput < at50.ceiling.throughput / 2 ? ": the save goals (p95 under 50 ms, half the ceiling's throughput) are beyond what Next itself reaches on this machine" : ""}. A save costs ${ms(at50.appCpuMs - floor.cpuMs)} more than that floor: the session check, the case's rights, and the change's transaction.`,
            "",
          ]
        : []),
      ...verdicts.flatMap((v) => [v, ""]),
    ];
  },
};

export default section;
