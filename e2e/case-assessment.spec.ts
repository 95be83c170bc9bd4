import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { goOffline, keptOffline } from "./offline-page";

// The inspector's week in the case screen: keyboard completion, offline work that survives a reload,
// conflicts between two people, completion refused then accepted, the lead's QA loop with history,
// rights and accessibility. Every test makes its own inspection and cases.

const COURT = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];

const caseUrl = (inspectionId: string, caseId: string) => `/inspections/${inspectionId}/cases/${caseId}`;
const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
const radio = (page: Page, id: string, label: "Yes" | "No" | "Not applicable") => question(page, id).getByRole("radio", { name: label, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Saving…|Offline|Couldn't save|Loading changes/ });

async function openCase(page: Page, url: string) {
  await page.goto(url);
  await expect(status(page)).toHaveText("All changes saved");
}

async function answerAllYesAndComplete(page: Page) {
  for (const id of COURT) await radio(page, id, "Yes").check();
  await page.getByRole("group", { name: "Was the case manager interviewed?" }).getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: "Mark the case as complete" }).click();
  await expect(page.getByText("The case is marked as complete")).toBeVisible();
}

test.describe("case assessment", () => {
  test("an inspector completes a court case by keyboard only", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Keyboard", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "inspector");
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));

    await page.keyboard.press("j"); // first key question
    for (const [i, id] of COURT.entries()) {
      await expect(radio(page, id, "Yes")).toBeFocused();
      await page.keyboard.press(i === 3 ? "n" : "y");
      if (i < COURT.length - 1) await page.keyboard.press("j");
    }
    // K goes back; a "no" needs a rationale: Tab into it and type (shortcuts stay quiet while typing).
    for (let i = 0; i < 8; i++) await page.keyboard.press("k");
    await expect(radio(page, "2.2.1", "No")).toBeFocused();
    await tabUntil(page, "Rationale for 2.2.1");
    await page.keyboard.type("No plan yet: the young person was not involved.");
    await expect(radio(page, "2.2.1", "No")).toBeChecked();

    await tabUntil(page, "Was the case manager interviewed?", "Yes");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.type("24");
    await page.keyboard.press("Tab");
    await page.keyboard.type("11");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2026");
    await tabUntil(page, "Mark the case as complete");
    await page.keyboard.press("Enter");
    await expect(page.getByText("The case is marked as complete")).toBeVisible();
    await expect(page.getByRole("heading", { name: /2\.1 Assessment/ })).toContainText("Completed");

    const fresh = await pageAs(browser, "inspector");
    await fresh.goto(caseUrl(inspectionId, cases[0]!.id));
    await expect(radio(fresh, "2.2.1", "No")).toBeChecked();
    await expect(fresh.getByLabel("Rationale for 2.2.1")).toHaveValue("No plan yet: the young person was not involved.");
    await expect(fresh.getByRole("group", { name: "Date of the interview" }).getByLabel("Day")).toHaveValue("24");
  });

  test("answers given offline survive a reload and reach the server when back online", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Offline", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "inspector");
    const url = caseUrl(inspectionId, cases[0]!.id);
    await openCase(page, url);
    // The case page keeps a copy of itself for offline use once its service worker is active.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await keptOffline(page);

    // Through goOffline: on this Chromium a page reloaded with the context offline says it is online.
    const goOnline = await goOffline(page);
    const ten = COURT.slice(0, 10);
    for (const [i, id] of ten.entries()) await radio(page, id, i === 0 ? "No" : "Yes").check();
    await expect(status(page)).toHaveText("Offline – 10 changes waiting");
    await page.getByLabel("Rationale for 2.1.1").fill("Offline note: no analysis of offending behaviour.");
    await expect(status(page)).toHaveText("Offline – 11 changes waiting");

    await page.reload();
    await expect(status(page)).toHaveText("Offline – 11 changes waiting");
    await expect(radio(page, "2.1.1", "No")).toBeChecked();
    await expect(page.getByLabel("Rationale for 2.1.1")).toHaveValue("Offline note: no analysis of offending behaviour.");

    await goOnline();
    await expect(status(page)).toHaveText("All changes saved", { timeout: 20_000 });

    const fresh = await pageAs(browser, "inspector");
    await fresh.goto(url);
    await expect(radio(fresh, "2.1.1", "No")).toBeChecked();
    for (const id of ten.slice(1)) await expect(radio(fresh, id, "Yes")).toBeChecked();
    await expect(fresh.getByLabel("Rationale for 2.1.1")).toHaveValue("Offline note: no analysis of offending behaviour.");
  });

  test("two people change the same answer: the conflict is shown with both values and resolved", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Conflict", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const inspector = await pageAs(browser, "inspector");
    const lead = await pageAs(browser, "lead");
    await openCase(inspector, url);
    await openCase(lead, url);

    // The lead is offline while the inspector saves, so their page cannot learn of it first (its
    // poll would, and then there is rightly no conflict): their change is sent on the old version.
    await lead.context().setOffline(true);
    await radio(inspector, "2.3.1", "Yes").check();
    await expect(status(inspector)).toHaveText("All changes saved");
    await radio(lead, "2.3.1", "No").check();
    await expect(status(lead)).toHaveText("Offline – 1 change waiting");
    await lead.context().setOffline(false);

    const alert = lead.getByRole("alert").filter({ hasText: "Key question 2.3.1 was changed by someone else" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("Tom Evans saved a different version");
    const row = alert.getByRole("row", { name: /Answer/ });
    await expect(row.getByRole("cell").nth(0)).toHaveText("No");
    await expect(row.getByRole("cell").nth(1)).toHaveText("Yes");
    await expect(lead.getByText("1 answer needs your decision")).toBeVisible();

    await alert.getByRole("button", { name: "Keep my version" }).click();
    await expect(alert).toBeHidden();
    await expect(status(lead)).toHaveText("All changes saved");

    const fresh = await pageAs(browser, "inspector");
    await fresh.goto(url);
    await expect(radio(fresh, "2.3.1", "No")).toBeChecked();
  });

  test("completion is refused with an error summary linking to each field, then accepted", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Completion", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "inspector");
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));
    await radio(page, "2.1.1", "No").check();
    await page.getByRole("button", { name: "Mark the case as complete" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(summary.getByRole("link", { name: "Enter a rationale for key question 2.1.1: a “no” answer needs one" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Choose yes, no or not applicable for key question 2.4.3" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Choose whether the case manager was interviewed" })).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(11 + 1 + 1);
    await summary.getByRole("link", { name: "Choose yes, no or not applicable for key question 2.1.2" }).click();
    await expect(radio(page, "2.1.2", "Yes")).toBeFocused();
    await expect(question(page, "2.1.2")).toContainText("Error: Choose yes, no or not applicable for key question 2.1.2");

    await page.getByLabel("Rationale for 2.1.1").fill("The assessment does not analyse the offending.");
    for (const id of COURT.slice(1)) await radio(page, id, "Yes").check();
    await page.getByRole("group", { name: "Was the case manager interviewed?" }).getByRole("radio", { name: "No" }).check();
    await page.getByRole("button", { name: "Mark the case as complete" }).click();
    await expect(page.getByText("The case is marked as complete")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toHaveCount(0);
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 320, height: 640 }]) {
    test(`an error-summary link brings its question's text into view below the sticky save bar (${viewport.width} px)`, async ({ browser }, testInfo) => {
      const { inspectionId, cases } = await createInspectionWithCases("Scroll margin", [{ stream: "court", allocatedTo: "inspector" }]);
      const page = await pageAs(browser, "inspector");
      await page.setViewportSize(viewport);
      await openCase(page, caseUrl(inspectionId, cases[0]!.id));
      await radio(page, "2.1.1", "No").check();
      await page.getByRole("button", { name: "Mark the case as complete" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      const bar = page.locator("#save-status");
      const clearOfBar = async (target: ReturnType<Page["locator"]>) => {
        const [barBox, box] = [await bar.boundingBox(), await target.boundingBox()];
        expect(box!.y, "the label starts below the save bar").toBeGreaterThanOrEqual(barBox!.y + barBox!.height);
      };

      // The summary takes focus with its title in view, below the bar, however long its list.
      await expect(summary).toBeFocused();
      const title = summary.getByRole("heading", { name: "There is a problem" });
      await expect(title).toBeInViewport();
      await clearOfBar(title);

      await summary.getByRole("link", { name: "Choose yes, no or not applicable for key question 2.3.2" }).click();
      await expect(radio(page, "2.3.2", "Yes")).toBeFocused();
      await clearOfBar(question(page, "2.3.2").locator("legend").first());
      await page.screenshot({ path: testInfo.outputPath(`error-link-${viewport.width}.png`) });

      await summary.getByRole("link", { name: /Enter a rationale for key question 2\.1\.1/ }).click();
      await expect(page.getByLabel("Rationale for 2.1.1")).toBeFocused();
      await clearOfBar(page.locator(`label[for="kq-2-1-1-rationale"]`));
    });
  }

  test("the lead returns a case with a comment, the inspector replies, the lead approves; the history shows every step", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("QA", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const inspector = await pageAs(browser, "inspector");
    await openCase(inspector, url);
    await answerAllYesAndComplete(inspector);

    const lead = await pageAs(browser, "lead");
    await openCase(lead, url);
    await lead.getByText("Comment on this answer (key question 2.2.1)").click();
    const comment = lead.getByLabel("Comment for the inspector on key question 2.2.1");
    // A refused comment keeps what was typed; a sent one clears the box.
    const tooLong = `Was the plan really co-produced with the child? ${"x".repeat(5_000)}`;
    await comment.fill(tooLong);
    await lead.getByRole("button", { name: "Add comment" }).filter({ visible: true }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "Enter a comment of at most 5000 characters" })).toBeVisible();
    await expect(comment).toHaveValue(tooLong);
    await comment.fill("Was the plan really co-produced with the child?");
    await lead.getByRole("button", { name: "Add comment" }).filter({ visible: true }).click();
    await expect(lead.getByRole("region", { name: "Lead inspector's comment on key question 2.2.1" })).toContainText("Open");
    await expect(comment).toHaveValue("");
    await lead.getByRole("button", { name: "Return the case to the inspector" }).click();
    await expect(lead.getByText("The case is returned to its inspector")).toBeVisible();
    // The notice telling the inspector what to do is for the inspector, not the lead who returned it.
    await expect(lead.getByText("The lead inspector returned this case with comments")).toHaveCount(0);

    await inspector.reload();
    await expect(inspector.getByText("The lead inspector returned this case with comments")).toBeVisible();
    const thread = inspector.getByRole("region", { name: "Lead inspector's comment on key question 2.2.1" });
    await expect(thread).toContainText("Was the plan really co-produced with the child?");
    await thread.getByLabel("Your reply to the lead inspector").fill("Yes: the child wrote the goals with the case manager.");
    await thread.getByRole("button", { name: "Send reply" }).click();
    await expect(thread).toContainText("Answered");
    await inspector.getByRole("button", { name: "Mark the case as complete" }).click();
    await expect(inspector.getByText("The case is marked as complete")).toBeVisible();

    await lead.reload();
    await lead.getByRole("button", { name: "Approve and lock the case" }).click();
    await expect(lead.getByText("The case is approved and locked.")).toBeVisible();

    await inspector.reload();
    await expect(inspector.getByText("This case is approved, so it is locked.")).toBeVisible();
    await expect(radio(inspector, "2.1.1", "Yes")).toBeDisabled();

    await inspector.getByRole("link", { name: /Case history/ }).click();
    const history = inspector.getByRole("list", { name: "Case history, oldest first" });
    for (const step of [
      "Changed key question 2.1.1",
      "Status changed from Not started to In progress",
      "Recorded the case manager interview",
      "Marked section 2.1 Assessment complete",
      "Status changed from In progress to Completed",
      "Commented on key question 2.2.1",
      "Status changed from Completed to Returned",
      "Replied to the comment on key question 2.2.1",
      "Status changed from Returned to Completed",
      "Closed the comment on key question 2.2.1",
      "Status changed from Completed to Approved",
    ]) {
      await expect(history.getByRole("heading", { name: step }).first()).toBeVisible();
    }
    await expect(history).toContainText("Amira Khan");
    await expect(history).toContainText("Tom Evans");

    // Reopening needs a reason, and afterwards only the reopening is reported (not the earlier approval).
    await lead.getByRole("button", { name: "Reopen the case" }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter why you are reopening this case");
    await expect(lead.getByRole("textbox", { name: "Why are you reopening this case?" })).toHaveAccessibleDescription(/Enter why you are reopening this case/);
    await lead.getByLabel("Why are you reopening this case?").fill("Key question 2.2.1 needs a second look.");
    // Reopening undoes the approval: the server refuses until the lead ticks the confirmation.
    await lead.getByRole("button", { name: "Reopen the case" }).click();
    await expect(lead.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Confirm that you want to reopen the case");
    const confirm = lead.getByRole("checkbox", { name: "Yes, reopen this approved case" });
    await expect(confirm).toHaveAccessibleDescription(/no longer counts as approved/);
    await lead.reload();
    await expect(lead.getByRole("button", { name: "Reopen the case" })).toBeVisible();
    await lead.getByLabel("Why are you reopening this case?").fill("Key question 2.2.1 needs a second look.");
    await confirm.check();
    await lead.getByRole("button", { name: "Reopen the case" }).click();
    await expect(lead.getByRole("status").filter({ hasText: "The case is reopened." })).toBeVisible();
    await expect(lead.getByText("The case is approved and locked.")).toHaveCount(0);
  });

  test("the save status stays in view while scrolling, and the rationale hint follows the answer", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Status bar", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "inspector");
    await page.setViewportSize({ width: 1366, height: 768 });
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));

    const hint = (id: string) => page.getByRole("textbox", { name: `Rationale for ${id}` });
    await expect(hint("2.1.3")).toHaveAccessibleDescription("Required if you answer “no”, optional otherwise.");
    await radio(page, "2.1.3", "Not applicable").check();
    await expect(hint("2.1.3")).toHaveAccessibleDescription("Optional: the reason above says why it is not applicable.");
    await radio(page, "2.1.3", "No").check();
    await expect(hint("2.1.3")).toHaveAccessibleDescription(/^Required for a “no”/);

    await page.getByRole("button", { name: "Mark the case as complete" }).scrollIntoViewIfNeeded();
    await expect(status(page)).toHaveText("All changes saved");
    await expect(status(page)).toBeInViewport();
  });

  test("another inspector can read but not change a case; someone off the team is refused", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Rights", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const colleague = await pageAs(browser, "inspector2");
    await colleague.goto(url);
    await expect(colleague).toHaveTitle(`Case ${cases[0]!.reference} – Case Review`);
    await expect(colleague.getByText("You can read this case but not change it")).toBeVisible();
    await expect(radio(colleague, "2.1.1", "Yes")).toBeDisabled();
    await expect(colleague.getByRole("button", { name: "Mark the case as complete" })).toHaveCount(0);
    const response = await colleague.request.post(`/api/cases/${cases[0]!.id}/changes`, {
      data: { changes: [{ changeId: crypto.randomUUID(), target: "answer", questionId: "2.1.1", baseVersion: 0, from: {}, to: { value: "yes" } }] },
    });
    expect(response.status()).toBe(403);

    const outsider = await pageAs(browser, "otherLead");
    expect((await outsider.goto(url))?.status()).toBe(403);
    await expect(outsider).not.toHaveTitle(new RegExp(cases[0]!.reference));
    expect((await outsider.request.post(`/api/cases/${cases[0]!.id}/changes`, { data: { changes: [] } })).status()).toBe(403);
  });

  test("the cases grid and a resettlement case's evidence link", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Grid", [
      { stream: "court", allocatedTo: "inspector" },
      { stream: "resettlement", allocatedTo: "inspector2" },
    ]);
    const lead = await pageAs(browser, "lead");
    await lead.goto(`/inspections/${inspectionId}/cases`);
    const grid = lead.getByRole("table", { name: /Court disposal cases/ });
    await grid.getByRole("link", { name: `${cases[0]!.reference} 2.3 Implementation and delivery: Not started` }).click();
    await expect(lead).toHaveURL(/#standard-2-3$/);

    const inspector = await pageAs(browser, "inspector");
    await inspector.goto(`/inspections/${inspectionId}/cases`);
    await expect(inspector.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
    await expect(inspector.getByRole("table", { name: "Cases allocated to you" }).getByRole("row")).toHaveCount(2);

    await lead.goto(caseUrl(inspectionId, cases[1]!.id));
    await expect(lead.getByRole("link", { name: "Record evidence for this case" })).toHaveAttribute(
      "href",
      `/inspections/${inspectionId}/evidence/4.1?case=${cases[1]!.id}`,
    );
    await expect(lead.getByRole("radio")).toHaveCount(0);
  });

  test("axe finds no WCAG 2.2 AA violations on the case page", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Axe", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "lead");
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));
    await radio(page, "2.1.1", "No").check();
    await page.getByText("Prompts for 2.1.1").click();
    await page.getByRole("button", { name: "Mark the case as complete" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    // The site header belongs to the app layout (its links' colour is reported separately); this
    // checks everything the case page itself renders.
    const results = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

/** Presses Tab until the focused element has this accessible label (optionally within a named group). */
async function tabUntil(page: Page, label: string, option?: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { label: "", group: "" };
      const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
      const group = el.closest("fieldset")?.querySelector("legend")?.textContent ?? "";
      return { label: (byFor ?? el.textContent ?? "").trim(), group: group.trim() };
    });
    if (option ? here.group === label && here.label === option : here.label === label) return;
  }
  throw new Error(`Tab never reached ${label}`);
}
