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
import { demoUser, expect, storageStateOf, test } from "./fixtures";

// The access matrix (issue 7): every page, route handler and server action of the source tree is
// declared in tests/entry-points.ts with who may use it, and is called here as each caller.
// The inspection called is the test's own (the demo lead leads it, inspector and inspector2 are on
// its team, otherLead is not), with a comment thread, an answer and evidence whose text must never
// reach a refused caller. Refused callers send well-formed input (so only the rights can stop them)
// and the database must not change; allowed callers send input that fails validation.

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

async function callRoute(api: APIRequestContext, entry: Extract<EntryPoint, { kind: "route" }>, f: Fixture, allowed: boolean): Promise<APIResponse> {
  const values = { ...urlValues(f), nextauth: entry.method === "GET" ? "session" : "callback/credentials" };
  const url = concrete(entry.route, values);
  const options = { maxRedirects: 0, failOnStatusCode: false };
  if (entry.method === "GET") return api.get(url, options);
  if (entry.route === "/api/cases/[caseId]/changes") {
    const change = { changeId: crypto.randomUUID(), questionId: "2.1.2", value: "no", rationale: "Matrix: changed", baseVersion: 0 };
    return api.post(url, { ...options, headers: { "Content-Type": "application/json" }, data: allowed ? "{not json" : JSON.stringify({ changes: [change] }) });
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
    expect({ mismatches, leaks, invalidAccepted }).toEqual({ mismatches: [], leaks: [], invalidAccepted: [] });
    expect(after, "no call changed the inspection's rows or the target user").toEqual(before);
    expect(Number(created.rows[0]!.n), "no refused action created a user or an inspection").toBe(0);
    expect(pairs).toBeGreaterThanOrEqual(CALLERS.length * 55);
  } finally {
    await Promise.all([...contexts.values()].map((c) => c.dispose()));
    await client.end();
  }
});
