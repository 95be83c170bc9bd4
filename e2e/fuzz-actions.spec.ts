import { request as playwrightRequest } from "@playwright/test";
import fc from "fast-check";
import { ENTRY_POINTS } from "@/tests/entry-points";
import { actionState, callAction, concrete, connect, createFixture, serverActions, snapshot, snapshotsBefore, wellFormed } from "./entry-point-calls";
import { expect, storageStateOf, test } from "./fixtures";
import { hostileJson, hostileText } from "./fuzz-values";

// Bad input for every server action (issue 7): property-based forms and argument lists sent over
// HTTP as an allowed caller. Each input must get the form's error state with a message (or a 4xx),
// never a 5xx; an input that is refused must write nothing (the inspection's rows, the target user
// and its audit events compared before and after). Each action gets an inspection of its own, so
// an input that happens to be valid changes nothing another test reads.

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const PREFERRED = ["lead", "manager", "admin", "qualityAssurer", "inspector"] as const;

for (const entry of ENTRY_POINTS) {
  if (entry.kind !== "action") continue;
  const caller = PREFERRED.find((c) => entry.expect[c] === "ok");
  if (!caller) throw new Error(`No fuzzing caller may use ${entry.name}`);

  test(`fuzz ${entry.name}: never a 5xx, always a specific refusal, no write when refused`, async () => {
    test.setTimeout(120_000);
    const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
    const client = await connect();
    const api = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf(caller) });
    try {
      const f = await createFixture(client, `Fuzz ${entry.name}`);
      const ref = serverActions().find((a) => a.file === entry.file && a.name === entry.name)!;
      const pagePath = concrete(ref.page, { inspectionId: f.inspectionId, caseId: f.allocatedCase.id, standardId: "1.1", questionId: "2.1.1", userId: f.targetUserId });
      const good = wellFormed(entry.name, f);
      // Each field: absent, its real value, or a hostile one; sometimes extra fields.
      const field = (real: string) => fc.option(fc.oneof({ arbitrary: hostileText, weight: 4 }, { arbitrary: fc.constant(real), weight: 1 }), { nil: undefined, freq: 8 });
      const form = fc
        .tuple(fc.record(Object.fromEntries(Object.entries(good).map(([k, v]) => [k, field(v)]))), fc.dictionary(fc.string({ maxLength: 12 }), hostileText, { maxKeys: 3 }))
        .map(([fields, extra]) => ({ form: Object.fromEntries(Object.entries({ ...extra, ...fields }).filter(([, v]) => v !== undefined)) as Record<string, string> }));
      // Argument lists other than [state, form], as React's client could encode them (an array, with
      // strings starting "$" escaped as "$$"): no form, a form that is not one, extra arguments.
      const escape = (_: string, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value);
      const raw = fc
        .oneof(fc.array(hostileJson, { maxLength: 4 }).map((args) => JSON.stringify(args, escape)), fc.constantFrom("[]", '[{"status":"idle"}]', '[null,"$K2"]', '[{"status":"idle"},"junk"]'))
        .map((r) => ({ raw: r }));
      // Users and inspections a create action could have made from this input.
      const createdName = entry.name === "createUserAction" ? "email" : entry.name === "createInspectionAction" ? "yjsName" : null;
      const createdCount = async (args: { form: Record<string, string> } | { raw: string }): Promise<number> => {
        if (!createdName || !("form" in args) || args.form[createdName] === undefined) return 0;
        // PostgreSQL text cannot hold NUL, so a name with one can never have been stored.
        const value = args.form[createdName].trim().replaceAll("\u0000", "");
        const sql = createdName === "email" ? "SELECT count(*)::int AS n FROM users WHERE email = lower($1)" : "SELECT count(*)::int AS n FROM inspections WHERE yjs_name = $1";
        return (await client.query<{ n: number }>(sql, [value])).rows[0]!.n;
      };

      const snapshots = snapshotsBefore(() => snapshot(client, f.inspectionId, [f.targetUserId]));
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof({ arbitrary: form, weight: 4 }, { arbitrary: raw, weight: 1 }), async (args) => {
          tried += 1;
          const before = await snapshots.next();
          const createdBefore = await createdCount(args);
          const response = await callAction(api, ref, pagePath, args);
          const status = response.status();
          expect(status, `${entry.name} answered ${status}`).toBeLessThan(500);
          // A valid input may succeed and redirect (createInspectionAction): Next says so in a header.
          const redirected = Boolean(response.headers()["x-action-redirect"]);
          const state = status === 200 && !redirected ? actionState(await response.text()) : null;
          if (status === 200 && !redirected) {
            expect(state, "a 200 carries the form's state").not.toBeNull();
            expect(["error", "success"]).toContain(state!.status);
          } else {
            // A refusal of the input itself: not found (an id naming nothing) or a redirect after success.
            expect([200, 303, 307, 403, 404], `${entry.name} answered ${status}`).toContain(status);
          }
          const refused = state?.status === "error" || status === 403 || status === 404;
          if (state?.status === "error") expect(state.message, "an error state says what is wrong").toMatch(/\w/);
          if (refused) {
            expect(await snapshot(client, f.inspectionId, [f.targetUserId]), "a refused input writes nothing").toEqual(before);
            expect(await createdCount(args), "nothing was created").toBe(createdBefore);
            snapshots.unchanged(before);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      console.log(`Fuzzed ${entry.name} with ${tried} inputs as ${caller}`);
      test.info().annotations.push({ type: "fuzz inputs", description: String(tried) });
    } finally {
      await api.dispose();
      await client.end();
    }
  });
}
