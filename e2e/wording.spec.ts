import { Client } from "pg";
import { createInspectionWithCases, expect, pageAs, test } from "./fixtures";

// Wording from issue 12's review that only a page shows: a team of one is "1 person", the export
// link says what it exports once the ratings are signed off, and the lead reviewing their own
// completed case is not told it waits for the lead inspector.

async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

test("a team of one is “1 person on the team”", async ({ browser }) => {
  const { inspectionId } = await createInspectionWithCases("Team of one", []);
  await sql("DELETE FROM memberships WHERE inspection_id = $1 AND role = 'inspector'", [inspectionId]);
  const manager = await pageAs(browser, "manager");
  await manager.goto(`/inspections/${inspectionId}/setup/team`);
  await expect(manager.getByRole("table", { name: "1 person on the team" })).toBeVisible();
});

test("once signed off, the overview offers the signed-off ratings, not draft ones", async ({ browser }) => {
  const { inspectionId } = await createInspectionWithCases("Signed-off wording", []);
  const manager = await pageAs(browser, "manager");
  await manager.goto(`/inspections/${inspectionId}`);
  await expect(manager.getByRole("link", { name: "Export draft ratings" })).toBeVisible();
  await sql("UPDATE inspections SET status = 'signed_off' WHERE id = $1", [inspectionId]);
  await manager.reload();
  await expect(manager.getByRole("link", { name: "Export the signed-off ratings" })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Export draft ratings" })).toHaveCount(0);
});

test("a completed case waits for the lead's review: the lead is told to review it, the inspector that the lead will", async ({ browser }) => {
  const { inspectionId, cases } = await createInspectionWithCases("Review wording", [
    { stream: "court", allocatedTo: "lead" },
    { stream: "court", allocatedTo: "inspector" },
  ]);
  await sql("UPDATE cases SET status = 'completed' WHERE inspection_id = $1", [inspectionId]);
  const lead = await pageAs(browser, "lead");
  await lead.goto(`/inspections/${inspectionId}/cases/${cases[0]!.id}`);
  await expect(lead.getByText("This case is marked as complete and waits for your review below.")).toBeVisible();
  await expect(lead.getByText(/waits for the lead inspector’s review/)).toHaveCount(0);
  const inspector = await pageAs(browser, "inspector");
  await inspector.goto(`/inspections/${inspectionId}/cases/${cases[1]!.id}`);
  await expect(inspector.getByText("This case is marked as complete and waits for the lead inspector’s review.")).toBeVisible();
});

test("a 2018 inspection shows no resettlement: set-up's cases by stream and the ratings panel", async ({ browser }) => {
  const { inspectionId } = await createInspectionWithCases("No resettlement 2018", [{ stream: "court", allocatedTo: "inspector" }], "yjs-2018");
  const lead = await pageAs(browser, "lead");
  await lead.goto(`/inspections/${inspectionId}/setup`);
  await expect(lead.getByRole("table", { name: "Cases by stream" }).getByRole("rowheader")).toHaveText(["Court disposal", "Out-of-court disposal"]);
  await lead.goto(`/inspections/${inspectionId}/panel`);
  await expect(lead.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(lead.getByText("Resettlement (not in the score)")).toHaveCount(0);

  // A 2021 inspection's panel has the row: resettlement is rated there, outside the score.
  const { inspectionId: current } = await createInspectionWithCases("Resettlement 2021", [{ stream: "court", allocatedTo: "inspector" }]);
  await lead.goto(`/inspections/${current}/panel`);
  await expect(lead.getByText("Resettlement (not in the score)")).toBeVisible();
});
