import type { Page } from "@playwright/test";
import { watchSaves } from "@/scripts/fault-harness";
import type { ConflictRecord, QueuedChange } from "@/components/case/idb";
import { connect } from "./entry-point-calls";
import { createInspectionWithCases, demoUser, expect, pageAs, test } from "./fixtures";

// The case page's outbox (components/case/outbox.ts) in Chromium, against the running app: no fake
// IndexedDB, no fake server. Its promises, as its comments state them: a change is in IndexedDB
// before anything else and outlives the page; changes are sent in the order made, each kept as made
// (two choices for one answer are two changes, the later one winning; typing is debounced into one
// change by the page, components/case/use-case-store.ts); a change leaves the store only when the
// server acknowledges it; a conflict is kept, with every pending change to that answer folded into
// "mine", until the user chooses, while other answers' changes still go. outbox-logic.test.ts covers
// the pure parts. The stores are read straight from IndexedDB ("case-review", components/case/idb.ts).

const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
const radio = (page: Page, id: string, label: "Yes" | "No") => question(page, id).getByRole("radio", { name: label, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save|needs your decision/ });
const caseUrl = (inspectionId: string, caseId: string) => `/inspections/${inspectionId}/cases/${caseId}`;

/** Everything in one of the outbox's object stores, in key order (the changes' seq). */
function stored<T>(page: Page, store: "changes" | "conflicts"): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("case-review");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

async function openCase(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(status(page)).toHaveText("All changes saved");
}

/** Saves of the case fail as if Case Review could not be reached (the context's route also reaches the requests the cases' service worker passes on), until the function returned is called. */
async function savesUnreachable(page: Page, caseId: string): Promise<() => Promise<void>> {
  const changesRoute = `**/api/cases/${caseId}/changes`;
  await page.context().route(changesRoute, (route) => route.abort("internetdisconnected"));
  return () => page.context().unroute(changesRoute);
}

/** What someone else does to the case meanwhile, straight in the database. */
async function meanwhile(sql: string, params: unknown[]): Promise<void> {
  const client = await connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function storedAnswer(caseId: string, questionId: string) {
  const client = await connect();
  try {
    const row = await client.query<{ value: string | null; rationale: string; version: number }>(
      "SELECT value::text AS value, rationale, version FROM answers WHERE case_id = $1 AND question_id = $2",
      [caseId, questionId],
    );
    return row.rows[0] ?? null;
  } finally {
    await client.end();
  }
}

test("changes made offline are stored as made, outlive the page, are sent in order and leave the store once acknowledged", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Outbox order", [{ stream: "court", allocatedTo: "inspector" }]);
  const caseId = cases[0]!.id;
  const page = await pageAs(browser, "inspector");
  const context = page.context();
  await openCase(page, caseUrl(inspectionId, caseId));

  await context.setOffline(true);
  await radio(page, "2.1.1", "Yes").check();
  await radio(page, "2.1.1", "No").check();
  await radio(page, "2.1.2", "Yes").check();
  // Typed in one go: the page sends the text once, after a pause (TEXT_DEBOUNCE_MS).
  await page.getByLabel("Rationale for 2.1.1").pressSequentially("The plan is late.", { delay: 10 });
  await expect(status(page)).toHaveText("Offline – 4 changes waiting");

  const queued = await stored<QueuedChange>(page, "changes");
  expect(queued.map(({ questionId, from, to }) => ({ questionId, from, to }))).toEqual([
    { questionId: "2.1.1", from: { value: null }, to: { value: "yes" } },
    { questionId: "2.1.1", from: { value: "yes" }, to: { value: "no" } },
    { questionId: "2.1.2", from: { value: null }, to: { value: "yes" } },
    { questionId: "2.1.1", from: { rationale: "" }, to: { rationale: "The plan is late." } },
  ]);
  expect(queued.map((c) => c.seq)).toEqual([...queued.map((c) => c.seq!)].sort((a, b) => a - b));
  expect(new Set(queued.map((c) => c.caseId))).toEqual(new Set([caseId]));

  // The page goes away with nothing sent; a new page in the same browser, online, sends what the old one stored.
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  const saves = watchSaves(again);
  // Every text the save bar shows, from the first: it must never say all is saved over changes waiting here.
  await again.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { saveBarTexts: string[] }).saveBarTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector("#save-status [role=status]")?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await again.goto(caseUrl(inspectionId, caseId));
  await expect(status(again)).toHaveText("All changes saved");
  const shown = await again.evaluate(() => (window as unknown as { saveBarTexts: string[] }).saveBarTexts);
  expect(shown.filter((text) => !text.startsWith("Loading changes"))[0], "the first thing the bar says once the kept changes are loaded").toBe("Saving…");
  expect([...saves.sent], "sent in the order made, each change once").toEqual(queued.map((c) => c.changeId));
  expect([...saves.acknowledged].sort()).toEqual(queued.map((c) => c.changeId).sort());
  expect(await stored<QueuedChange>(again, "changes"), "acknowledged changes leave the store").toEqual([]);
  // The later choice won: the changes were applied in the order made.
  expect(await storedAnswer(caseId, "2.1.1")).toMatchObject({ value: "no", rationale: "The plan is late." });
  expect(await storedAnswer(caseId, "2.1.2")).toMatchObject({ value: "yes" });
  await expect(radio(again, "2.1.1", "No")).toBeChecked();
});

test("a conflict is kept with every pending change to its answer until the user chooses, across a reload, and other answers are still sent", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Outbox conflict", [{ stream: "court", allocatedTo: "inspector" }]);
  const caseId = cases[0]!.id;
  const url = caseUrl(inspectionId, caseId);
  const inspector = await pageAs(browser, "inspector");
  await openCase(inspector, url);
  await radio(inspector, "2.3.1", "No").check();
  await expect(status(inspector)).toHaveText("All changes saved");

  // Offline, the inspector changes 2.3.1 twice (its answer, then its rationale) and answers 2.2.1.
  await inspector.context().setOffline(true);
  await radio(inspector, "2.3.1", "Yes").check();
  await inspector.getByLabel("Rationale for 2.3.1").fill("Mine: the plan names the risks.");
  await radio(inspector, "2.2.1", "Yes").check();
  await expect(status(inspector)).toHaveText("Offline – 3 changes waiting");

  // Meanwhile the lead writes another rationale for 2.3.1.
  const lead = await pageAs(browser, "lead");
  await openCase(lead, url);
  await lead.getByLabel("Rationale for 2.3.1").fill("Lead: say which risks.");
  await expect(status(lead)).toHaveText("All changes saved");
  await expect.poll(async () => (await storedAnswer(caseId, "2.3.1"))?.rationale).toBe("Lead: say which risks.");

  // Back online: the answer change that agrees with the stored value goes, the rationale conflicts
  // and is kept (not dropped), and 2.2.1's change, after it in the queue, is still sent.
  await inspector.context().setOffline(false);
  const alert = inspector.getByRole("alert").filter({ hasText: "Key question 2.3.1 was changed by someone else" });
  await expect(alert).toBeVisible();
  await expect.poll(async () => (await storedAnswer(caseId, "2.2.1"))?.value).toBe("yes");
  await expect.poll(async () => (await stored<QueuedChange>(inspector, "changes")).length).toBe(0);
  const [conflict, ...others] = await stored<ConflictRecord>(inspector, "conflicts");
  expect(others).toEqual([]);
  expect(conflict).toMatchObject({ caseId, target: "answer", questionId: "2.3.1", fields: ["rationale"] });
  expect(conflict!.mine.rationale).toBe("Mine: the plan names the risks.");
  expect(conflict!.theirs.fields.rationale).toBe("Lead: say which risks.");
  expect(await storedAnswer(caseId, "2.3.1")).toMatchObject({ value: "yes", rationale: "Lead: say which risks." });

  // The conflict outlives a reload, and keeping "mine" sends it on the stored version.
  await inspector.reload();
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("row", { name: /Rationale/ }).getByRole("cell").nth(0)).toHaveText("Mine: the plan names the risks.");
  expect(await stored<ConflictRecord>(inspector, "conflicts")).toHaveLength(1);
  await alert.getByRole("button", { name: "Keep my version" }).click();
  await expect(alert).toBeHidden();
  await expect(status(inspector)).toHaveText("All changes saved");
  expect(await stored<ConflictRecord>(inspector, "conflicts")).toEqual([]);
  expect(await stored<QueuedChange>(inspector, "changes")).toEqual([]);
  expect(await storedAnswer(caseId, "2.3.1")).toMatchObject({ value: "yes", rationale: "Mine: the plan names the risks." });
});

test("changes kept for a case reallocated meanwhile are refused once, never sent again by themselves, and listed on My cases with what they said until discarded after confirming", async ({
  browser,
}) => {
  const { inspectionId, cases } = await createInspectionWithCases("Outbox reallocated", [{ stream: "court", allocatedTo: "inspector" }]);
  const moved = cases[0]!;
  const page = await pageAs(browser, "inspector");
  const context = page.context();
  await openCase(page, caseUrl(inspectionId, moved.id));

  // The connection to Case Review fails while the inspector answers; meanwhile the lead reallocates the case to a colleague.
  const reachable = await savesUnreachable(page, moved.id);
  await radio(page, "2.1.1", "No").check();
  await page.getByLabel("Rationale for 2.1.1").fill("Lives with his grandmother since March.");
  await expect.poll(async () => (await stored<QueuedChange>(page, "changes")).length).toBe(2);
  await meanwhile("UPDATE cases SET allocated_to = (SELECT id FROM users WHERE email = $2) WHERE id = $1", [moved.id, demoUser("inspector2").email]);

  // Back online, on My cases: the server refuses them, and the page says which, why and what they said.
  const sent: string[] = [];
  context.on("requestfinished", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === `/api/cases/${moved.id}/changes`) sent.push(request.url());
  });
  await page.goto(`/inspections/${inspectionId}/cases`);
  await reachable();
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const refused = page.getByRole("region", { name: "Changes that could not be saved" });
  await expect(refused.getByRole("heading", { name: `Case ${moved.reference}` })).toBeVisible();
  await expect(refused).toContainText("Why: Only the inspector allocated to this case, or the lead inspector, can change it.");
  await expect(refused.getByText("Key question 2.1.1")).toHaveCount(2);
  await expect(refused.getByRole("definition").filter({ hasText: /^No$/ })).toBeVisible();
  await expect(refused.getByRole("definition").filter({ hasText: "Lives with his grandmother since March." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Couldn't save some of your changes" })).toBeVisible();

  // Never again by themselves: not on the outbox's cues, nor on a reload; and never to the colleague's case.
  await page.evaluate(() => {
    window.dispatchEvent(new Event("online"));
    window.dispatchEvent(new Event("focus"));
  });
  await page.reload();
  await expect(refused).toBeVisible();
  await page.waitForTimeout(2_000);
  expect(sent, "one refused attempt").toHaveLength(1);
  expect(await storedAnswer(moved.id, "2.1.1")).toBeNull();

  // Discarding asks first; keeping them keeps them.
  await refused.getByRole("button", { name: `Discard 2 changes to case ${moved.reference}` }).click();
  await expect(refused.getByText(`Are you sure you want to discard 2 changes to case ${moved.reference}?`)).toBeFocused();
  await refused.getByRole("button", { name: "No, keep them" }).click();
  expect(await stored<QueuedChange>(page, "changes")).toHaveLength(2);
  await refused.getByRole("button", { name: `Discard 2 changes to case ${moved.reference}` }).click();
  await refused.getByRole("button", { name: `Yes, discard 2 changes to case ${moved.reference}` }).click();
  await expect(refused).toBeHidden();
  expect(await stored<QueuedChange>(page, "changes")).toEqual([]);
  await expect(page.getByRole("status").filter({ hasText: "Couldn't save" })).toHaveCount(0);
  expect(sent).toHaveLength(1);
});

test("a change refused for itself (its question no longer applies) holds back only that answer: the inspector's other answers go on saving, and My cases lists the refused one", async ({
  browser,
}) => {
  // The 2018 framework gates 2.1.3 on harm factors (lib/framework/yjs-2018.ts); unjudged, it applies.
  const { inspectionId, cases } = await createInspectionWithCases("Outbox refused answer", [{ stream: "court", allocatedTo: "inspector" }], "yjs-2018");
  const kase = cases[0]!;
  const page = await pageAs(browser, "inspector");
  await openCase(page, caseUrl(inspectionId, kase.id));

  // 2.1.3 is answered while Case Review cannot be reached; meanwhile the case is judged to have no harm factors.
  const reachable = await savesUnreachable(page, kase.id);
  await radio(page, "2.1.3", "Yes").check();
  await expect.poll(async () => (await stored<QueuedChange>(page, "changes")).length).toBe(1);
  await meanwhile("UPDATE cases SET harm_factors = false WHERE id = $1", [kase.id]);
  await reachable();
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(status(page)).toContainText("Couldn't save: Key question 2.1.3 does not apply to this case");

  // The next answer, to another question, is saved all the same; the refused change stays, alone.
  await radio(page, "2.1.1", "No").check();
  await expect.poll(async () => (await storedAnswer(kase.id, "2.1.1"))?.value ?? null).toBe("no");
  await expect.poll(async () => (await stored<QueuedChange>(page, "changes")).map((c) => c.questionId)).toEqual(["2.1.3"]);
  expect(await storedAnswer(kase.id, "2.1.3")).toBeNull();

  await page.goto(`/inspections/${inspectionId}/cases`);
  const refused = page.getByRole("region", { name: "Changes that could not be saved" });
  await expect(refused.getByRole("heading", { name: `Case ${kase.reference}` })).toBeVisible();
  await expect(refused).toContainText("Why: Key question 2.1.3 does not apply to this case, so it cannot be answered.");
  await expect(refused).not.toContainText("wait");
});
