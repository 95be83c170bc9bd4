// Scale-out fault tests (issue 14), part of `npm test`'s fault step: the production artefact as it is
// deployed (two instances through the entry script, .next/standalone/serve.js) behind Debian's nginx
// running deploy/nginx.conf unchanged, on one embedded PostgreSQL; compose.yaml runs the same pieces in
// containers. It proves:
//   1. two instances started together with --migrate apply the migrations once;
//   2. through nginx, in Chromium: a session works on both instances; one instance SIGKILLed as a save
//      leaves the browser, and the outbox finishes on the other with every change applied once;
//      sign-in limits and sign-out revocation hold across instances;
//   3. a compressed fieldwork day: simulated inspectors' outboxes (HTTP clients speaking the outbox
//      protocol) save through nginx while instances are killed and restarted at random and PostgreSQL
//      restarts once; every acknowledged change is stored exactly once, and replaying the audit log
//      from empty reproduces every stored answer;
//   4. the instances' logs never contain what inspectors typed.
// SCALE_OUT_SECONDS sets the fieldwork day's length (default 60); SCALE_OUT_KEEP=1 keeps its logs.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "@/bench/http-session";
import { startAppServer, waitForServer, type AppServer } from "./app-server";
import { DEMO_PASSWORD, loadDemoData } from "./demo-data";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { appliedIds, casesOf, CHROMIUM, CHROMIUM_ARGS, email, firstQuestionsOf, queued, questionIds, requireChromium, signIn, sleep, storedAnswers, typedEdits, watchSaves } from "./fault-harness";
import { migrationVersions } from "./migrations";
import { buildIfStale } from "./next-build";

const root = path.resolve(__dirname, "..");
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const DAY_SECONDS = Number(process.env.SCALE_OUT_SECONDS ?? 60);

let tmp: string;
let dataDir: string;
let dbPort: number;
let database: EmbeddedDatabase;
let databaseUrl: string;
let instances: AppServer[] = [];
let nginx: ChildProcess | undefined;
let nginxUrl: string;
let browser: Browser;
let pool: pg.Pool;
/** The case the browser answers; the simulated devices keep off it. */
let browserCaseId = "";
/** Every rationale typed in this run, looked for in the logs at the end. */
const typedTexts: string[] = [];

async function startDatabase(): Promise<void> {
  database = await startEmbeddedDatabase({ dataDir, port: dbPort, database: "case_review_scale_out" });
  databaseUrl = database.url;
}

/** deploy/nginx.conf as it is, beside an upstream list of the instances and the port to listen on. */
async function startNginx(instancePorts: number[], port: number): Promise<void> {
  const dir = path.join(tmp, "nginx");
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  copyFileSync(path.join(root, "deploy", "nginx.conf"), path.join(dir, "nginx.conf"));
  writeFileSync(path.join(dir, "upstream.conf"), instancePorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;\n`).join(""));
  writeFileSync(path.join(dir, "listen.conf"), `listen 127.0.0.1:${port};\n`);
  nginxUrl = `http://127.0.0.1:${port}`;
  const accessLog = openSync(path.join(tmp, "nginx-access.log"), "a");
  // Its error log (each instance killed shows up there) is kept beside the access log, not printed.
  const errorLog = openSync(path.join(tmp, "nginx-error.log"), "a");
  nginx = spawn(NGINX, ["-c", path.join(dir, "nginx.conf"), "-p", `${dir}/`, "-g", "daemon off;"], { stdio: ["ignore", accessLog, errorLog] });
  closeSync(accessLog);
  closeSync(errorLog);
  await waitForServer(`${nginxUrl}/sign-in`, 20_000);
}

function nginxAccessLog(): { path: string; status: number; upstream: string; method: string }[] {
  return readFileSync(path.join(tmp, "nginx-access.log"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { path: string; status: number; upstream: string; method: string });
}

/**
 * Exactly once, and the audit log is complete: each answer's 'answer.changed' events are versions
 * 1..n with one applied change each, and folding their `after` fields from an empty answer gives the
 * stored value, reason and rationale. Returns the number of answers whose replay differs.
 */
async function auditReplayMismatches(caseIds: string[]): Promise<{ answers: number; mismatches: string[] }> {
  const answers = await pool.query<{ id: string; case_id: string; question_id: string; value: string | null; na_reason: string | null; rationale: string; version: number }>(
    "SELECT id, case_id, question_id, value::text, na_reason, rationale, version FROM answers WHERE case_id = ANY($1::uuid[])",
    [caseIds],
  );
  const events = await pool.query<{ entity_id: string; after: Record<string, unknown> }>(
    "SELECT entity_id, after FROM audit_events WHERE case_id = ANY($1::uuid[]) AND action = 'answer.changed'",
    [caseIds],
  );
  const applied = await pool.query<{ case_id: string; question_id: string; version: number }>(
    "SELECT case_id, response->>'questionId' AS question_id, (response->>'version')::int AS version FROM applied_changes WHERE case_id = ANY($1::uuid[]) AND response->>'status' = 'applied' AND response->>'target' = 'answer'",
    [caseIds],
  );
  const mismatches: string[] = [];
  for (const a of answers.rows) {
    const trail = events.rows.filter((e) => e.entity_id === a.id).sort((x, y) => Number(x.after.version) - Number(y.after.version));
    const versions = trail.map((e) => Number(e.after.version));
    if (versions.join() !== Array.from({ length: a.version }, (_, i) => i + 1).join()) mismatches.push(`${a.question_id}: audit versions ${versions.join()} for version ${a.version}`);
    const appliedVersions = applied.rows.filter((r) => r.case_id === a.case_id && r.question_id === a.question_id).map((r) => r.version).sort((x, y) => x - y);
    if (appliedVersions.join() !== versions.join()) mismatches.push(`${a.question_id}: applied changes ${appliedVersions.join()} vs audit ${versions.join()}`);
    const replayed: Record<string, unknown> = { value: null, naReason: null, rationale: "" };
    for (const e of trail) for (const [k, v] of Object.entries(e.after)) if (k !== "questionId" && k !== "version") replayed[k] = v;
    if (replayed.value !== a.value || replayed.naReason !== a.na_reason || replayed.rationale !== a.rationale) {
      mismatches.push(`${a.question_id}: replay gives ${JSON.stringify(replayed)} but stored ${JSON.stringify({ value: a.value, naReason: a.na_reason, rationale: a.rationale })}`);
    }
  }
  return { answers: answers.rows.length, mismatches };
}

before(async () => {
  requireChromium();
  if (!existsSync(NGINX)) throw new Error(`nginx was not found at ${NGINX}. Install it with: apt-get install -y nginx`);
  buildIfStale();
  tmp = mkdtempSync(path.join(os.tmpdir(), "case-review-scale-out-"));
  dataDir = path.join(tmp, "pg");
  dbPort = await freePort();
  await startDatabase();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => undefined);
});

after(async () => {
  await browser?.close();
  nginx?.kill("SIGTERM");
  for (const instance of instances) await instance.stop();
  await pool?.end();
  await database?.stop();
  if (tmp && !process.env.SCALE_OUT_KEEP) rmSync(tmp, { recursive: true, force: true });
});

describe("scale-out behind nginx", { timeout: 600_000 }, () => {
  test("two instances starting together on an empty database apply the migrations once", async () => {
    const ports = [await freePort(), await freePort()];
    const publicPort = await freePort();
    const env = {
      NEXTAUTH_URL: `http://127.0.0.1:${publicPort}`,
      TRUSTED_PROXY_HOPS: "1",
      // The browsers and clients all come from 127.0.0.1: the per-address limit must not be what stops them.
      SIGN_IN_ATTEMPTS_PER_CLIENT: "1000",
    };
    instances = await Promise.all(
      ports.map((port, n) => startAppServer({ databaseUrl, port, env, args: ["--migrate"], logFile: path.join(tmp, `instance-${n + 1}.log`) })),
    );
    const versions = (await pool.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
    assert.deepEqual(versions, migrationVersions(path.join(root, "prisma", "migrations")), "every migration recorded once");
    const logs = instances.map((_, n) => readFileSync(path.join(tmp, `instance-${n + 1}.log`), "utf8"));
    const appliedBy = logs.filter((l) => /Applied migrations/.test(l)).length;
    assert.equal(appliedBy, 1, "one instance applied the migrations; the other waited for its lock and found none pending");
    assert.equal(logs.filter((l) => /No migrations pending/.test(l)).length, 1);

    // Demo data, then nginx in front on the port the instances were told is public.
    loadDemoData(databaseUrl);
    await startNginx(ports, publicPort);
    const health = (await (await fetch(`${nginxUrl}/api/health`)).json()) as { status: string; migration: string };
    assert.deepEqual(health, { status: "ok", migration: versions.at(-1) }, "the health check reports the migration version");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  test("through nginx: one session on both instances; an instance killed mid-save, the outbox finishes on the other", async () => {
    const kase = (await casesOf(pool, email("inspector")))[0]!;
    browserCaseId = kase.id;
    const context = await browser.newContext({ baseURL: nginxUrl });
    const page = await context.newPage();
    await signIn(page, email("inspector"));
    const casePath = `/inspections/${kase.inspectionId}/cases/${kase.id}`;
    // The session cookie is the browser's; each instance, asked directly, accepts it.
    for (const instance of instances) {
      const response = await context.request.get(`${instance.baseUrl}${casePath}`, { maxRedirects: 0 });
      assert.equal(response.status(), 200, `instance on port ${instance.port} accepts the session`);
    }
    // Through nginx, round robin: reload until each instance has served the signed-in page.
    const servedCasePage = () => new Set(nginxAccessLog().filter((l) => l.path === casePath && l.status === 200).map((l) => l.upstream));
    await page.goto(casePath);
    // A page load sends a fixed number of requests (the page, its poll…): if that number is even,
    // round robin gives the page to the same instance every time, so every other reload is
    // preceded by one more request through nginx.
    for (let i = 0; i < 10 && servedCasePage().size < 2; i++) {
      if (i % 2 === 1) await context.request.get(`${nginxUrl}/api/health`);
      await page.reload();
    }
    assert.equal(servedCasePage().size, 2, `both instances served the signed-in case page through nginx (${[...servedCasePage()].join(", ")})`);
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();

    const { sent, onNextSend } = watchSaves(page);
    const questions = (await questionIds(page)).slice(0, 5);
    const { typed, edit } = typedEdits(page, (rationale) => typedTexts.push(rationale));
    await edit(questions[0]!, "Yes", "Scale-out: the assessment used the school's records.");
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();

    // Instance 1 dies (SIGKILL to its process group) as the next save leaves the browser.
    const victim = instances[0]!;
    const crash: { done?: Promise<void> } = {};
    onNextSend(() => (crash.done = victim.crash()));
    await edit(questions[1]!, "No", "Scale-out: diversity needs were not analysed.");
    await edit(questions[2]!, "Yes", "Scale-out: risks to others were identified.");
    await edit(questions[3]!, "No", "Scale-out: the plan did not involve the parents.");
    assert.ok(crash.done, "an instance was killed while a save was on its way");
    await crash.done;

    // Without restarting it, the outbox drains through nginx to the other instance.
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor({ timeout: 45_000 });
    assert.equal(await queued(page), 0, "the outbox is empty");
    const applied = await appliedIds(pool, sent);
    assert.deepEqual([...sent].filter((id) => !applied.has(id)), [], "every change the page sent is applied");
    const stored = await storedAnswers(pool, kase.id);
    for (const [questionId, expected] of typed) assert.deepEqual(stored.get(questionId), expected, `${questionId} holds what was typed last`);
    const replay = await auditReplayMismatches([kase.id]);
    assert.deepEqual(replay.mismatches, [], "each change applied once, and the audit log replays to the stored answers");
    const failedOnVictim = nginxAccessLog().filter((l) => l.path.endsWith("/changes") && l.upstream.includes(`:${victim.port}`) && l.status >= 500).length;
    console.log(`# ${sent.size} changes sent, all applied once with instance ${victim.port} down (${failedOnVictim} saves cut off on it)`);
    await victim.restart();
    await context.close();
  });

  test("sign-in limits and sign-out revocation hold across instances", async () => {
    // Five wrong passwords through nginx, spread over both instances, lock the account everywhere.
    const target = email("otherLead");
    const attempt = async (baseUrl: string, password: string) => {
      try {
        await signInOverHttp(baseUrl, target, password);
        return "signed in";
      } catch {
        return "refused";
      }
    };
    for (let i = 0; i < 5; i++) {
      // A sign-in is two requests (the CSRF token, then the credentials): one more request every other
      // time makes round robin send the credentials to each instance in turn.
      if (i % 2 === 1) await fetch(`${nginxUrl}/api/health`);
      assert.equal(await attempt(nginxUrl, `wrong-password-${i}`), "refused");
    }
    const spread = new Set(nginxAccessLog().filter((l) => l.path === "/api/auth/callback/credentials").map((l) => l.upstream));
    assert.equal(spread.size, 2, "the attempts reached both instances");
    for (const instance of instances) assert.equal(await attempt(instance.baseUrl, DEMO_PASSWORD), "refused", `instance ${instance.port} refuses the locked account`);
    const locked = await pool.query<{ locked: boolean }>("SELECT locked_until > now() AS locked FROM sign_in_failures WHERE email = $1", [target]);
    assert.equal(locked.rows[0]?.locked, true);

    // A session signed out on one instance is refused by the other.
    const kase = (await casesOf(pool, email("inspector2")))[0]!;
    const context = await browser.newContext({ baseURL: nginxUrl });
    const page = await context.newPage();
    await signIn(page, email("inspector2"));
    const casePath = `/inspections/${kase.inspectionId}/cases/${kase.id}`;
    const copy = await context.storageState();
    await page.goto(casePath);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    const replay = await browser.newContext({ storageState: copy });
    try {
      for (const instance of instances) {
        const response = await replay.request.get(`${instance.baseUrl}${casePath}`, { maxRedirects: 0 });
        assert.equal(response.status(), 307, `instance ${instance.port} refuses the signed-out session's cookie`);
      }
    } finally {
      await replay.close();
      await context.close();
    }
  });

  test("a compressed fieldwork day: outboxes through nginx while instances die and PostgreSQL restarts", async () => {
    const users = [email("inspector"), email("inspector2")];
    interface Owned {
      caseId: string;
      questionId: string;
    }
    // Eight simulated inspectors' devices, four per account, each owning its own answers (so no two
    // write one field: every refusal would be a bug, not a real clash).
    const devices: { cookie: string; owned: Owned[] }[] = [];
    for (const user of users) {
      // Not the case the browser test above answered: the devices start from unanswered fields.
      const cases = (await casesOf(pool, user)).filter((kase) => kase.id !== browserCaseId);
      const fields = firstQuestionsOf(cases);
      for (let d = 0; d < 4; d++) devices.push({ cookie: await signInOverHttp(nginxUrl, user, DEMO_PASSWORD), owned: fields.filter((_, i) => i % 4 === d) });
    }
    const caseIds = [...new Set(devices.flatMap((d) => d.owned.map((o) => o.caseId)))];

    interface Pending {
      changeId: string;
      caseId: string;
      questionId: string;
      baseVersion: number;
      from: { value: string | null; rationale: string };
      to: { value: string; rationale: string };
    }
    const acknowledged = new Map<string, Pending>();
    /** What each owned field should hold at the end: the last acknowledged change's values. */
    const expected = new Map<string, { value: string; rationale: string }>();
    const refusals: string[] = [];
    let requests = 0;
    let failedRequests = 0;
    let stop = false;

    // One device's outbox: changes queued in order, sent in batches of up to three for one case,
    // resent unchanged (same change ids) until answered, as components/case/outbox.ts does.
    const runDevice = async (device: { cookie: string; owned: Owned[] }, n: number) => {
      const state = new Map(device.owned.map((o) => [`${o.caseId}/${o.questionId}`, { version: 0, value: null as string | null, rationale: "" }]));
      let counter = 0;
      while (!stop) {
        const caseId = device.owned[counter % device.owned.length]!.caseId;
        const batch: Pending[] = device.owned
          .filter((o) => o.caseId === caseId)
          .slice(0, 3)
          .map((o) => {
            counter++;
            const s = state.get(`${o.caseId}/${o.questionId}`)!;
            const rationale = `Fieldwork device ${n} note ${counter}: evidence seen in the case record.`;
            typedTexts.push(rationale);
            return { changeId: randomUUID(), caseId, questionId: o.questionId, baseVersion: s.version, from: { value: s.value, rationale: s.rationale }, to: { value: counter % 2 ? "yes" : "no", rationale } };
          });
        for (;;) {
          requests++;
          let results: { changeId: string; status: string; version?: number }[] | undefined;
          try {
            const response = await fetch(`${nginxUrl}/api/cases/${caseId}/changes`, {
              method: "POST",
              headers: { "Content-Type": "application/json", Cookie: device.cookie },
              body: JSON.stringify({ changes: batch.map(({ caseId: _, ...change }) => ({ ...change, target: "answer" })) }),
              signal: AbortSignal.timeout(15_000),
            });
            if (response.status === 200) results = ((await response.json()) as { results: { changeId: string; status: string; version?: number }[] }).results;
          } catch {
            // nginx unreachable or the request timed out: resend
          }
          if (results) {
            for (const r of results) {
              const change = batch.find((c) => c.changeId === r.changeId)!;
              if (r.status !== "applied" && r.status !== "duplicate") {
                refusals.push(`${r.changeId} ${r.status}`);
                continue;
              }
              acknowledged.set(r.changeId, change);
              const key = `${change.caseId}/${change.questionId}`;
              state.set(key, { version: r.version ?? 0, value: change.to.value, rationale: change.to.rationale });
              expected.set(key, change.to);
            }
            break;
          }
          failedRequests++;
          if (stop && !results) break;
          await sleep(300);
        }
        await sleep(50);
      }
    };

    // The chaos: every few seconds one instance (never both) is killed and restarted a little later;
    // PostgreSQL restarts once, mid-day.
    let kills = 0;
    let databaseRestarts = 0;
    const startedAt = Date.now();
    const chaos = async () => {
      let pgRestarted = false;
      while (Date.now() - startedAt < DAY_SECONDS * 1000) {
        await sleep(3000 + Math.random() * 4000);
        if (!pgRestarted && Date.now() - startedAt > (DAY_SECONDS * 1000) / 2) {
          pgRestarted = true;
          await database.stop();
          await sleep(1500);
          await startDatabase();
          databaseRestarts++;
          continue;
        }
        const victim = instances[Math.floor(Math.random() * instances.length)]!;
        await victim.crash();
        kills++;
        await sleep(1000 + Math.random() * 2000);
        await victim.restart();
      }
    };

    const running = devices.map((d, n) => runDevice(d, n));
    await chaos();
    // Both instances up and the database back: let every outbox drain, then stop.
    stop = true;
    await Promise.all(running);

    assert.deepEqual(refusals, [], "no change was refused: each device owns its fields");
    const applied = await appliedIds(pool, acknowledged.keys());
    assert.equal(applied.size, acknowledged.size, "every acknowledged change is stored");
    const stored = await pool.query<{ case_id: string; question_id: string; value: string; rationale: string }>(
      "SELECT case_id, question_id, value::text, rationale FROM answers WHERE case_id = ANY($1::uuid[])",
      [caseIds],
    );
    const storedMismatches = [...expected].filter(([key, want]) => {
      const row = stored.rows.find((r) => `${r.case_id}/${r.question_id}` === key);
      return !row || row.value !== want.value || row.rationale !== want.rationale;
    });
    const replay = await auditReplayMismatches(caseIds);
    const mismatches = storedMismatches.length + replay.mismatches.length;
    console.log(
      `# fieldwork day of ${DAY_SECONDS} s through nginx: ${acknowledged.size} changes acknowledged by ${devices.length} devices in ${requests} requests (${failedRequests} resent); ` +
        `${kills} instance kills survived, ${databaseRestarts} PostgreSQL restart; ${replay.answers} answers replayed from the audit log; mismatches: ${mismatches}`,
    );
    assert.deepEqual(storedMismatches, [], "every field holds its last acknowledged change");
    assert.deepEqual(replay.mismatches, [], "each change stored exactly once, and the audit log replays to every stored answer");
    assert.ok(kills >= 3, `instances were killed during the day (${kills})`);
    assert.equal(databaseRestarts, 1);
  });

  test("the instances' logs are structured and never hold what inspectors typed", async () => {
    const logs = instances.map((_, n) => readFileSync(path.join(tmp, `instance-${n + 1}.log`), "utf8")).join("\n");
    const requestLines = logs
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "request");
    assert.ok(requestLines.length > 0, "the outbox's requests are logged");
    for (const key of ["requestId", "route", "status", "durationMs", "userId"]) {
      assert.ok(requestLines.some((entry) => entry[key] !== undefined), `request lines carry ${key}`);
    }
    // What this run typed, and every rationale stored (the demo data's included).
    const stored = (await pool.query<{ rationale: string }>("SELECT rationale FROM answers WHERE length(rationale) >= 20")).rows.map((r) => r.rationale);
    const texts = [...new Set([...typedTexts, ...stored])];
    assert.ok(texts.length > 50);
    const leaked = texts.filter((text) => logs.includes(text) || logs.includes(text.slice(0, 24)));
    assert.deepEqual(leaked, [], "no typed text in the logs");
  });
});
