import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import type { Client } from "pg";
import { connect, createFixture, snapshot, snapshotsBefore, type Fixture } from "./entry-point-calls";
import { expect, storageStateOf, test } from "./fixtures";
import { hostileJson, hostileText, malformedJson } from "./fuzz-values";

// Bad input for every route handler (issue 7), as the lead of the test's own inspection: malformed
// and wrong-shaped JSON, oversized bodies, hostile path segments, and for the population CSV import
// random bytes, huge lines, other encodings and many columns. Never a 5xx; a 4xx always carries a
// JSON error with a message; an input that is refused writes nothing.

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
/** Whether text can be put in a URL at all (a lone surrogate cannot). */
function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

const segment = hostileText.filter((s) => s.length > 0 && s.length < 500 && encodable(s)).map(encodeURIComponent);

async function withLead(name: string, run: (api: APIRequestContext, client: Client, f: Fixture) => Promise<number>): Promise<void> {
  const client = await connect();
  const api = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("lead") });
  try {
    const f = await createFixture(client, name);
    const tried = await run(api, client, f);
    console.log(`${name}: ${tried} inputs tried`);
    test.info().annotations.push({ type: "fuzz inputs", description: String(tried) });
  } finally {
    await api.dispose();
    await client.end();
  }
}

/**
 * Never a 5xx; a 4xx in JSON says what is wrong: an error document {error: {message}}, or the
 * population import's row report {fileError, errors} (a page for a 404).
 */
async function expectSpecific(response: APIResponse, what: string): Promise<void> {
  const status = response.status();
  expect(status, `${what} answered ${status}`).toBeLessThan(500);
  if (status >= 400 && (response.headers()["content-type"] ?? "").includes("json")) {
    const body = (await response.json()) as { error?: { message?: unknown }; fileError?: unknown; errors?: { message?: unknown }[] };
    const says = (m: unknown) => typeof m === "string" && /\w/.test(m);
    const specific = says(body.error?.message) || says(body.fileError) || (Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => says(e.message)));
    expect(specific, `${what}: a ${status} says what is wrong`).toBe(true);
  }
}

const options = { maxRedirects: 0, failOnStatusCode: false } as const;

test("fuzz POST /api/cases/[caseId]/changes: bad batches are refused whole, with a message, and write nothing", async () => {
  test.setTimeout(120_000);
  await withLead("Fuzz changes", async (api, client, f) => {
    const change = fc.record(
      {
        changeId: fc.oneof(fc.uuid().map(String), hostileText),
        target: fc.constantFrom("answer", "case", "other", ""),
        questionId: fc.oneof(fc.constantFrom("2.1.1", "2.1.2", "9.9.9", "1.1.1"), hostileText),
        baseVersion: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(2 ** 31, -(2 ** 31), 1e308, 0.5, Number.MAX_SAFE_INTEGER), hostileText),
        from: fc.oneof(fc.constant({}), hostileJson),
        to: fc.oneof(
          fc.record(
            { value: fc.constantFrom("yes", "no", "maybe", null), rationale: hostileText, "prompt.0": fc.constantFrom("met", "not_met", "maybe", null), "prompt.01": fc.constant("met"), "prompt.99": fc.constant("met") },
            { requiredKeys: [] },
          ),
          fc.record({ age: fc.oneof(fc.integer(), hostileText, fc.constant(null)), disposalType: hostileText }, { requiredKeys: [] }),
          hostileJson,
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { arbitrary: malformedJson, weight: 2 },
      { arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "null"), weight: 2 },
      { arbitrary: fc.array(change, { maxLength: 4 }).map((changes) => JSON.stringify({ changes })), weight: 5 },
      { arbitrary: fc.constantFrom(JSON.stringify({ changes: Array.from({ length: 101 }, () => ({})) }), `{"changes":[${'"x",'.repeat(700_000)}"x"]}`), weight: 1 },
    );
    const caseId = fc.oneof({ arbitrary: fc.constant(f.allocatedCase.id), weight: 6 }, { arbitrary: segment, weight: 1 }, { arbitrary: fc.uuid().map(String), weight: 1 });
    const snapshots = snapshotsBefore(() => snapshot(client, f.inspectionId));
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(caseId, body, async (id, data) => {
        tried += 1;
        const before = await snapshots.next();
        const sent = api.post(`/api/cases/${id}/changes`, { ...options, headers: { "Content-Type": "application/json" }, data });
        // A body over the outbox's 2 MB cap is refused from its Content-Length, and the connection
        // closes (lib/http/route-handler.ts): a client still writing may see the close before the 413.
        const tooLarge = Buffer.byteLength(data) > 2 * 1024 * 1024;
        const response = tooLarge ? await sent.catch((error: Error) => (/EPIPE|ECONNRESET|socket hang up/.test(error.message) ? null : Promise.reject(error))) : await sent;
        if (response === null) {
          expect(await snapshot(client, f.inspectionId), "a refused upload writes nothing").toEqual(before);
          snapshots.unchanged(before);
          return;
        }
        if (tooLarge) expect(response.status(), "an upload over the cap").toBe(413);
        await expectSpecific(response, "changes");
        const results = response.status() === 200 ? ((await response.json()) as { results: { status: string; message?: string }[] }).results : [];
        for (const r of results) if (r.status === "rejected") expect(r.message, "a rejected change says why").toMatch(/\w/);
        if (!results.some((r) => r.status === "applied")) {
          expect(await snapshot(client, f.inspectionId), "nothing applied, nothing written").toEqual(before);
          snapshots.unchanged(before);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    return tried;
  });
});

test("fuzz POST /api/rate: any body is a 200 rating or a 400/413 error document", async () => {
  await withLead("Fuzz rate", async (api) => {
    const body = fc.oneof(
      malformedJson,
      hostileJson.map((v) => JSON.stringify(v) ?? "null"),
      fc.record({ frameworkVersion: fc.oneof(fc.constantFrom("yjs-2021", "yjs-2018"), hostileText), keyQuestions: hostileJson, discretion: hostileJson }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.constant("x".repeat(70 * 1024)),
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(body, async (data) => {
        tried += 1;
        const response = await api.post("/api/rate", { ...options, headers: { "Content-Type": "application/json" }, data });
        await expectSpecific(response, "rate");
        expect([200, 400, 413]).toContain(response.status());
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    return tried;
  });
});

test("fuzz the GET route handlers' path segments: panel figures, exports, service worker, template, next-auth", async () => {
  test.setTimeout(120_000);
  await withLead("Fuzz GET routes", async (api, _client, f) => {
    const inspection = fc.oneof(fc.constant(f.inspectionId), fc.uuid().map(String), segment);
    const file = fc.oneof(fc.constantFrom("key-questions.csv", "ratings.xlsx", "nothing.csv", "..%2F..%2Fpackage.json"), segment);
    const url = fc.oneof(
      inspection.map((i) => `/api/inspections/${i}/panel`),
      fc.tuple(inspection, file).map(([i, x]) => `/inspections/${i}/exports/${x}`),
      inspection.map((i) => `/inspections/${i}/cases/sw.js`),
      segment.map((q) => `/api/population-template?x=${q}`),
      segment.map((s) => `/api/auth/${s}`),
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(url, async (u) => {
        tried += 1;
        const response = await api.get(u, options);
        await expectSpecific(response, `GET ${u.slice(0, 80)}`);
        await response.dispose();
      }),
      { numRuns: RUNS * 2, endOnFailure: true },
    );
    return tried;
  });
});

test("fuzz POST /api/auth/[...nextauth]: junk forms never sign anyone in and never fail", async () => {
  // Signed out, with addresses that belong to nobody: no demo account's sign-in limit is spent.
  const api = await playwrightRequest.newContext({ baseURL });
  let tried = 0;
  try {
    const path = fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "_log");
    const form = fc.record({ email: hostileText, password: hostileText, csrfToken: hostileText, callbackUrl: hostileText }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(path, form, async (p, data) => {
        tried += 1;
        const response = await api.post(`/api/auth/${p}`, { ...options, form: data });
        await expectSpecific(response, `POST /api/auth/${p}`);
        expect((await api.storageState()).cookies.some((c) => c.name.includes("session-token")), "no session was made").toBe(false);
      }),
      { numRuns: 50, endOnFailure: true },
    );
  } finally {
    await api.dispose();
  }
  console.log(`Fuzz next-auth: ${tried} inputs tried`);
  test.info().annotations.push({ type: "fuzz inputs", description: String(tried) });
});

test("fuzz the population CSV upload: random bytes, huge lines, other encodings, many columns; refused whole", async () => {
  test.setTimeout(150_000);
  const client = await connect();
  const api = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("lead") });
  try {
    const f = await createFixture(client, "Fuzz population");
    // Imports are open while the inspection is being set up.
    await client.query("UPDATE inspections SET status = 'setup', window_start = '2025-01-01', window_end = '2026-06-30' WHERE id = $1", [f.inspectionId]);
    const header = "reference,stream,disposal_type,gender,age,start_date";
    const row = fc
      .array(fc.oneof(hostileText.map((s) => s.slice(0, 200)), fc.constantFrom("court", "referral_order", "male", "15", "2026-01-10", '"quoted, comma"', '"unterminated')), { minLength: 1, maxLength: 8 })
      .map((cells) => cells.join(","));
    const text = fc.oneof(
      fc.array(row, { maxLength: 20 }).map((rows) => [header, ...rows].join("\n")),
      fc.array(row, { maxLength: 5 }).map((rows) => rows.join("\r\n")),
      fc.integer({ min: 50, max: 2000 }).map((n) => [Array.from({ length: n }, (_, i) => `c${i}`).join(","), Array.from({ length: n }, () => "1").join(",")].join("\n")),
      fc.constant(`${header}\nR-1,court,referral_order,male,15,2026-01-10,${"y".repeat(1_000_000)}`),
      fc.constant(""),
    );
    const bytes = fc.oneof(
      text.map((t) => Buffer.from(t, "utf8")),
      text.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])),
      text.map((t) => Buffer.from(t.replace(/[^\x00-\xff]/g, "?"), "latin1")),
      fc.uint8Array({ maxLength: 4000 }).map((a) => Buffer.from(a)),
    );
    const contentType = fc.constantFrom("text/csv", "text/csv; charset=utf-16", "application/octet-stream", "text/plain", "application/json", "multipart/form-data", "");
    const fileName = fc.oneof(fc.constantFrom("population.csv", "%E0%A4%A", "..%2F..%2Fetc%2Fpasswd"), segment);
    const snapshots = snapshotsBefore(() => snapshot(client, f.inspectionId));
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(bytes, contentType, fileName, async (data, type, name) => {
        tried += 1;
        const before = await snapshots.next();
        const headers: Record<string, string> = { "X-File-Name": name };
        if (type) headers["Content-Type"] = type;
        const response = await api.post(`/inspections/${f.inspectionId}/setup/population/import`, { ...options, headers, data });
        await expectSpecific(response, "population import");
        if (response.status() !== 200) {
          expect(await snapshot(client, f.inspectionId), "a refused file imports nothing").toEqual(before);
          snapshots.unchanged(before);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`Fuzz population: ${tried} inputs tried`);
    test.info().annotations.push({ type: "fuzz inputs", description: String(tried) });
  } finally {
    await api.dispose();
    await client.end();
  }
});
