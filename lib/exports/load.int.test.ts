import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { loadExportModel } from "@/lib/exports";
import { recordDiscretion, recordJudgement, signOffRatings } from "@/lib/panel";
import { SALFORD_JUDGEMENTS, TEST_PASSWORD, createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";

describe("loading an export", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
    for (const standardId of SALFORD_JUDGEMENTS) {
      await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: `Rationale ${standardId}.` });
    }
  });

  it("is for managers and the lead only", async () => {
    await expect(loadExportModel(team.inspector, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadExportModel(team.outsider, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    const model = await loadExportModel(team.manager, team.inspectionId);
    expect(model.signOff).toBeNull();
    expect(model.result).toMatchObject({ score: 20, overallRating: "Good" });
    expect(model.judgementNotes["1.1"]).toBe("Rationale 1.1.");
    // 13 court cases × 12 key questions + 20 out-of-court cases × 9.
    expect(model.answers).toHaveLength(13 * 12 + 20 * 9);
    expect(model.answers[0]).toMatchObject({ caseReference: "PT-0001", stream: "court", streamLabel: "Court disposal", applies: true, countsInFinal: true });
  });

  it("reads the ratings from the sign-off snapshot once signed off", async () => {
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "Strong elsewhere." });
    await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" });
    // Answers changed after sign-off do not move the exported ratings.
    await db.answer.updateMany({ where: { caseId: { in: Object.values(team.cases) }, questionId: "3.2.1" }, data: { value: "no" } });
    const model = await loadExportModel(team.lead, team.inspectionId);
    expect(model.signOff?.signedBy).toMatch(/^lead /);
    expect(model.result).toMatchObject({ score: 22, overallRating: "Good" });
    expect(model.result.standards.find((s) => s.id === "3.2")?.rating).toBe("Outstanding");
  });
});
