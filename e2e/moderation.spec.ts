import AxeBuilder from "@axe-core/playwright";
import { connect } from "./entry-point-calls";
import { createInspectionWithCases, demoUser, expect, pageAs, test } from "./fixtures";

// Issue 16's journey: a lead adds a moderator, who draws a dip sample, second-assesses a case blind
// and reconciles a disagreement; the inspector responds; the panel shows the statistics. On an
// inspection of its own: one court case, completed by the inspector (2.1.1 "no", the rest "yes").

const COURT_QUESTIONS = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];

test("a moderator's blind second assessment, reconciled with the inspector, shown on the panel", async ({ browser }) => {
  test.setTimeout(240_000);
  const { inspectionId, cases } = await createInspectionWithCases("Moderation", [{ stream: "court", allocatedTo: "inspector" }]);
  const kase = cases[0]!;
  const secret = `Inspector rationale ${kase.reference}: the plan was late`;
  const client = await connect();
  try {
    const inspectorId = (await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoUser("inspector").email])).rows[0]!.id;
    for (const questionId of COURT_QUESTIONS) {
      await client.query("INSERT INTO answers (case_id, question_id, value, rationale, updated_by) VALUES ($1, $2, $3, $4, $5)", [
        kase.id,
        questionId,
        questionId === "2.1.1" ? "no" : "yes",
        questionId === "2.1.1" ? secret : "Seen in the records.",
        inspectorId,
      ]);
    }
    await client.query("UPDATE cases SET status = 'completed', harm_factors = true, safety_wellbeing_factors = true WHERE id = $1", [kase.id]);
  } finally {
    await client.end();
  }

  // The lead adds the demo quality assurer as the moderator.
  const lead = await pageAs(browser, "lead");
  await lead.goto(`/inspections/${inspectionId}`);
  await lead.getByRole("link", { name: "Moderation" }).click();
  await expect(lead.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await lead.getByRole("button", { name: "Add as moderator" }).click();
  await expect(lead.getByRole("link", { name: "Choose a quality assurer" })).toBeVisible();
  await lead.getByLabel("Quality assurer").selectOption({ label: `${demoUser("qualityAssurer").name} (${demoUser("qualityAssurer").email})` });
  await lead.getByRole("button", { name: "Add as moderator" }).click();
  // The list shows them (the form goes once no other quality assurer is left to add).
  await expect(lead.getByRole("region", { name: "Moderators" })).toContainText(`${demoUser("qualityAssurer").name} (${demoUser("qualityAssurer").email}), added by ${demoUser("lead").name}`);

  // The moderator draws the dip sample with a seed (a bad amount first: a field error).
  const qa = await pageAs(browser, "qualityAssurer");
  await qa.goto(`/inspections/${inspectionId}/moderation`);
  await qa.getByLabel("How many (a percentage or a number)").fill("120");
  await qa.getByRole("button", { name: "Draw the dip sample" }).click();
  await expect(qa.getByRole("link", { name: "Enter a percentage from 1 to 100" })).toBeVisible();
  await qa.getByLabel("How many (a percentage or a number)").fill("100");
  await qa.getByLabel("Seed (optional)").fill("journey-seed");
  await qa.getByRole("button", { name: "Draw the dip sample" }).click();
  await expect(qa.getByText("Drew 1 case for second assessment from 1 with seed journey-seed.")).toBeVisible();

  // Blind: the case page gives the moderator the key questions and nothing of the inspector's answers.
  await qa.getByRole("link", { name: `Second-assess ${kase.reference}` }).click();
  await expect(qa.getByRole("heading", { level: 1, name: `Second assessment of case ${kase.reference}` })).toBeVisible();
  expect(await qa.content()).not.toContain(secret);
  const reconciliationResponse = await qa.request.get(`/inspections/${inspectionId}/moderation/cases/${kase.id}`);
  expect(await reconciliationResponse.text()).not.toContain(secret);
  expect((await new AxeBuilder({ page: qa }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await qa.getByRole("button", { name: "Complete the second assessment" }).click();
  await expect(qa.getByRole("link", { name: /Answer key questions 2\.1\.1, 2\.1\.2/ })).toBeVisible();
  for (const questionId of COURT_QUESTIONS) {
    const form = qa.getByRole("form", { name: new RegExp(`^${questionId.replaceAll(".", "\\.")} `) });
    await form.getByRole("radio", { name: "Yes", exact: true }).check();
    await form.getByLabel(`Your rationale for ${questionId}`).fill(`Moderator on ${questionId}`);
    await form.getByRole("button", { name: `Save answer to ${questionId}` }).click();
    await expect(form.getByText(`Second answer to key question ${questionId} saved.`)).toBeVisible();
  }
  await qa.getByRole("button", { name: "Complete the second assessment" }).click();
  await qa.getByRole("link", { name: /Compare with the inspector/ }).click();

  // Reconciliation: the disagreement first, both rationales side by side; the outcome asks the inspector to review.
  await expect(qa.getByRole("heading", { level: 1, name: `Reconciliation of case ${kase.reference}` })).toBeVisible();
  await expect(qa.getByText("1 disagreement, shown first.")).toBeVisible();
  const first = qa.getByRole("article").first();
  await expect(first.getByRole("heading", { level: 3 })).toContainText("2.1.1");
  await expect(first).toContainText(secret);
  await first.getByRole("button", { name: "Record the outcome on 2.1.1" }).click();
  await expect(first.getByRole("link", { name: "Choose an outcome" })).toBeVisible();
  await first.getByRole("radio", { name: "Inspector to review" }).check();
  await first.getByLabel("Note to the inspector on 2.1.1").fill("The plan names the worker and the date: see the March review.");
  await first.getByRole("button", { name: "Record the outcome on 2.1.1" }).click();
  await expect(first.getByText("Outcome on key question 2.1.1 recorded: inspector to review.")).toBeVisible();
  await qa.setViewportSize({ width: 320, height: 700 });
  expect(await qa.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The inspector hears of it, reads the note on the case page and keeps the answer with a reply.
  const inspector = await pageAs(browser, "inspector");
  await inspector.goto("/notifications");
  await inspector.getByRole("link", { name: new RegExp(`${kase.reference}`) }).first().click();
  await expect(inspector.getByRole("heading", { name: "Moderation: 1 answer to review" })).toBeVisible();
  // Named without the count: once answered, the heading says nothing is left to review.
  const notes = inspector.getByRole("region", { name: /^Moderation/ });
  await expect(notes).toContainText("The plan names the worker and the date: see the March review.");
  await notes.getByRole("radio", { name: "Keep my answer" }).check();
  await notes.getByRole("button", { name: "Send the response on 2.1.1" }).click();
  await expect(notes.getByRole("link", { name: "Enter why your answer stands" })).toBeVisible();
  await notes.getByLabel("Reply to the moderator on 2.1.1").fill("The plan was agreed after the review date.");
  await notes.getByRole("button", { name: "Send the response on 2.1.1" }).click();
  // Answered, the form gives way to the response as recorded.
  await expect(notes).toContainText("Response: answer kept — The plan was agreed after the review date.");

  // The lead's panel: the figures count the inspector's answers only, with the dip sample's agreement beside them.
  await lead.goto(`/inspections/${inspectionId}/panel`);
  const standard = lead.getByRole("article").filter({ has: lead.getByRole("heading", { level: 3, name: /^2\.1 / }) });
  await expect(standard.getByText(/^2\.1\.1: 0 of 1 dip-sampled answer agreed/)).toBeVisible();
  await expect(standard.getByText(/^2\.1\.2: 1 of 1 dip-sampled answer agreed/)).toBeVisible();
  await lead.goto(`/inspections/${inspectionId}/moderation/cases/${kase.id}`);
  await expect(lead.getByText("Inspector’s response: kept their answer — The plan was agreed after the review date.")).toBeVisible();
});
