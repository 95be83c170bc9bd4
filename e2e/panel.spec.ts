import type { Browser, Page } from "@playwright/test";
import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { DEMO_PASSWORD } from "@/scripts/demo-data";
import { expect, pageAs, runTestData, signedInPage, test } from "./fixtures";

const TEST_DATA = "tests/panel/test-support-cli.ts";
const DEMOSHIRE = "Demoshire Youth Justice Service";

// The ratings panel. Demoshire's answers reproduce Salford 2024; this is the only file that changes
// Demoshire's panel decisions, all in one serial block that puts them back afterwards.

async function openDemoshirePanel(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: DEMOSHIRE }).first().click();
  await page.getByRole("link", { name: "Ratings panel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ratings panel" })).toBeVisible();
}

const summary = (page: Page) => page.getByRole("region", { name: "Score and overall rating" });

async function judge(page: Page, standard: string, rating: string) {
  const form = page.getByRole("group", { name: new RegExp(`^Judgement of ${standard.replace(".", "\\.")} `) });
  await form.getByLabel("Rating").selectOption(rating);
  await form.getByLabel("Rationale").fill(`Evidence from documents, meetings and interviews supports '${rating}'.`);
  await form.getByRole("button", { name: "Record judgement" }).click();
  await expect(form.getByRole("status")).toHaveText(`Judgement recorded: ${standard} is '${rating}'.`);
}

function discretionForm(page: Page, standard: string) {
  return page.getByRole("group", { name: new RegExp(`^Discretion on ${standard.replace(".", "\\.")} `) });
}

test.describe.serial("Demoshire ratings panel: the lead decides, signs off and reopens", () => {
  test.afterAll(() => {
    // Put Demoshire back as the demo data left it: not signed off, no decisions.
    runTestData(TEST_DATA, "resetPanel", { yjsName: DEMOSHIRE });
  });

  test("the lead sees the calculated figures, judges the evidence-rated standards and reaches 20/36", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    await openDemoshirePanel(page);
    await expect(page.getByText("DRAFT — not signed off")).toBeVisible();
    await expect(summary(page)).toContainText("10/21 so far — not rated yet: 1.1, 1.2, 1.3, 1.4, 3.4");
    const planning = page.getByRole("table", { name: /^2\.2 Planning: key questions/ });
    const lowest = planning.getByRole("row", { name: /2\.2\.3 Does planning focus sufficiently on keeping other people safe\?/ });
    await expect(lowest).toContainText("6 / 13");
    await expect(lowest).toContainText("46%");
    await expect(lowest).toContainText("Lowest");
    await expect(lowest).toContainText("Near boundary: 1 answer changed from no to yes would reach Requires improvement");
    const planningArticle = page.getByRole("article", { name: "2.2 Planning" });
    await expect(planningArticle.getByText(/Discretion allowed to 'Requires improvement'\. Up to 'Requires improvement': 46% is 4 points from the 50% boundary/)).toBeVisible();
    await expect(page.getByRole("article", { name: "2.1 Assessment" }).getByText(/Up to 'Good': 54% is 11 points from the 65% boundary, outside the 5-point rule/)).toBeVisible();
    const chart = page.getByRole("img", { name: /Final % 'yes' of each key question/ });
    await expect(chart).toBeVisible();
    // Each bar says its band in words (colour is a second cue only), and the legend names each colour.
    await expect(chart.locator("text").filter({ hasText: /^46% Inadequate$/ }).first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Band colours" }).getByRole("listitem")).toHaveText(["Outstanding", "Good", "Requires improvement", "Inadequate"]);

    for (const standard of ["1.1", "1.2", "1.3", "1.4", "3.4", "4.1"]) await judge(page, standard, "Good");
    // The provisional score counts the judgements, so the provisional column shows them.
    const judged = page.getByRole("table", { name: "Ratings by standard" }).getByRole("row", { name: /^1\.1 / });
    await expect(judged.getByRole("cell").nth(3)).toHaveText("Good");
    await expect(summary(page)).toContainText("20/36");
    await expect(summary(page)).toContainText("Good");
  });

  test("the lead is offered only the discretion the rule allows, is refused without a note, and reaches 22/36 Good", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    await openDemoshirePanel(page);
    const planning = discretionForm(page, "2.2");
    // 2.2's lowest key question is 4 points below its boundary: the rule allows one move up, and nothing else is offered.
    await expect(planning.getByLabel("Rating").getByRole("option")).toHaveText(["Choose a rating", "Requires improvement"]);
    await planning.getByLabel("Rating").selectOption("Requires improvement");
    await planning.getByLabel("Note").fill("Small sample; planning for desistance and safety was strong.");
    await planning.getByRole("button", { name: "Record discretion" }).click();
    await expect(planning.getByRole("status")).toHaveText("Discretion recorded: 2.2 is now 'Requires improvement'.");
    await expect(summary(page)).toContainText("21/36");

    // 2.1 is 11 points below 'Good' but 4 above 'Inadequate': only the move down is offered, never 'Good'.
    await expect(discretionForm(page, "2.1").getByLabel("Rating").getByRole("option")).toHaveText(["Choose a rating", "Inadequate"]);

    const reviewing = discretionForm(page, "2.4");
    await expect(reviewing.getByLabel("Rating").getByRole("option")).toHaveText(["Choose a rating", "Good"]);
    await reviewing.getByLabel("Rating").selectOption("Good");
    await reviewing.getByRole("button", { name: "Record discretion" }).click();
    await expect(reviewing.getByRole("alert")).toContainText("Enter a note saying why the panel applied discretion");
    await expect(reviewing.getByLabel("Note")).toHaveAttribute("aria-invalid", "true");
    // The refusal keeps what the lead chose, and each refusal, even a repeated one, moves focus to the error summary.
    await expect(reviewing.getByLabel("Rating")).toHaveValue("Good");
    await expect(reviewing.getByRole("alert")).toBeFocused();
    await reviewing.getByRole("button", { name: "Record discretion" }).click();
    await expect(reviewing.getByRole("alert")).toBeFocused();
    await reviewing.getByLabel("Note").fill("Reviewing was strong overall; small sample.");
    await reviewing.getByRole("button", { name: "Record discretion" }).click();
    await expect(reviewing.getByRole("status")).toHaveText("Discretion recorded: 2.4 is now 'Good'.");
    await expect(summary(page)).toContainText("22/36");
    const reviewingRow = page.getByRole("table", { name: "Ratings by standard" }).getByRole("row", { name: /2\.4 Reviewing/ });
    await expect(reviewingRow.getByRole("cell").nth(0)).toHaveText("Requires improvement");
    await expect(reviewingRow.getByRole("cell").nth(1)).toHaveText("Good (discretion)");
  });

  test("the panel's readers see the cases behind a key question, filtered by answer", async ({ browser }) => {
    const page = await pageAs(browser, "manager");
    await openDemoshirePanel(page);
    await expect(page.getByRole("button", { name: "Record discretion" })).toHaveCount(0);
    await page.getByRole("link", { name: "View cases for 2.2.3" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Does planning focus sufficiently on keeping other people safe?" })).toBeVisible();
    await page.getByLabel("No (7)").check();
    await page.getByRole("button", { name: "Filter" }).click();
    const table = page.getByRole("table", { name: "No: 7 cases" });
    await expect(table.getByRole("row")).toHaveCount(8);
    await expect(table).toContainText("Not sufficient: the record does not show enough analysis");
  });

  test("an inspector cannot record discretion or sign off: the page hides the forms and the server refuses", async ({ browser }) => {
    const inspector = await pageAs(browser, "inspector");
    await openDemoshirePanel(inspector);
    await expect(inspector.getByRole("button", { name: "Record discretion" })).toHaveCount(0);
    await expect(inspector.getByRole("button", { name: "Record judgement" })).toHaveCount(0);
    await expect(inspector.getByRole("button", { name: "Sign off the ratings" })).toHaveCount(0);

    // The lead's forms, submitted with the inspector's session: the server action refuses.
    const page = await leadPageWithInspectorSession(browser);
    // 2.4 offers discretion (the lead recorded 'Good' above): the inspector's attempt must not add or change one.
    const implementation = discretionForm(page, "2.4");
    await implementation.getByLabel("Rating").selectOption("Good");
    await implementation.getByLabel("Note").fill("Not the inspector's decision.");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/panel")),
      implementation.getByRole("button", { name: "Record discretion" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(implementation.getByRole("status").filter({ hasText: "Discretion recorded" })).toHaveCount(0);
    expect(runTestData<number>(TEST_DATA, "decisionCount", { yjsName: DEMOSHIRE, standardId: "2.4" })).toBe(1);
  });

  test("the lead sees the cases not approved, confirms them explicitly, signs off with their password, the ratings freeze, and reopening needs a reason", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    await openDemoshirePanel(page);
    // Demoshire's 33 cases are completed, none approved: the lead sees them before signing off.
    const signOff = page.getByRole("region", { name: "Sign off the ratings" });
    await expect(signOff.getByRole("heading", { name: "33 cases are not approved" })).toBeVisible();
    await expect(signOff.getByRole("table", { name: "Cases not approved" }).getByRole("row")).toHaveCount(34);
    await expect(signOff.getByText("No comment is open.")).toBeVisible();

    await page.getByLabel("Your password").fill("not-my-password");
    await page.getByRole("button", { name: "Sign off the ratings" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("The password is not right");

    // Without the confirmation the server refuses, naming the number of cases.
    await page.getByLabel("Your password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign off the ratings" }).click();
    const problem = page.getByRole("alert", { name: "There is a problem" });
    await expect(problem).toContainText("Confirm that you are signing off with 33 cases completed but not approved");
    await expect(problem.getByRole("link", { name: /Confirm that you are signing off/ })).toHaveAttribute("href", "#sign-off-confirmUnapproved");
    const confirm = page.getByLabel("I am signing off with 33 cases completed but not approved");
    await expect(confirm).toHaveAttribute("aria-invalid", "true");

    await confirm.check();
    await page.getByLabel("Your password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign off the ratings" }).click();
    await expect(page.getByText(/^Signed off by Amira Khan on /)).toBeVisible();
    await expect(page.getByText("DRAFT — not signed off")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Record discretion" })).toHaveCount(0);
    await expect(summary(page)).toContainText("22/36");

    await page.getByRole("button", { name: "Reopen the ratings" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the reason for reopening the ratings");
    await page.getByLabel("Reason for reopening").fill("A case needs re-marking after the panel.");
    await page.getByRole("button", { name: "Reopen the ratings" }).click();
    await expect(page.getByText("DRAFT — not signed off")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign off the ratings" })).toBeVisible();
  });
});

async function leadPageWithInspectorSession(browser: Browser): Promise<Page> {
  const page = await pageAs(browser, "lead");
  await openDemoshirePanel(page);
  const inspector = await pageAs(browser, "inspector");
  const cookies = await inspector.context().cookies();
  await inspector.context().close();
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
  return page;
}

test("the lead sees the panel update by itself when an inspector completes a case", async ({ browser }) => {
  const team = runTestData<PanelTestTeam>(TEST_DATA, "create", { name: "Live Panel YJS", inProgressCourtCases: 1 });
  const page = await signedInPage(browser, team.lead.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/panel`);
  const lowest = page.getByRole("table", { name: /^2\.2 Planning: key questions/ }).getByRole("row", { name: /2\.2\.3 / });
  const finalCounts = lowest.getByRole("cell").first();
  await expect(finalCounts).toHaveText("6 / 13");
  await expect(lowest).toContainText("7 / 14, 50%");
  await expect(page.getByText(/1 still open \(provisional figures only\)/)).toBeVisible();

  // The inspector completes the open case (all "yes") through the case-assessment use case.
  const caseId = team.cases["PT-0034"] as string;
  runTestData(TEST_DATA, "completeCase", { inspectorId: team.inspector.id, caseId });

  // No reload: the page polls and refreshes itself.
  await expect(finalCounts).toHaveText("7 / 14", { timeout: 25_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Figures updated at / })).toBeVisible();
  await expect(page.getByText(/1 still open/)).toHaveCount(0);
});
