import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { deleteEvidence, evidencePage, listEvidence, recordEvidence } from "@/lib/evidence";
import { createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";
import { refusal } from "@/tests/refusal";

const item = (over: Record<string, unknown> = {}) => ({
  standardId: "1.1",
  topic: "1.1.2",
  kind: "strength",
  source: "meeting",
  occurredOn: "2024-01-23",
  text: "Board members hold each other to account.",
  ...over,
});

describe("evidence for judgement-rated standards", () => {
  let team: PanelTestTeam;
  let resettlementCase: string;
  beforeAll(async () => {
    team = await createPanelTestInspection(db, { resettlementCases: 1 });
    resettlementCase = team.cases["PT-0034"] ?? "";
  });

  it("lets team members record evidence against a key question or an evidence topic, audited", async () => {
    const { id } = await recordEvidence(team.inspector, team.inspectionId, item());
    await recordEvidence(team.lead, team.inspectionId, item({ standardId: "3.4", topic: "Scrutiny panels", kind: "area_for_improvement", source: "document" }));
    const items = await listEvidence(team.manager, team.inspectionId);
    expect(items.map((i) => [i.standardId, i.topicLabel, i.kind])).toEqual([
      ["1.1", "1.1.2 Do the partnership arrangements actively support effective service delivery?", "strength"],
      ["3.4", "Scrutiny panels", "area_for_improvement"],
    ]);
    expect(items[0]).toMatchObject({ id, canDelete: false });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(audit.action).toBe("evidence.recorded");
    expect(JSON.stringify(audit.after)).not.toContain("Board members");
  });

  it("links resettlement evidence to a resettlement case and filters by it", async () => {
    await recordEvidence(team.inspector, team.inspectionId, item({ standardId: "4.1", topic: "Communication with the secure estate", source: "case", caseId: resettlementCase }));
    const page = await evidencePage(team.inspector, team.inspectionId, { standardId: "4.1", caseId: resettlementCase });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ caseReference: "PT-0034", canDelete: true });
    expect(page.resettlementCases).toEqual([{ id: resettlementCase, reference: "PT-0034" }]);
    const courtCase = team.cases["PT-0001"];
    const wrongCase = await refusal(recordEvidence(team.inspector, team.inspectionId, item({ standardId: "4.1", topic: "Victims", caseId: courtCase })));
    expect(wrongCase.fieldErrors.caseId).toBe("Choose a resettlement case from the list");
    const notResettlement = await refusal(recordEvidence(team.inspector, team.inspectionId, item({ caseId: resettlementCase })));
    expect(notResettlement.fieldErrors.caseId).toBe("Only resettlement evidence can be linked to a case");
  });

  it("refuses evidence for case-rated standards, unknown topics, future dates and empty fields", async () => {
    expect((await refusal(recordEvidence(team.inspector, team.inspectionId, item({ standardId: "2.1", topic: "2.1.1" })))).fieldErrors.standardId).toBe(
      "Choose a standard rated by judgement",
    );
    expect((await refusal(recordEvidence(team.inspector, team.inspectionId, item({ topic: "1.2.1" })))).fieldErrors.topic).toBe(
      "Choose a topic of standard 1.1",
    );
    expect((await refusal(recordEvidence(team.inspector, team.inspectionId, item({ occurredOn: "2999-01-01" })))).fieldErrors.occurredOn).toBe(
      "Enter a date that is today or in the past",
    );
    const empty = await refusal(recordEvidence(team.inspector, team.inspectionId, { standardId: "1.1", topic: "1.1.1" }));
    expect(empty.fieldErrors).toMatchObject({
      kind: "Choose whether this is a strength or an area for improvement",
      source: "Choose the source of the evidence",
      occurredOn: "Enter the date of the evidence",
      text: "Enter the evidence",
    });
  });

  it("allows recording to team members only, and deleting to the author or the lead", async () => {
    await expect(recordEvidence(team.manager, team.inspectionId, item())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordEvidence(team.outsider, team.inspectionId, item())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listEvidence(team.outsider, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await recordEvidence(team.lead, team.inspectionId, item({ text: "Lead's note." }));
    await expect(deleteEvidence(team.inspector, team.inspectionId, { evidenceId: id })).rejects.toBeInstanceOf(ForbiddenError);
    const { id: inspectorsItem } = await recordEvidence(team.inspector, team.inspectionId, item({ text: "Inspector's note." }));
    await deleteEvidence(team.lead, team.inspectionId, { evidenceId: inspectorsItem });
    await deleteEvidence(team.lead, team.inspectionId, { evidenceId: id });
    const remaining = await listEvidence(team.lead, team.inspectionId);
    expect(remaining.map((i) => i.text)).not.toContain("Lead's note.");
    expect(await db.evidenceItem.count({ where: { id, deletedAt: { not: null } } })).toBe(1);
    await expect(deleteEvidence(team.lead, team.inspectionId, { evidenceId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("freezes evidence while the ratings are signed off", async () => {
    await db.inspection.update({ where: { id: team.inspectionId }, data: { status: "signed_off" } });
    const frozen = await refusal(recordEvidence(team.inspector, team.inspectionId, item()));
    expect(frozen.message).toMatch(/signed off/);
    const page = await evidencePage(team.inspector, team.inspectionId);
    expect(page.canRecord).toBe(false);
    await db.inspection.update({ where: { id: team.inspectionId }, data: { status: "panel" } });
  });
});
