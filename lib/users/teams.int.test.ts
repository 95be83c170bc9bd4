import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { callerFor } from "@/lib/permissions/access";
import { makeTeam } from "@/tests/cases/test-helpers";
import { reconcileTeamsForRole } from "./teams";

afterAll(() => closeDatabase());

// changeRole (./index.ts) calls reconcileTeamsForRole in its transaction; this file drives it
// directly so it runs without the password rules' word list.
describe("a role change ends a quality assurer's moderation", () => {
  it("a quality assurer made an inspector stops moderating: the assignment is removed, audited, and a row put back grants nothing", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const qa = await db.user.create({
      data: { name: `QA ${Date.now()}`, email: `qa-${Date.now()}-${Math.random()}@example.test`, role: "quality_assurer", passwordHash: "x" },
    });
    for (const t of [team, other]) await db.inspectionModerator.create({ data: { inspectionId: t.inspection.id, userId: qa.id, addedById: t.lead.id } });

    const done = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: qa.id }, data: { role: "inspector" } });
      return reconcileTeamsForRole(tx, team.admin, qa.id, "inspector");
    });
    expect(done).toBe("They no longer moderate 2 inspections (what they recorded is kept).");
    expect(await db.inspectionModerator.count({ where: { userId: qa.id } })).toBe(0);
    const removals = await db.auditEvent.findMany({ where: { entityId: qa.id, action: "moderator.reconciled_with_account_role" } });
    expect(removals.map((e) => e.inspectionId).sort()).toEqual([team.inspection.id, other.inspection.id].sort());
    expect(removals[0]).toMatchObject({ actorId: team.admin.id, before: { userId: qa.id }, after: { accountRole: "inspector" } });

    await db.inspectionModerator.create({ data: { inspectionId: team.inspection.id, userId: qa.id, addedById: team.lead.id } });
    expect((await callerFor({ id: qa.id, role: "inspector" }, team.inspection.id)).moderator).toBe(false);
    expect((await callerFor({ id: qa.id, role: "quality_assurer" }, team.inspection.id)).moderator).toBe(true);
  });

  it("a quality assurer who stays one keeps their assignments", async () => {
    const team = await makeTeam();
    const qa = await db.user.create({
      data: { name: `QA ${Date.now()}`, email: `qa-${Date.now()}-${Math.random()}@example.test`, role: "quality_assurer", passwordHash: "x" },
    });
    await db.inspectionModerator.create({ data: { inspectionId: team.inspection.id, userId: qa.id, addedById: team.lead.id } });
    expect(await db.$transaction((tx) => reconcileTeamsForRole(tx, team.admin, qa.id, "quality_assurer"))).toBe("");
    expect(await db.inspectionModerator.count({ where: { userId: qa.id } })).toBe(1);
  });
});
