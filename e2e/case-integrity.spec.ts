import type { Page } from "@playwright/test";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";
import { keptOffline } from "./offline-page";

// Nothing an inspector records changes without them (and the lead) knowing: an edit to a completed
// case, shortcut keys pressed on the wrong control, a conflict the save bar called saved, someone
// else's change on an open page, and which questions apply as the case is corrected.

const COURT = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];

const caseUrl = (inspectionId: string, caseId: string) => `/inspections/${inspectionId}/cases/${caseId}`;
const question = (page: Page, id: string) => page.getByRole("group", { name: new RegExp(`^${id.replaceAll(".", "\\.")} `) });
const radio = (page: Page, id: string, label: "Yes" | "No" | "Not applicable") => question(page, id).getByRole("radio", { name: label, exact: true });
const card = (page: Page, id: string) => page.locator(`#kq-${id.replaceAll(".", "-")}-card`);
const saveBar = (page: Page) => page.locator("#save-status").getByRole("status");
const caseStatus = (page: Page) => page.getByTestId("case-status");

async function openCase(page: Page, url: string) {
  await page.goto(url);
  await expect(saveBar(page)).toHaveText("All changes saved");
}

test.describe("integrity of what is recorded", () => {
  test("before the case page's scripts have run, no answer can be changed: a click reaches no control, and the save bar says it is loading", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Before the scripts", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const page = await pageAs(browser, "inspector");
    // Hotel wifi at its worst: the page's HTML arrives, its scripts never do.
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    await page.goto(url);
    await expect(saveBar(page)).toHaveText("Loading changes kept in this browser…");
    // Located by id: the answers are hidden from assistive technology too until the page is live.
    const yes = page.locator("#kq-2-1-1-yes");
    await yes.click({ force: true });
    await page.locator("#kq-2-1-1-rationale").click({ force: true });
    await page.keyboard.type("typed before the scripts");
    await expect(yes).not.toBeChecked();
    await expect(page.locator("#kq-2-1-1-rationale")).toHaveValue("");

    await page.unrouteAll();
    await openCase(page, url);
    await radio(page, "2.1.1", "Yes").check();
    await expect(saveBar(page)).toHaveText("All changes saved");
    await expect(radio(page, "2.1.1", "Yes")).toBeChecked();
  });

  test("an edit to a completed case returns it to in progress on the page, in the history and for the lead", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Edited after completion", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const page = await pageAs(browser, "inspector");
    await openCase(page, url);
    for (const id of COURT) await radio(page, id, "Yes").check();
    await page.getByRole("group", { name: "Was the case manager interviewed?" }).getByRole("radio", { name: "No" }).check();
    await page.getByRole("button", { name: "Mark the case as complete" }).click();
    await expect(page.getByText("The case is marked as complete")).toBeVisible();
    await expect(caseStatus(page)).toHaveText("Completed");
    await expect(page.getByText("If you change anything, it goes back to in progress")).toBeVisible();

    await radio(page, "2.4.3", "No").check();
    await page.getByLabel("Rationale for 2.4.3").fill("The review missed the new offence.");
    await expect(saveBar(page)).toHaveText("All changes saved");
    // Without a reload: the status the server gave the case, and the way to complete it again.
    await expect(caseStatus(page)).toHaveText("In progress");
    await expect(page.getByText("This case was changed after it was completed, so it is back in progress")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark the case as complete" })).toBeVisible();

    const lead = await pageAs(browser, "lead");
    await lead.goto(url);
    await expect(lead.getByText("Changed after completion by Tom Evans")).toBeVisible();
    await lead.goto(`${url}/history`);
    const moved = lead.getByRole("listitem").filter({ hasText: "Status changed from Completed to In progress" });
    await expect(moved).toContainText("Changed after the case was completed");
  });

  test("shortcut keys act only on the key question's own answer, never on a prompt or another control", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Shortcut focus", [{ stream: "court", allocatedTo: "inspector" }]);
    const page = await pageAs(browser, "inspector");
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));

    await card(page, "2.1.1").getByText(/^Prompts for 2\.1\.1/).click();
    const firstPrompt = page.locator("#kq-2-1-1-prompt-0");
    await firstPrompt.getByRole("radio", { name: "Met", exact: true }).focus();
    for (const key of ["n", "a", "y"]) await page.keyboard.press(key);
    for (const label of ["Yes", "No"] as const) await expect(radio(page, "2.1.1", label)).not.toBeChecked();
    await expect(firstPrompt.getByRole("radio", { name: "No mark" })).toBeChecked();

    await page.getByRole("group", { name: "Was the case manager interviewed?" }).getByRole("radio", { name: "No" }).focus();
    await page.keyboard.press("y");
    for (const id of COURT) await expect(radio(page, id, "Yes")).not.toBeChecked();

    // On the question's own radios the keys still answer it.
    await radio(page, "2.1.1", "Yes").focus();
    await page.keyboard.press("n");
    await expect(radio(page, "2.1.1", "No")).toBeChecked();
    await expect(saveBar(page)).toHaveText("All changes saved");
  });

  test("the save bar counts a waiting conflict as not saved, and an open page learns of another person's change", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Live changes", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const inspector = await pageAs(browser, "inspector");
    const lead = await pageAs(browser, "lead");
    await openCase(inspector, url);
    await openCase(lead, url);

    await radio(inspector, "2.3.1", "Yes").check();
    await expect(saveBar(inspector)).toHaveText("All changes saved");
    await radio(lead, "2.3.1", "No").check();
    await expect(lead.getByRole("alert").filter({ hasText: "Key question 2.3.1 was changed by someone else" })).toBeVisible();
    await expect(saveBar(lead)).toHaveText("Not saved: 1 change waits for your decision");

    // The inspector's open page learns the lead's answer on focus, without a reload.
    await radio(lead, "2.2.2", "No").check();
    await expect(saveBar(lead)).not.toHaveText("Saving…");
    await inspector.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(radio(inspector, "2.2.2", "No")).toBeChecked();
    await expect(card(inspector, "2.2.2")).toContainText("Changed by Amira Khan");
  });

  test("which questions apply, the status and the error summary follow each change without a reload (2018)", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases(
      "Live applicability",
      [
        { stream: "court", allocatedTo: "inspector" },
        { stream: "out_of_court", allocatedTo: "inspector" },
      ],
      "yjs-2018",
    );
    const page = await pageAs(browser, "inspector");
    await openCase(page, caseUrl(inspectionId, cases[0]!.id));
    const harm = page.getByRole("group", { name: "Are there harm factors in this case?" });

    await harm.getByRole("radio", { name: "No" }).check();
    await expect(card(page, "2.1.3")).toContainText("Does not apply to this case.");
    await page.getByRole("button", { name: "Mark the case as complete" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link", { name: "Choose yes or no for key question 2.1.1" })).toBeVisible();
    await expect(summary.getByRole("link", { name: /key question 2\.1\.3/ })).toHaveCount(0);

    await harm.getByRole("radio", { name: "Yes" }).check();
    await expect(radio(page, "2.1.3", "Yes")).toBeVisible();
    await radio(page, "2.1.1", "Yes").check();
    await expect(summary.getByRole("link", { name: "Choose yes or no for key question 2.1.1" })).toHaveCount(0);
    await page.getByRole("button", { name: "Mark the case as complete" }).click();
    const link = summary.getByRole("link", { name: "Choose yes or no for key question 2.1.3" });
    await link.click();
    await expect(radio(page, "2.1.3", "Yes")).toBeFocused();
    await radio(page, "2.1.3", "Yes").check();
    await expect(saveBar(page)).toHaveText("All changes saved");

    // Out of court: 3.4.2 applies once the disposal is corrected to a youth conditional caution.
    await openCase(page, caseUrl(inspectionId, cases[1]!.id));
    await expect(card(page, "3.4.2")).toContainText("Does not apply to this case.");
    await page.getByText("Correct the case's details").click();
    await page.getByLabel("Disposal type").selectOption({ label: "Youth conditional caution" });
    await radio(page, "3.4.2", "Yes").check();
    await expect(saveBar(page)).toHaveText("All changes saved");
    await page.reload();
    await expect(radio(page, "3.4.2", "Yes")).toBeChecked();
  });

  test("dates and the age cannot be half-entered: a partial date is an error by the field, never a silent old value", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Dates", [{ stream: "court", allocatedTo: "inspector" }]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const page = await pageAs(browser, "inspector");
    await openCase(page, url);
    await page.getByText("Correct the case's details").click();
    const disposal = page.getByRole("group", { name: "Disposal date" });
    await disposal.getByLabel("Day").fill("9");
    await disposal.getByLabel("Month").fill("3");
    await disposal.getByLabel("Year").fill("2026");
    await expect(saveBar(page)).toHaveText("All changes saved");
    await disposal.getByLabel("Year").fill("20");
    await page.getByLabel("Age at disposal").focus();
    await expect(disposal).toContainText("Year must include 4 numbers");
    await expect(disposal).toContainText("The date on record is still 9 March 2026.");
    await disposal.getByLabel("Year").fill("");
    await expect(disposal).toContainText("Disposal date must include a year");

    // The age can be cleared and typed again, digit by digit.
    const age = page.getByLabel("Age at disposal");
    await age.fill("");
    await age.pressSequentially("16");
    await expect(age).toHaveValue("16");
    await age.fill("9");
    await disposal.getByLabel("Day").focus();
    await expect(page.getByText("Enter an age between 10 and 18")).toBeVisible();
    await age.fill("16");
    await expect(saveBar(page)).toHaveText("All changes saved");
    await page.reload();
    await page.getByText("Correct the case's details").click();
    await expect(page.getByLabel("Age at disposal")).toHaveValue("16");
    await expect(page.getByRole("group", { name: "Disposal date" }).getByLabel("Year")).toHaveValue("2026");

    // Set-up uses the same three boxes: a partial date is refused by the field.
    const manager = await pageAs(browser, "manager");
    await manager.goto("/inspections/new");
    await manager.getByLabel("Youth justice service").fill(`Half dates ${Date.now()}`);
    const fieldwork = manager.getByRole("group", { name: "Fieldwork starts" });
    await fieldwork.getByLabel("Day").fill("22");
    await fieldwork.getByLabel("Month").fill("1");
    await fieldwork.getByLabel("Year").fill("20");
    await manager.getByRole("button", { name: "Create inspection" }).click();
    await expect(manager.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the date fieldwork starts as a real date");
    await expect(fieldwork).toContainText("Enter the date fieldwork starts as a real date");
    await expect(manager).toHaveURL(/\/inspections\/new$/);
    await expect(manager.locator('input[type="date"]')).toHaveCount(0);
  });

  test("offline copies of case pages belong to the signed-in user and go when the session does; unsent changes stay", async ({ browser }) => {
    const { inspectionId, cases } = await createInspectionWithCases("Offline owner", [
      { stream: "court", allocatedTo: "inspector" },
      { stream: "court", allocatedTo: "inspector2" },
    ]);
    const url = caseUrl(inspectionId, cases[0]!.id);
    const page = await pageAs(browser, "inspector");
    await openCase(page, url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await keptOffline(page);
    await page.context().setOffline(true);
    await radio(page, "2.1.1", "Yes").check();
    await expect(saveBar(page)).toHaveText("Offline – 1 change waiting");

    // The session ends (cookies gone); back online, the server sends the page to sign in.
    await page.context().clearCookies();
    await page.context().setOffline(false);
    await page.goto(url);
    await expect(page).toHaveURL(/\/sign-in/);
    const cachedCase = (path: string) => page.evaluate(async (p) => Boolean(await caches.match(p)), path);
    await expect.poll(() => cachedCase(new URL(url, page.url()).pathname)).toBe(false);

    // Another user signs in on this device: told of the change kept for the first one.
    await page.getByLabel("Email").fill("inspector2@case-review.test");
    await page.getByLabel("Password").fill("case-review-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    const theirs = caseUrl(inspectionId, cases[1]!.id);
    await openCase(page, theirs);
    await expect(page.getByText("This device keeps 1 change that another user made here")).toBeVisible();

    // A copy kept for someone else is deleted when this user's page loads.
    await page.evaluate(async () => {
      const cache = await caches.open("case-review-case-pages-v1");
      await cache.put("/__case-review-offline-owner", new Response("someone-else"));
      await cache.put("/inspections/x/cases/00000000-0000-4000-8000-000000000000", new Response("their page"));
    });
    await page.reload();
    await expect.poll(() => cachedCase("/inspections/x/cases/00000000-0000-4000-8000-000000000000")).toBe(false);
  });
});
