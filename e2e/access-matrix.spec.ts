import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CALLERS, ENTRY_POINTS, entryKey, type CallerKey, type EntryPoint, type Outcome } from "@/tests/entry-points";
import {
  actionState,
  callAction,
  concrete,
  connect,
  createFixture,
  outcomeOf,
  serverActions,
  snapshot,
  sourceEntryPoints,
  wellFormed,
  type Fixture,
  type ServerActionRef,
} from "./entry-point-calls";
import type { Client } from "pg";
import { demoUser, expect, storageStateOf, test, type DemoUserKey } from "./fixtures";
import { DEMO_PASSWORD, STRONG_PASSWORD, validCall } from "./valid-calls";
import { rateJson } from "@/lib/rating";

// The access matrix (issue 7): every page, route handler and server action of the source tree is
// declared in tests/entry-points.ts with who may use it, and is called here as each caller.
// The inspection called is the test's own (the demo lead leads it, inspector and inspector2 are on
// its team, otherLead is not), with a comment thread, an answer and evidence whose text must never
// reach a refused caller. Refused callers send well-formed input (so only the rights can stop them)
// and the database must not change; allowed callers send input that fails validation, and pages and
// GET handlers must serve them (200 with a heading, 2xx). Since use cases parse before they
// authorise, a refusal of an allowed caller would hide behind that validation error: the second
// test sends each allowed caller one valid call (e2e/valid-calls.ts) that must succeed and write.

test("every page, route handler and server action in the source tree is in the entry-point table, and nothing else", () => {
  const declared = ENTRY_POINTS.map(entryKey).sort();
  expect(new Set(declared).size, "each entry point is declared once").toBe(declared.length);
  const found = sourceEntryPoints();
  expect(
    { missingFromTable: found.filter((k) => !declared.includes(k)), notInSource: declared.filter((k) => !found.includes(k)) },
    "tests/entry-points.ts must list exactly the app's entry points",
  ).toEqual({ missingFromTable: [], notInSource: [] });
  const built = serverActions().map((a) => `action ${a.file}#${a.name}`);
  expect(built.filter((k) => !declared.includes(k)), "every server action of the build is declared").toEqual([]);
});

/**
 * Input an allowed caller sends: identifies the inspection/case/item (so it is not a 404) but fails
 * validation, so nothing is written. Ids that the form's schema checks are made malformed.
 */
function invalid(name: string, f: Fixture): Record<string, string> {
  const ids = ["inspectionId", "caseId", "queryId", "evidenceId", "userId"];
  const form = wellFormed(name, f);
  const blank: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) blank[key] = ids.includes(key) ? value : "";
  // Actions whose only input is ids: a malformed id is their validation error.
  const idOnly: Record<string, Record<string, string>> = {
    startFieldworkAction: { inspectionId: "not-an-id" },
    allocateBalancedAction: { inspectionId: "not-an-id" },
    returnCaseAction: { inspectionId: f.inspectionId, caseId: "not-an-id" },
    approveCaseAction: { inspectionId: f.inspectionId, caseId: "not-an-id" },
    closeQueryAction: { inspectionId: f.inspectionId, queryId: "not-an-id" },
    deleteEvidenceAction: { inspectionId: f.inspectionId, evidenceId: "not-an-id" },
    removeMemberAction: { inspectionId: f.inspectionId, userId: "not-an-id" },
    removeModeratorAction: { inspectionId: f.inspectionId, userId: "not-an-id" },
    removeDipCaseAction: { inspectionId: f.inspectionId, caseId: "not-an-id" },
    completeSecondAssessmentAction: { inspectionId: f.inspectionId, caseId: "not-an-id" },
    disableUserAction: { userId: "not-an-id" },
    enableUserAction: { userId: "not-an-id" },
  };
  return idOnly[name] ?? blank;
}

function urlValues(f: Fixture): Record<string, string> {
  return {
    inspectionId: f.inspectionId,
    caseId: f.allocatedCase.id,
    questionId: "2.1.1",
    standardId: "1.1",
    file: "key-questions.csv",
    userId: f.targetUserId,
  };
}

/** A well-formed save for the allocated case: key question 2.1.2, which no one has answered, becomes "no". */
function answerChangeBody(): string {
  const change = { changeId: crypto.randomUUID(), target: "answer", questionId: "2.1.2", baseVersion: 0, from: {}, to: { value: "no", rationale: "Matrix: changed" } };
  return JSON.stringify({ changes: [change] });
}

async function callRoute(api: APIRequestContext, entry: Extract<EntryPoint, { kind: "route" }>, f: Fixture, allowed: boolean): Promise<APIResponse> {
  const values = { ...urlValues(f), nextauth: entry.method === "GET" ? "session" : "callback/credentials" };
  const url = concrete(entry.route, values);
  const options = { maxRedirects: 0, failOnStatusCode: false };
  if (entry.method === "GET") return api.get(url, options);
  if (entry.route === "/api/cases/[caseId]/changes") {
    return api.post(url, { ...options, headers: { "Content-Type": "application/json" }, data: allowed ? "{not json" : answerChangeBody() });
  }
  if (entry.route.endsWith("/population/import")) {
    const csv = allowed ? "" : "reference,stream,disposal_type,gender,age,start_date\nMX-1,court,referral_order,male,15,2026-01-10\n";
    return api.post(url, { ...options, headers: { "Content-Type": "text/csv", "X-File-Name": "matrix.csv" }, data: csv });
  }
  if (entry.route === "/api/rate") return api.post(url, { ...options, headers: { "Content-Type": "application/json" }, data: "{}" });
  return api.post(url, { ...options, form: { email: demoUser("inspector").email, password: "wrong password" } });
}

test("each entry point answers each caller as the entry-point table says, refusals leak nothing and change nothing", async () => {
  test.setTimeout(240_000);
  const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
  const client = await connect();
  const contexts = new Map<CallerKey, APIRequestContext>();
  try {
    const f = await createFixture(client, "Access matrix");
    for (const caller of CALLERS) {
      contexts.set(caller, await playwrightRequest.newContext({ baseURL, storageState: caller === "signedOut" ? undefined : storageStateOf(caller) }));
    }
    const actions = new Map<string, ServerActionRef>(serverActions().map((a) => [`${a.file}#${a.name}`, a]));
    const before = await snapshot(client, f.inspectionId, [f.targetUserId]);
    const mismatches: string[] = [];
    const leaks: string[] = [];
    /** Allowed callers' invalid input must come back as the form's error state, with a message. */
    const invalidAccepted: string[] = [];
    /** Pages an allowed caller gets must be served (200) with a heading; GET handlers must answer 2xx. */
    const notServed: string[] = [];
    let pairs = 0;

    for (const entry of ENTRY_POINTS) {
      await Promise.all(
        CALLERS.map(async (caller) => {
          const api = contexts.get(caller)!;
          const expected: Outcome = entry.expect[caller];
          const allowed = expected === "ok";
          let response: APIResponse;
          if (entry.kind === "page") {
            response = await api.get(concrete(entry.route, urlValues(f)), { maxRedirects: 0, failOnStatusCode: false });
          } else if (entry.kind === "route") {
            response = await callRoute(api, entry, f, allowed);
          } else {
            const ref = actions.get(`${entry.file}#${entry.name}`);
            if (!ref) throw new Error(`The build has no server action ${entry.file}#${entry.name}`);
            const form = allowed ? invalid(entry.name, f) : wellFormed(entry.name, f);
            response = await callAction(api, ref, concrete(ref.page, urlValues(f)), { form });
          }
          pairs += 1;
          const observed = outcomeOf(response);
          if (observed !== expected) mismatches.push(`${entryKey(entry)} as ${caller}: expected ${expected}, got ${observed} (${response.status()} ${response.headers()["location"] ?? ""})`);
          const body = await response.text();
          if (allowed && entry.kind === "page" && entry.route === "/sign-in" && caller !== "signedOut") {
            // A signed-in caller is sent on to the home page.
            if (!/^(https?:\/\/[^/]+)?\/$/.test(response.headers()["location"] ?? "")) notServed.push(`${entryKey(entry)} as ${caller}: ${response.status()} ${response.headers()["location"]}`);
          } else if (allowed && entry.kind === "page") {
            const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]?.replace(/<[^>]*>/g, "").trim();
            if (response.status() !== 200 || !heading || /not found|problem with the service/i.test(heading)) {
              notServed.push(`${entryKey(entry)} as ${caller}: ${response.status()}, heading ${JSON.stringify(heading ?? null)}`);
            }
          }
          if (allowed && entry.kind === "route" && entry.method === "GET" && (response.status() < 200 || response.status() > 299)) {
            notServed.push(`${entryKey(entry)} as ${caller}: ${response.status()}`);
          }
          if (allowed && entry.kind === "action" && observed === "ok") {
            const state = actionState(body);
            if (state?.status !== "error" || !state.message) invalidAccepted.push(`${entryKey(entry)} as ${caller}: answered ${JSON.stringify(state)}`);
          }
          if (!allowed) {
            for (const secret of f.secrets) {
              if (!secret.readableBy.includes(caller) && body.includes(secret.text)) {
                leaks.push(`${entryKey(entry)} as ${caller} (${response.status()}) contains "${secret.text}"`);
              }
            }
          }
        }),
      );
    }

    const after = await snapshot(client, f.inspectionId, [f.targetUserId]);
    const created = await client.query<{ n: string }>(
      "SELECT (SELECT count(*) FROM users WHERE email = $1) + (SELECT count(*) FROM inspections WHERE yjs_name = $2) AS n",
      [`matrix-new-${f.stamp}@case-review.test`, `Matrix created ${f.stamp}`],
    );
    console.log(`Access matrix: ${pairs} (entry point × caller) pairs checked over ${ENTRY_POINTS.length} entry points and ${CALLERS.length} callers; ${mismatches.length} mismatches, ${leaks.length} leaks`);
    test.info().annotations.push({ type: "access-matrix pairs", description: String(pairs) });
    expect({ mismatches, leaks, invalidAccepted, notServed }).toEqual({ mismatches: [], leaks: [], invalidAccepted: [], notServed: [] });
    expect(after, "no call changed the inspection's rows or the target user").toEqual(before);
    expect(Number(created.rows[0]!.n), "no refused action created a user or an inspection").toBe(0);
    expect(pairs).toBeGreaterThanOrEqual(CALLERS.length * 55);
  } finally {
    await Promise.all([...contexts.values()].map((c) => c.dispose()));
    await client.end();
  }
});

/** A user of `caller`'s global role with the demo password, signed in through next-auth's form post. */
async function signedInAs(client: Client, baseURL: string, caller: CallerKey, stamp: string): Promise<{ api: APIRequestContext; userId: string; passwordHash: string }> {
  const email = `matrix-${caller.toLowerCase()}-${stamp}@case-review.test`;
  const row = await client.query<{ id: string; password_hash: string }>(
    "INSERT INTO users (name, email, role, password_hash) SELECT 'Matrix Own Password', $1, role, password_hash FROM users WHERE email = $2 RETURNING id, password_hash",
    [email, demoUser(caller as DemoUserKey).email],
  );
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }, maxRedirects: 0, failOnStatusCode: false });
  if (!/^(https?:\/\/[^/]+)?\/$/.test(signIn.headers()["location"] ?? "")) throw new Error(`Signing in as a new ${caller} failed: ${signIn.status()} ${signIn.headers()["location"]}`);
  return { api, userId: row.rows[0]!.id, passwordHash: row.rows[0]!.password_hash };
}

test("each allowed caller's valid call to each server action and POST handler gets through and does its work", async () => {
  test.setTimeout(240_000);
  const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
  const client = await connect();
  const contexts = new Map<CallerKey, APIRequestContext>();
  const ownContexts: APIRequestContext[] = [];
  try {
    for (const caller of CALLERS) if (caller !== "signedOut") contexts.set(caller, await playwrightRequest.newContext({ baseURL, storageState: storageStateOf(caller) }));
    const actions = new Map<string, ServerActionRef>(serverActions().map((a) => [`${a.file}#${a.name}`, a]));
    const failures: string[] = [];
    let calls = 0;
    const allowedCallers = (entry: EntryPoint) => CALLERS.filter((caller) => entry.expect[caller] === "ok" && caller !== "signedOut");

    for (const entry of ENTRY_POINTS) {
      if (entry.kind !== "action") continue;
      const ref = actions.get(`${entry.file}#${entry.name}`)!;
      const callers = allowedCallers(entry);
      // Changing one's password ends one's sessions: each caller's role plays it as a user of its own.
      const prepared = [];
      for (const caller of callers) {
        if (entry.name === "changePasswordAction") {
          const own = await signedInAs(client, baseURL, caller, `${Date.now().toString(36)}`);
          ownContexts.push(own.api);
          prepared.push({
            caller,
            api: own.api,
            page: ref.page,
            form: { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD },
            changed: { sql: "SELECT password_hash <> $2 AS v FROM users WHERE id = $1", params: [own.userId, own.passwordHash] },
            redirectsTo: /^\/sign-in\?passwordChanged=1$/,
          });
        } else {
          const valid = await validCall(client, entry.name, caller);
          prepared.push({ caller, api: contexts.get(caller)!, page: concrete(ref.page, urlValues(valid.fixture)), ...valid });
        }
      }
      const answered = await Promise.all(
        prepared.map(async ({ caller, api, page, form, redirectsTo }) => {
          const response = await callAction(api, ref, page, { form });
          const location = response.headers()["x-action-redirect"]?.replace(/;.*$/, "");
          const state = actionState(await response.text());
          const succeeded = redirectsTo ? redirectsTo.test(location ?? "") : state?.status === "success";
          return { caller, succeeded, answer: `${response.status()} ${location ?? ""} ${JSON.stringify(state)}` };
        }),
      );
      for (const [i, { caller, succeeded, answer }] of answered.entries()) {
        calls += 1;
        const { changed } = prepared[i]!;
        const done = succeeded && (await client.query<{ v: boolean }>(changed.sql, changed.params)).rows[0]?.v === true;
        if (!succeeded) failures.push(`${entryKey(entry)} as ${caller}: ${answer}`);
        else if (!done) failures.push(`${entryKey(entry)} as ${caller}: answered ${answer} but the database shows no change`);
      }
    }

    // The POST handlers (GET handlers are called validly by the first test; next-auth's POST is nobody's).
    for (const entry of ENTRY_POINTS) {
      if (entry.kind !== "route" || entry.method !== "POST") continue;
      for (const caller of allowedCallers(entry)) {
        const api = contexts.get(caller)!;
        const what = `${entryKey(entry)} as ${caller}`;
        if (entry.route.endsWith("/population/import")) {
          // The inspection's own template imports as downloaded (lib/population/columns.ts).
          const f = await createFixture(client, "Matrix import");
          await client.query("UPDATE inspections SET status = 'setup' WHERE id = $1", [f.inspectionId]);
          const template = await api.get(`/api/population-template?inspection=${f.inspectionId}`);
          const response = await api.post(concrete(entry.route, urlValues(f)), {
            headers: { "Content-Type": "text/csv", "X-File-Name": "matrix.csv" },
            data: await template.text(),
            failOnStatusCode: false,
          });
          calls += 1;
          const imported = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM population_cases WHERE inspection_id = $1", [f.inspectionId])).rows[0]!.n;
          if (response.status() !== 200 || imported === 0) failures.push(`${what}: ${response.status()} ${await response.text()}, ${imported} population cases`);
        } else if (entry.route === "/api/cases/[caseId]/changes") {
          const f = await createFixture(client, "Matrix save");
          const response = await api.post(concrete(entry.route, urlValues(f)), { headers: { "Content-Type": "application/json" }, data: answerChangeBody(), failOnStatusCode: false });
          calls += 1;
          const results = response.ok() ? ((await response.json()) as { results?: { status: string }[] }).results : undefined;
          const saved = (await client.query<{ v: boolean }>("SELECT value = 'no' AS v FROM answers WHERE case_id = $1 AND question_id = '2.1.2'", [f.allocatedCase.id])).rows[0]?.v;
          if (results?.[0]?.status !== "applied" || saved !== true) failures.push(`${what}: ${response.status()} ${JSON.stringify(results ?? null)}, stored: ${saved ?? "nothing"}`);
        } else if (entry.route === "/api/rate") {
          const input = { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 22, no: 3 } }, judgements: { "1.1": "Good" } };
          const response = await api.post(entry.route, { data: input, failOnStatusCode: false });
          calls += 1;
          const expected = rateJson(input);
          if (response.status() !== 200 || !expected.ok || JSON.stringify(await response.json()) !== JSON.stringify(expected.result)) {
            failures.push(`${what}: ${response.status()} ${await response.text()}`);
          }
        }
      }
    }
    console.log(`Access matrix: ${calls} valid calls by allowed callers`);
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(70);
  } finally {
    await Promise.all([...contexts.values(), ...ownContexts].map((c) => c.dispose()));
    await client.end();
  }
});
