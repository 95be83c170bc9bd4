import { TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { expect, runTestData, signedInPage, test } from "./fixtures";

let team: PanelTestTeam;

test.beforeAll(() => {
  team = runTestData<PanelTestTeam>("tests/panel/test-support-cli.ts", "create", { name: "Evidence Test YJS", resettlementCases: 1 });
});

test("a team member records a strength for 1.1, sees field errors first, and the panel lists it", async ({ browser }) => {
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/evidence`);
  await page.getByRole("link", { name: "1.1 Governance and leadership" }).click();
  await page.getByRole("button", { name: "Record evidence" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Choose a topic");
  await expect(summary).toContainText("Choose whether this is a strength or an area for improvement");
  await expect(summary).toContainText("Enter the evidence");

  await page.getByLabel("Topic").selectOption({ label: "1.1.2 Do the partnership arrangements actively support effective service delivery?" });
  await page.getByLabel("Strength", { exact: true }).check();
  await page.getByLabel("Meeting").check();
  await page.getByLabel("Evidence", { exact: true }).fill("Board membership includes all statutory partners.");
  await page.getByRole("button", { name: "Record evidence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Evidence recorded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Strengths (1)" })).toContainText("Board membership includes all statutory partners.");

  await page.goto(`/inspections/${team.inspectionId}/panel`);
  await expect(page.getByRole("article", { name: "1.1 Governance and leadership" })).toContainText("Board membership includes all statutory partners.");
});

test("a refused entry keeps what was typed, and the next entry starts from an empty form", async ({ browser }) => {
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/evidence/1.2`);
  const evidence = page.getByLabel("Evidence", { exact: true });
  await page.getByLabel("Area for improvement").check();
  await evidence.fill("Caseloads were above the service's own target in two teams.");
  await page.getByRole("button", { name: "Record evidence" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Choose a topic");
  await expect(summary).toBeFocused();
  await expect(evidence).toHaveValue("Caseloads were above the service's own target in two teams.");
  await expect(page.getByLabel("Area for improvement")).toBeChecked();

  await page.getByLabel("Topic").selectOption({ index: 1 });
  await page.getByLabel("Interview").check();
  await page.getByRole("button", { name: "Record evidence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Evidence recorded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Areas for improvement (1)" })).toContainText("Caseloads were above");
  await expect(evidence).toHaveValue("");
});

test("resettlement evidence is recorded against the case named in the link", async ({ browser }) => {
  const caseId = team.cases["PT-0034"] as string;
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/evidence/4.1?case=${caseId}`);
  await expect(page.getByText("Showing evidence for resettlement case PT-0034.")).toBeVisible();
  await expect(page.getByLabel("Resettlement case (optional)")).toHaveValue(caseId);
  await page.getByLabel("Topic").selectOption({ label: "Communication with the secure estate" });
  await page.getByLabel("Area for improvement").check();
  await page.getByLabel("Case", { exact: true }).check();
  await page.getByLabel("Evidence", { exact: true }).fill("No contact with the establishment for six weeks.");
  await page.getByRole("button", { name: "Record evidence" }).click();
  await expect(page.getByRole("region", { name: "Areas for improvement (1)" })).toContainText("case PT-0034");
});

test("the date of the evidence is a GOV.UK date: a half-typed year is refused by the field, never recorded as another date", async ({ browser }) => {
  const page = await signedInPage(browser, team.inspector.email, TEST_PASSWORD);
  await page.goto(`/inspections/${team.inspectionId}/evidence/1.3`);
  const date = page.getByRole("group", { name: "Date of the evidence" });
  await expect(date.getByLabel("Year")).toHaveValue(String(new Date().getUTCFullYear()));
  await page.getByLabel("Topic").selectOption({ index: 1 });
  await page.getByLabel("Strength", { exact: true }).check();
  await page.getByLabel("Document").check();
  await page.getByLabel("Evidence", { exact: true }).fill("The partnership's plan names an owner for each action.");
  await date.getByLabel("Day").fill("5");
  await date.getByLabel("Month").fill("3");
  await date.getByLabel("Year").fill("20");
  // Straight from the year to the button: the click submits (an error shown on leaving the boxes
  // used to push the button from under the pointer).
  await page.getByRole("button", { name: "Record evidence" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Date of the evidence must be a real date");
  await expect(date).toContainText("Error: Date of the evidence must be a real date");
  await expect(page.getByText("The partnership's plan names an owner for each action.", { exact: true })).toHaveCount(0);

  await date.getByLabel("Year").fill("2024");
  await page.getByRole("button", { name: "Record evidence" }).click();
  await expect(page.getByRole("region", { name: "Strengths (1)" })).toContainText("5 March 2024");
});
