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
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "@/bench/http-session";
import { startAppServer, type AppServer } from "./app-server";
import { DEMO_PASSWORD, loadDemoData } from "./demo-data";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { applyMigrations } from "./migrations";
import { appliedIds, casesOf, CHROMIUM, CHROMIUM_ARGS, email, firstQuestionsOf, queued, questionIds, requireChromium, signIn, sleep, storedAnswers, typedEdits, watchSaves } from "./fault-harness";
import { buildIfStale } from "./next-build";

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

async function openCaseAs(user: string, kase: { id: string; inspectionId: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseUrl });
  const page = await context.newPage();
  await signIn(page, user);
  await page.goto(`/inspections/${kase.inspectionId}/cases/${kase.id}`);
  await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
  return page;
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

before(async () => {
  requireChromium();
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
    const kase = (await casesOf(pool, email("inspector")))[0]!;
    const page = await openCaseAs(email("inspector"), kase);
    const saves = watchSaves(page);
    const questions = (await questionIds(page)).slice(0, 6);
    assert.ok(questions.length >= 6, "the case asks at least six key questions");
    const { typed, edit } = typedEdits(page);

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
    const survived = await appliedIds(pool, acknowledgedBeforeCrash);
    assert.equal(survived.size, acknowledgedBeforeCrash.size, "every acknowledged save is in the database after kill -9");
    assert.ok(acknowledgedBeforeCrash.size >= 2);

    // The outbox resends by itself (its timer with backoff; no reload, no click).
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 45_000 });
    assert.equal(await queued(page), 0, "the outbox is empty");
    const applied = await appliedIds(pool, saves.sent);
    assert.deepEqual([...saves.sent].filter((id) => !applied.has(id)), [], "every change the page sent is applied");
    assert.ok(saves.statuses.every((s) => s === 200), `the restarted server answered every resend with 200 (${saves.statuses.join(", ")})`);

    const stored = await storedAnswers(pool, kase.id);
    for (const [questionId, expected] of typed) assert.deepEqual(stored.get(questionId), expected, `key question ${questionId} holds what was typed last`);
    await assertAppliedOnce(kase.id);
    console.log(
      `# ${acknowledgedBeforeCrash.size} saves acknowledged before the kill; ${waiting} changes waiting in IndexedDB while the server was down; ${saves.sent.size} changes sent in all, all applied once (${saves.duplicates.size} resends answered as duplicates)`,
    );
    await page.context().close();
  });

  test("PostgreSQL restart under load: errors meanwhile, recovery without an app restart, nothing acknowledged lost", async () => {
    const pidBefore = app.pid();
    const [pageCase] = await casesOf(pool, email("inspector")).then((c) => c.slice(1));
    const loadCases = await casesOf(pool, email("inspector2"));
    assert.ok(pageCase && loadCases.length >= 2);

    // Load: eight clients as inspector2, each owning one answer of inspector2's cases and resending a
    // change (same id) until it is acknowledged, as the outbox does; plus the inspector in the browser.
    const cookie = await signInOverHttp(app.baseUrl, email("inspector2"), DEMO_PASSWORD);
    const owned = firstQuestionsOf(loadCases);
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
    const { typed, edit } = typedEdits(page);
    const running = owned.map((o, n) => client(o, n));

    await edit(questions[0]!, "Yes", "Reviewing took account of the new offence.");
    await sleep(1500);
    const okBefore = outcomes.filter((o) => o.status === 200).length;
    assert.ok(okBefore > 0, "saves succeed before the restart");
    const health = async () => (await fetch(`${app.baseUrl}/api/health`)).status;
    assert.equal(await health(), 200, "the health check passes before the restart");

    // Fast shutdown (open sessions terminated), a pause, then the same data directory and port.
    const stoppedAt = Date.now();
    await database.stop();
    await edit(questions[1]!, "No", "The review was late and missed the school exclusion.");
    await sleep(2000);
    assert.equal(await health(), 503, "the health check tells a load balancer the database is unreachable");
    // A page opened meanwhile: the root layout's session query fails, so the browser renders the
    // service-problem page in place of the whole document (app/global-error.tsx), its explanation
    // loaded from the static files, which need no database.
    const other = await page.context().newPage();
    const failed = await other.goto("/");
    assert.equal(failed?.status(), 500, "a page opened while the database is down answers 500");
    await other.getByRole("heading", { name: "Sorry, there is a problem with the service" }).waitFor();
    await other.getByRole("button", { name: "Try again" }).waitFor();
    assert.ok(await other.getByText("Answers and rationales you entered in a case are kept in this browser").isVisible());
    await other.close();
    await startDatabase();
    const restartedAt = Date.now();
    await edit(questions[2]!, "Yes", "The plan was updated after the review.");

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
    const applied = await appliedIds(pool, acknowledged);
    assert.equal(applied.size, acknowledged.length, "every acknowledged save is in the database");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 45_000 });
    assert.equal(await queued(page), 0);
    const pageApplied = await appliedIds(pool, saves.sent);
    assert.deepEqual([...saves.sent].filter((id) => !pageApplied.has(id)), []);
    const stored = await storedAnswers(pool, pageCase.id);
    for (const [questionId, expected] of typed) assert.deepEqual(stored.get(questionId), expected, `key question ${questionId} holds what was typed last`);
    for (const kase of [pageCase, ...loadCases]) await assertAppliedOnce(kase.id);
    console.log(
      `# database down ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; app saving again ${((recoveredAt! - restartedAt) / 1000).toFixed(1)} s after it came back; ${acknowledged.length} load saves acknowledged, ${outcomes.filter((o) => o.status !== 200).length} errors answered meanwhile`,
    );
    await page.context().close();
  });
});
