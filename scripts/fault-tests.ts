// Fault tests (issue 7), a step of `npm test`: the production build on a fresh embedded PostgreSQL
// with the demo data, driven from Chromium, while this process breaks things underneath it:
//   1. kill -9 of the Next server in the middle of a stream of answer saves, then a restart on the
//      same port: every save the page saw acknowledged is in the database, and the page's IndexedDB
//      outbox resends the rest by itself, each change applied exactly once.
//   2. PostgreSQL stopped (fast shutdown) and started again on the same data while saves are being
//      sent: the app answers errors meanwhile, recovers by itself without a restart, and nothing
//      acknowledged is lost.
// Runs with node:test (`tsx scripts/fault-tests.ts`); NEXT_DIST_DIR picks the build folder, and
// FAULTS_LOG=1 shows the server's errors and each failed load save.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "@/bench/http-session";
import { allKeyQuestions, getFramework } from "@/lib/framework";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from "./demo-data";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";
import { buildIfStale } from "./next-build";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"];
const email = (key: string) => DEMO_USERS.find((u) => u.key === key)!.email;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let tmp: string;
let dataDir: string;
let dbPort: number;
let database: EmbeddedDatabase;
let databaseUrl: string;
let app: AppServer;
let browser: Browser;
/** The test process's own connection pool (survives the database restart: broken clients are dropped). */
let pool: pg.Pool;

async function startDatabase(): Promise<void> {
  database = await startEmbeddedDatabase({ dataDir, port: dbPort, database: "case_review_faults" });
  databaseUrl = database.url;
}

/** Cases of Northbridge (demo data) allocated to `user`, answerable ones first by reference. */
async function casesOf(user: string): Promise<{ id: string; inspectionId: string; stream: "court" | "out_of_court" }[]> {
  const rows = await pool.query<{ id: string; inspection_id: string; stream: "court" | "out_of_court" }>(
    `SELECT c.id, c.inspection_id, c.stream::text AS stream FROM cases c JOIN users u ON u.id = c.allocated_to JOIN inspections i ON i.id = c.inspection_id
     WHERE u.email = $1 AND i.yjs_name LIKE 'Northbridge%' AND c.stream <> 'resettlement' ORDER BY c.reference`,
    [user],
  );
  return rows.rows.map((r) => ({ id: r.id, inspectionId: r.inspection_id, stream: r.stream }));
}

/** Watches the page's saves: change ids it sent, and those the server acknowledged (applied or duplicate). */
function watchSaves(page: Page) {
  const sent = new Set<string>();
  const acknowledged = new Set<string>();
  const duplicates = new Set<string>();
  const statuses: number[] = [];
  let onSend: (() => void) | null = null;
  page.on("request", (request) => {
    if (!/\/api\/cases\/[^/]+\/changes$/.test(request.url())) return;
    for (const change of (JSON.parse(request.postData() ?? "{}") as { changes?: { changeId: string }[] }).changes ?? []) sent.add(change.changeId);
    onSend?.();
  });
  page.on("response", (response) => {
    if (!/\/api\/cases\/[^/]+\/changes$/.test(response.url())) return;
    statuses.push(response.status());
    response.json().then(
      (body: { results?: { changeId: string; status: string }[] }) => {
        for (const r of body.results ?? []) if (r.status === "applied" || r.status === "duplicate") acknowledged.add(r.changeId);
        for (const r of body.results ?? []) if (r.status === "duplicate") duplicates.add(r.changeId);
      },
      () => undefined,
    );
  });
  return {
    sent,
    acknowledged,
    duplicates,
    statuses,
    /** Runs `fn` once, as the next save request leaves the browser. */
    onNextSend(fn: () => void) {
      onSend = () => {
        onSend = null;
        fn();
      };
    },
  };
}

async function openCaseAs(user: string, kase: { id: string; inspectionId: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseUrl });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto(`/inspections/${kase.inspectionId}/cases/${kase.id}`);
  await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
  return page;
}

/** The key questions the page asks (ids in page order), read from the answer groups' names. */
async function questionIds(page: Page): Promise<string[]> {
  const names = await page.getByRole("group").evaluateAll((groups) => groups.map((g) => g.querySelector("legend")?.textContent ?? ""));
  return names.map((n) => /^\s*(\d\.\d\.\d{1,2})\s/.exec(n)?.[1]).filter((id): id is string => Boolean(id));
}

const groupOf = (page: Page, questionId: string) => page.getByRole("group", { name: new RegExp(`^${questionId.replaceAll(".", "\\.")} `) });

/** One inspector's edit: an answer, then a rationale typed key by key (debounced by the page). */
async function answer(page: Page, questionId: string, value: "Yes" | "No", rationale: string): Promise<void> {
  await groupOf(page, questionId).getByRole("radio", { name: value, exact: true }).check();
  const box = page.getByLabel(`Rationale for ${questionId}`);
  await box.fill("");
  await box.pressSequentially(rationale, { delay: 5 });
}

/** IndexedDB's outbox: changes still waiting in this browser. */
const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("case-review");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("changes").objectStore("changes").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

async function appliedIds(ids: Iterable<string>): Promise<Set<string>> {
  const rows = await pool.query<{ change_id: string }>("SELECT change_id FROM applied_changes WHERE change_id = ANY($1::uuid[])", [[...ids]]);
  return new Set(rows.rows.map((r) => r.change_id));
}

/**
 * Exactly once: every applied change that moved an answer has one audit event with its version, and
 * each answer's audit trail is versions 1..n without a gap or a repeat.
 */
async function assertAppliedOnce(caseId: string): Promise<void> {
  const answers = await pool.query<{ id: string; question_id: string; version: number }>("SELECT id, question_id, version FROM answers WHERE case_id = $1", [caseId]);
  const events = await pool.query<{ entity_id: string; version: number }>(
    "SELECT entity_id, (after->>'version')::int AS version FROM audit_events WHERE case_id = $1 AND action = 'answer.changed'",
    [caseId],
  );
  for (const a of answers.rows) {
    const versions = events.rows.filter((e) => e.entity_id === a.id).map((e) => e.version).sort((x, y) => x - y);
    assert.deepEqual(versions, Array.from({ length: a.version }, (_, i) => i + 1), `audit trail of ${a.question_id}: one event per version`);
  }
  const applied = await pool.query<{ question_id: string; version: number }>(
    "SELECT response->>'questionId' AS question_id, (response->>'version')::int AS version FROM applied_changes WHERE case_id = $1 AND response->>'status' = 'applied' AND response->>'target' = 'answer'",
    [caseId],
  );
  const keys = applied.rows.map((r) => `${r.question_id}@${r.version}`);
  assert.equal(new Set(keys).size, keys.length, "no two applied changes produced the same answer version");
  const total = answers.rows.reduce((sum, a) => sum + a.version, 0);
  assert.equal(applied.rows.length, total, "one applied change per answer version");
}

async function storedAnswers(caseId: string): Promise<Map<string, { value: string | null; rationale: string }>> {
  const rows = await pool.query<{ question_id: string; value: string | null; rationale: string }>("SELECT question_id, value::text, rationale FROM answers WHERE case_id = $1", [caseId]);
  return new Map(rows.rows.map((r) => [r.question_id, { value: r.value, rationale: r.rationale }]));
}

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  buildIfStale();
  tmp = mkdtempSync(path.join(os.tmpdir(), "case-review-faults-"));
  dataDir = path.join(tmp, "pg");
  dbPort = await freePort();
  await startDatabase();
  await applyMigrations(databaseUrl);
  loadDemoData(databaseUrl);
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  app = await startAppServer({ databaseUrl, port: await freePort(), log: Boolean(process.env.FAULTS_LOG) });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await pool?.end();
  await database?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("faults", { timeout: 150_000 }, () => {
  test("kill -9 of the server mid-stream: acknowledged saves kept, the outbox resends the rest exactly once", async () => {
    const kase = (await casesOf(email("inspector")))[0]!;
    const page = await openCaseAs(email("inspector"), kase);
    const saves = watchSaves(page);
    const questions = (await questionIds(page)).slice(0, 6);
    assert.ok(questions.length >= 6, "the case asks at least six key questions");
    const typed = new Map<string, { value: string; rationale: string }>();
    const edit = async (questionId: string, value: "Yes" | "No", rationale: string) => {
      await answer(page, questionId, value, rationale);
      typed.set(questionId, { value: value.toLowerCase(), rationale });
    };

    // Saves flowing normally.
    await edit(questions[0]!, "Yes", "The assessment drew on the education and health records.");
    await edit(questions[1]!, "No", "Diversity needs were not analysed.");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();

    // The server dies (SIGKILL to its whole process group) as the next save leaves the browser.
    const crash: { done?: Promise<void> } = {};
    saves.onNextSend(() => (crash.done = app.crash()));
    await edit(questions[2]!, "Yes", "Strengths and protective factors were identified.");
    await page.waitForTimeout(200);
    assert.ok(crash.done, "the server was killed while a save was on its way");
    await crash.done;
    const acknowledgedBeforeCrash = new Set(saves.acknowledged);

    // The inspector carries on: the page keeps the changes and says they are not saved.
    await edit(questions[1]!, "No", "Diversity needs were not analysed, and the plan ignored them.");
    await edit(questions[3]!, "No", "Planning did not involve the child's parents.");
    await edit(questions[4]!, "Yes", "Contingency arrangements were clear.");
    await page.getByRole("status").filter({ hasText: "Couldn't save" }).waitFor();
    await page.waitForTimeout(1500); // the last rationale's debounce
    const waiting = await queued(page);
    assert.ok(waiting > 0, "unsent changes are kept in IndexedDB while the server is down");

    // Restarted on the same port: every save the page saw acknowledged survived the crash.
    await app.restart();
    const survived = await appliedIds(acknowledgedBeforeCrash);
    assert.equal(survived.size, acknowledgedBeforeCrash.size, "every acknowledged save is in the database after kill -9");
    assert.ok(acknowledgedBeforeCrash.size >= 2);

    // The outbox resends by itself (its timer with backoff; no reload, no click).
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 45_000 });
    assert.equal(await queued(page), 0, "the outbox is empty");
    const applied = await appliedIds(saves.sent);
    assert.deepEqual([...saves.sent].filter((id) => !applied.has(id)), [], "every change the page sent is applied");
    assert.ok(saves.statuses.every((s) => s === 200), `the restarted server answered every resend with 200 (${saves.statuses.join(", ")})`);

    const stored = await storedAnswers(kase.id);
    for (const [questionId, expected] of typed) assert.deepEqual(stored.get(questionId), expected, `key question ${questionId} holds what was typed last`);
    await assertAppliedOnce(kase.id);
    console.log(
      `# ${acknowledgedBeforeCrash.size} saves acknowledged before the kill; ${waiting} changes waiting in IndexedDB while the server was down; ${saves.sent.size} changes sent in all, all applied once (${saves.duplicates.size} resends answered as duplicates)`,
    );
    await page.context().close();
  });

  test("PostgreSQL restart under load: errors meanwhile, recovery without an app restart, nothing acknowledged lost", async () => {
    const pidBefore = app.pid();
    const [pageCase] = await casesOf(email("inspector")).then((c) => c.slice(1));
    const loadCases = await casesOf(email("inspector2"));
    assert.ok(pageCase && loadCases.length >= 2);

    // Load: eight clients as inspector2, each owning one answer of inspector2's cases and resending a
    // change (same id) until it is acknowledged, as the outbox does; plus the inspector in the browser.
    const cookie = await signInOverHttp(app.baseUrl, email("inspector2"), DEMO_PASSWORD);
    const framework = getFramework("yjs-2021");
    const owned = loadCases.flatMap((kase) =>
      allKeyQuestions(framework)
        .filter((kq) => kq.appliesTo.stream === kase.stream)
        .slice(0, 4)
        .map((kq) => ({ caseId: kase.id, questionId: kq.id })),
    );
    const acknowledged: string[] = [];
    const outcomes: { at: number; status: number }[] = [];
    let stop = false;
    const client = async ({ caseId, questionId }: { caseId: string; questionId: string }, n: number) => {
      let version = 0;
      let current = "";
      while (!stop) {
        const changeId = randomUUID();
        const to = `Load rationale ${n}:${Date.now()}`;
        for (;;) {
          let status = 0;
          let result: { status: string; version?: number } | undefined;
          try {
            const response = await fetch(`${app.baseUrl}/api/cases/${caseId}/changes`, {
              method: "POST",
              headers: { "Content-Type": "application/json", Cookie: cookie },
              body: JSON.stringify({ changes: [{ changeId, target: "answer", questionId, baseVersion: version, from: { rationale: current }, to: { rationale: to } }] }),
              signal: AbortSignal.timeout(10_000),
            });
            status = response.status;
            result = ((await response.json().catch(() => ({}))) as { results?: { status: string; version?: number }[] }).results?.[0];
          } catch {
            status = 0;
          }
          outcomes.push({ at: Date.now(), status });
          if (process.env.FAULTS_LOG && status !== 200) console.log("client", n, questionId, status, Date.now());
          if (status === 200 && (result?.status === "applied" || result?.status === "duplicate")) {
            acknowledged.push(changeId);
            version = result.version ?? version;
            current = to;
            break;
          }
          if (status === 200) throw new Error(`A load save was refused: ${result?.status}`);
          if (stop) return;
          await sleep(200);
        }
      }
    };
    const page = await openCaseAs(email("inspector"), pageCase);
    const saves = watchSaves(page);
    const questions = (await questionIds(page)).slice(0, 4);
    const typed = new Map<string, { value: string; rationale: string }>();
    const running = owned.map((o, n) => client(o, n));

    await answer(page, questions[0]!, "Yes", "Reviewing took account of the new offence.");
    typed.set(questions[0]!, { value: "yes", rationale: "Reviewing took account of the new offence." });
    await sleep(1500);
    const okBefore = outcomes.filter((o) => o.status === 200).length;
    assert.ok(okBefore > 0, "saves succeed before the restart");
    const health = async () => (await fetch(`${app.baseUrl}/api/health`)).status;
    assert.equal(await health(), 200, "the health check passes before the restart");

    // Fast shutdown (open sessions terminated), a pause, then the same data directory and port.
    const stoppedAt = Date.now();
    await database.stop();
    await answer(page, questions[1]!, "No", "The review was late and missed the school exclusion.");
    typed.set(questions[1]!, { value: "no", rationale: "The review was late and missed the school exclusion." });
    await sleep(2000);
    assert.equal(await health(), 503, "the health check tells a load balancer the database is unreachable");
    await startDatabase();
    const restartedAt = Date.now();
    await answer(page, questions[2]!, "Yes", "The plan was updated after the review.");
    typed.set(questions[2]!, { value: "yes", rationale: "The plan was updated after the review." });

    // Recovery by itself: successful saves again within 15 s of the database coming back.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !outcomes.some((o) => o.at > restartedAt && o.status === 200)) await sleep(100);
    await sleep(2000);
    stop = true;
    await Promise.all(running);

    const during = outcomes.filter((o) => o.at >= stoppedAt && o.at <= restartedAt + 500);
    assert.ok(
      during.some((o) => o.status >= 500 || o.status === 0),
      "the app answered errors while the database was down",
    );
    const recoveredAt = outcomes.find((o) => o.at > restartedAt && o.status === 200)?.at;
    assert.ok(recoveredAt, "saves succeed again after the database restart, without restarting the app");
    assert.equal(await health(), 200, "the health check passes again");
    assert.equal(app.pid(), pidBefore, "the app was not restarted");
    const lastErrors = outcomes.filter((o) => o.at > (recoveredAt ?? 0) + 1000 && o.status !== 200);
    assert.deepEqual(lastErrors, [], "no errors once recovered");

    // Nothing acknowledged lost, for the load clients and for the browser (whose outbox drains itself).
    const applied = await appliedIds(acknowledged);
    assert.equal(applied.size, acknowledged.length, "every acknowledged save is in the database");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 45_000 });
    assert.equal(await queued(page), 0);
    const pageApplied = await appliedIds(saves.sent);
    assert.deepEqual([...saves.sent].filter((id) => !pageApplied.has(id)), []);
    const stored = await storedAnswers(pageCase.id);
    for (const [questionId, expected] of typed) assert.deepEqual(stored.get(questionId), expected, `key question ${questionId} holds what was typed last`);
    for (const kase of [pageCase, ...loadCases]) await assertAppliedOnce(kase.id);
    console.log(
      `# database down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; app saving again ${((recoveredAt! - restartedAt) / 1000).toFixed(1)} s after it came back; ${acknowledged.length} load saves acknowledged, ${outcomes.filter((o) => o.status !== 200).length} errors answered meanwhile`,
    );
    await page.context().close();
  });
});
