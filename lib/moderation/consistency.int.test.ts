import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { createPanelTestInspection, TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { inspectionConsistency, teamConsistency } from "./consistency";

// The panel test inspection has 13 court cases (PT-0001 to PT-0013) allocated to one inspector.
// Here a second inspector takes PT-0001 to PT-0006, PT-0013 is allocated to no one, and 2.1.1 is
// answered so that the two disagree completely: the second says yes (PT-0006 marked not applicable),
// the first says no. 2.1.2 keeps the test data's spread.

describe("consistency between inspectors", () => {
  let team: PanelTestTeam;
  let second: { id: string; role: "inspector" };
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
    const user = await db.user.create({
      data: { name: `Second ${Date.now()}`, email: `second.${Date.now()}.${Math.random().toString(36).slice(2)}@panel.test`, role: "inspector", passwordHash: await hashPassword(TEST_PASSWORD) },
      select: { id: true },
    });
    second = { id: user.id, role: "inspector" };
    await db.membership.create({ data: { inspectionId: team.inspectionId, userId: second.id, role: "inspector" } });
    const ref = (i: number) => team.cases[`PT-${String(i).padStart(4, "0")}`]!;
    const secondCases = [1, 2, 3, 4, 5, 6].map(ref);
    await db.case.updateMany({ where: { id: { in: secondCases } }, data: { allocatedToId: second.id } });
    await db.case.update({ where: { id: ref(13) }, data: { allocatedToId: null } });
    await db.answer.updateMany({ where: { caseId: { in: secondCases }, questionId: "2.1.1" }, data: { value: "yes" } });
    await db.answer.updateMany({ where: { caseId: ref(6), questionId: "2.1.1" }, data: { value: "na", naReason: "Does not apply." } });
    await db.answer.updateMany({ where: { caseId: { in: [7, 8, 9, 10, 11, 12, 13].map(ref) }, questionId: "2.1.1" }, data: { value: "no" } });
  });
  afterAll(() => closeDatabase());

  it("compares each inspector's applicable answers with the rest of the team's and flags the outliers", async () => {
    const result = await inspectionConsistency(team.manager, team.inspectionId);
    const kq = result.keyQuestions.find((k) => k.keyQuestionId === "2.1.1")!;
    // Second: PT-0001..0005 yes (PT-0006 N/A) = 5 of 5; first: PT-0007..0012 no = 0 of 6; PT-0013 unallocated.
    expect(kq).toMatchObject({ standardId: "2.1", teamYes: 5, teamApplicable: 11 });
    const bySomeone = (id: string) => kq.inspectors.find((i) => i.inspectorId === id)!;
    // Given 5 yes among the 11 answers, all 5 falling to the second's 5 cases has probability
    // 1/C(11,5) = 1/462 = 0.0022: beyond 95% (< 2.5%) but not 99.8% (≥ 0.1%), each way.
    expect(bySomeone(second.id)).toMatchObject({ yes: 5, applicable: 5, restYes: 0, restApplicable: 6, restRate: 0, position: "high95" });
    expect(bySomeone(team.inspector.id)).toMatchObject({ yes: 0, applicable: 6, restYes: 5, restApplicable: 5, restRate: 1, position: "low95" });
    // The unallocated case's answers are counted for no one: its 12 court key questions (2.1.1 to 2.4.3).
    expect(result.unallocatedAnswers).toBe(12);
    // Out-of-court key questions are answered by the first inspector only: nothing to compare with.
    const outOfCourt = result.keyQuestions.find((k) => k.keyQuestionId === "3.1.1")!;
    expect(bySomeoneIn(outOfCourt, team.inspector.id)).toMatchObject({ applicable: 20, restApplicable: 0, restRate: null, position: null });
    expect(bySomeoneIn(outOfCourt, second.id)).toMatchObject({ applicable: 0, position: null });
  });

  it("counts as the panel does: the team's figures equal the panel's provisional ones less the unallocated case", async () => {
    const result = await inspectionConsistency(team.lead, team.inspectionId);
    const cases = await db.case.findMany({
      where: { inspectionId: team.inspectionId, removedAt: null, allocatedToId: { not: null } },
      select: { answers: { where: { questionId: "2.1.2", value: { in: ["yes", "no"] } }, select: { value: true } } },
    });
    const answers = cases.flatMap((c) => c.answers);
    const kq = result.keyQuestions.find((k) => k.keyQuestionId === "2.1.2")!;
    expect(kq.teamApplicable).toBe(answers.length);
    expect(kq.teamYes).toBe(answers.filter((a) => a.value === "yes").length);
    for (const i of kq.inspectors) expect(i.restYes + i.yes).toBe(kq.teamYes);
  });

  it("is for whoever may see the panel: an outsider is refused and an unknown inspection is not found", async () => {
    await expect(inspectionConsistency(team.outsider, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inspectionConsistency(team.manager, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(inspectionConsistency(team.manager, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("flags within the limits when the rates are alike (pure)", () => {
    const [kq] = teamConsistency(
      [{ id: "2.1.1", standardId: "2.1" }],
      [
        { inspectorId: "a", inspectorName: "A", counts: { "2.1.1": { yes: 7, no: 3 } } },
        { inspectorId: "b", inspectorName: "B", counts: { "2.1.1": { yes: 8, no: 2 } } },
        { inspectorId: "c", inspectorName: "C", counts: {} },
      ],
    );
    expect(kq!.inspectors.map((i) => i.position)).toEqual(["within", "within", null]);
    expect(kq!.inspectors[0]).toMatchObject({ restYes: 8, restApplicable: 10, restRate: 0.8 });
    expect(teamConsistency([{ id: "2.1.1", standardId: "2.1" }], [])).toEqual([]);
  });
});

function bySomeoneIn(kq: { inspectors: readonly { inspectorId: string }[] }, id: string) {
  return kq.inspectors.find((i) => i.inspectorId === id);
}
