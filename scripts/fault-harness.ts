// What the two fault suites (scripts/fault-tests.ts, scripts/scale-out-tests.ts) drive the app with:
// Chromium, a demo inspector answering on the case page, the page's outbox watched from outside, and
// the database read back to check that what was acknowledged is stored.
import { existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { allKeyQuestions, getFramework } from "@/lib/framework";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
}

export const email = (key: string) => DEMO_USERS.find((u) => u.key === key)!.email;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DemoCase {
  id: string;
  inspectionId: string;
  stream: "court" | "out_of_court";
}

/** Cases of Northbridge (demo data) allocated to `user`, answerable ones first by reference. */
export async function casesOf(pool: pg.Pool, user: string): Promise<DemoCase[]> {
  const rows = await pool.query<{ id: string; inspection_id: string; stream: "court" | "out_of_court" }>(
    `SELECT c.id, c.inspection_id, c.stream::text AS stream FROM cases c JOIN users u ON u.id = c.allocated_to JOIN inspections i ON i.id = c.inspection_id
     WHERE u.email = $1 AND i.yjs_name LIKE 'Northbridge%' AND c.stream <> 'resettlement' ORDER BY c.reference`,
    [user],
  );
  return rows.rows.map((r) => ({ id: r.id, inspectionId: r.inspection_id, stream: r.stream }));
}

/** The first four key questions of each case's stream: the fields a simulated client owns. */
export function firstQuestionsOf(cases: readonly DemoCase[]): { caseId: string; questionId: string }[] {
  const framework = getFramework("yjs-2021");
  return cases.flatMap((kase) =>
    allKeyQuestions(framework)
      .filter((kq) => kq.appliesTo.stream === kase.stream)
      .slice(0, 4)
      .map((kq) => ({ caseId: kase.id, questionId: kq.id })),
  );
}

/** The change ids among `ids` that the server has applied. */
export async function appliedIds(pool: pg.Pool, ids: Iterable<string>): Promise<Set<string>> {
  const rows = await pool.query<{ change_id: string }>("SELECT change_id FROM applied_changes WHERE change_id = ANY($1::uuid[])", [[...ids]]);
  return new Set(rows.rows.map((r) => r.change_id));
}

export async function storedAnswers(pool: pg.Pool, caseId: string): Promise<Map<string, { value: string | null; rationale: string }>> {
  const rows = await pool.query<{ question_id: string; value: string | null; rationale: string }>("SELECT question_id, value::text, rationale FROM answers WHERE case_id = $1", [caseId]);
  return new Map(rows.rows.map((r) => [r.question_id, { value: r.value, rationale: r.rationale }]));
}

export async function signIn(page: Page, user: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The key questions the page asks (ids in page order), read from the answer groups' names. */
export async function questionIds(page: Page): Promise<string[]> {
  const names = await page.getByRole("group").evaluateAll((groups) => groups.map((g) => g.querySelector("legend")?.textContent ?? ""));
  return names.map((n) => /^\s*(\d\.\d\.\d{1,2})\s/.exec(n)?.[1]).filter((id): id is string => Boolean(id));
}

const groupOf = (page: Page, questionId: string) => page.getByRole("group", { name: new RegExp(`^${questionId.replaceAll(".", "\\.")} `) });

/** One inspector's edit: an answer, then a rationale typed key by key (debounced by the page). */
export async function answer(page: Page, questionId: string, value: "Yes" | "No", rationale: string): Promise<void> {
  await groupOf(page, questionId).getByRole("radio", { name: value, exact: true }).check();
  const box = page.getByLabel(`Rationale for ${questionId}`);
  await box.fill("");
  await box.pressSequentially(rationale, { delay: 5 });
}

/** IndexedDB's outbox: changes still waiting in this browser. */
export const queued = (page: Page) =>
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

/** Watches the page's saves: change ids it sent, and those the server acknowledged (applied or duplicate). */
export function watchSaves(page: Page) {
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

/**
 * The edits a test makes on the page, each remembered as the value and rationale its key question
 * should hold at the end (the last typed wins); `onType` sees every rationale typed.
 */
export function typedEdits(page: Page, onType: (rationale: string) => void = () => undefined) {
  const typed = new Map<string, { value: string; rationale: string }>();
  return {
    typed,
    async edit(questionId: string, value: "Yes" | "No", rationale: string): Promise<void> {
      onType(rationale);
      await answer(page, questionId, value, rationale);
      typed.set(questionId, { value: value.toLowerCase(), rationale });
    },
  };
}
