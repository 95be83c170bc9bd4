import { afterAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { caseContext } from "@/lib/cases/access";
import { loadCasePage } from "@/lib/cases/queries";
import { answerChange, makeTeam } from "@/tests/cases/test-helpers";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { panelFigures, recordJudgement } from "@/lib/panel";
import { createPanelTestInspection } from "@/tests/panel/test-support";
import { changeRole } from "./index";

afterAll(() => closeDatabase());

const judgement = { standardId: "1.1", rating: "Good", note: "The board meets monthly." };

describe("an account role that may not hold a team membership gets nothing from it", () => {
  // The membership rows are left in place here (as a role change made before memberships were
  // reconciled left them): the checks at the time of use must refuse on their own.
  it("an inspector made an administrator neither reads the case's rationales nor saves answers", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 0, { value: null, rationale: "" }, { value: "yes", rationale: "Plan seen." })] });
    await db.user.update({ where: { id: team.inspector.id }, data: { role: "admin" } });
    const promoted = { id: team.inspector.id, role: "admin" as const };

    await expect(caseContext(promoted, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadCasePage(promoted, team.inspection.id, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    const change = answerChange("2.1.2", 0, { value: null }, { value: "no" });
    await expect(applyChanges(promoted, kase.id, { changes: [change] })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.answer.count({ where: { caseId: kase.id, questionId: "2.1.2" } })).toBe(0);
  });

  it("a lead inspector made a manager reads the panel as a manager but records no judgement", async () => {
    const team = await createPanelTestInspection(db);
    await db.user.update({ where: { id: team.lead.id }, data: { role: "manager" } });
    const demoted = { id: team.lead.id, role: "manager" as const };

    await expect(recordJudgement(demoted, team.inspectionId, judgement)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.panelDecision.count({ where: { inspectionId: team.inspectionId } })).toBe(0);
    expect((await panelFigures(demoted, team.inspectionId)).rights.decide).toBe(false);
  });

  it("a lead inspector made an inspector stays on the team but no longer leads it", async () => {
    const team = await createPanelTestInspection(db);
    await db.user.update({ where: { id: team.lead.id }, data: { role: "inspector" } });
    const demoted = { id: team.lead.id, role: "inspector" as const };
    await expect(recordJudgement(demoted, team.inspectionId, judgement)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await panelFigures(demoted, team.inspectionId)).rights).toMatchObject({ decide: false, recordEvidence: true });
  });
});

describe("changing an account's role reconciles its team memberships", () => {
  it("promoting an inspector to administrator takes them off their teams, audited per inspection; their cases stay allocated", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    await db.membership.create({ data: { inspectionId: other.inspection.id, userId: team.inspector.id, role: "inspector" } });
    const kase = await team.makeCase();

    const done = await changeRole(team.admin, { userId: team.inspector.id, role: "admin" });
    expect(done).toBe(
      `${team.inspector.name} is now an administrator. They have left the teams of 2 inspections; cases allocated to them wait for the lead to reallocate them. Their open sessions have ended.`,
    );
    expect(await db.membership.count({ where: { userId: team.inspector.id } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).allocatedToId).toBe(team.inspector.id);
    const removals = await db.auditEvent.findMany({ where: { entityId: team.inspector.id, action: "membership.reconciled_with_account_role" } });
    expect(removals.map((e) => e.inspectionId).sort()).toEqual([team.inspection.id, other.inspection.id].sort());
    expect(removals[0]).toMatchObject({ actorId: team.admin.id, before: { role: "inspector" }, after: { role: null, accountRole: "admin" } });
    await expect(caseContext({ id: team.inspector.id, role: "admin" }, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("demoting a lead to manager takes them off the team, so they record no judgement", async () => {
    const team = await createPanelTestInspection(db);
    const admin = await db.user.create({
      data: { name: "Role admin", email: `role-admin-${Date.now()}-${Math.random()}@example.test`, role: "admin", passwordHash: "x" },
    });
    const done = await changeRole({ id: admin.id, role: "admin" }, { userId: team.lead.id, role: "manager" });
    expect(done).toContain("They have left the teams of 1 inspection (they led 1, which needs a new lead)");
    expect(await db.membership.count({ where: { userId: team.lead.id } })).toBe(0);
    await expect(recordJudgement({ id: team.lead.id, role: "manager" }, team.inspectionId, judgement)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("demoting a lead to inspector keeps them on the team as an inspector; promoting back changes no membership", async () => {
    const team = await makeTeam();
    const done = await changeRole(team.admin, { userId: team.lead.id, role: "inspector" });
    expect(done).toContain("They stay on the teams of 1 inspection as an inspector; the 1 inspection they led needs a new lead.");
    expect((await db.membership.findFirstOrThrow({ where: { userId: team.lead.id } })).role).toBe("inspector");
    expect(await changeRole(team.admin, { userId: team.lead.id, role: "lead_inspector" })).toBe(
      `${team.lead.name} is now a lead inspector. Their open sessions have ended.`,
    );
    expect((await db.membership.findFirstOrThrow({ where: { userId: team.lead.id } })).role).toBe("inspector");
  });

  it("an administrator cannot take away their own rights", async () => {
    const team = await makeTeam();
    await expect(changeRole(team.admin, { userId: team.admin.id, role: "manager" })).rejects.toMatchObject({
      fieldErrors: { role: "You cannot remove your own administrator rights or disable your own account." },
    });
  });
});
