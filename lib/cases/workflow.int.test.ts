import { afterAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { closeDatabase, db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { caseTimeline, listCases, loadCasePage } from "./queries";
import { answerChange, answerWholeCourtCase, makeTeam } from "@/tests/cases/test-helpers";
import { approveCase, closeQuery, completeCase, raiseQuery, reopenCase, replyToQuery, returnCase } from "./workflow";
import { refusal } from "@/tests/refusal";

afterAll(() => closeDatabase());

describe("completing a case", () => {
  it("refuses with every missing answer, rationale and reason, keyed by the field to fix", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.inspector, kase.id, {
      changes: [answerChange("2.1.1", 0, {}, { value: "no" }), answerChange("2.1.2", 0, {}, { value: "na" })],
    });
    const error = await refusal(completeCase(team.inspector, { caseId: kase.id, scope: "case" }));
    expect(error.fieldErrors["kq-2-1-1-rationale"]).toBe("Enter a rationale for key question 2.1.1: a “no” answer needs one");
    expect(error.fieldErrors["kq-2-1-2-na-reason"]).toBe("Enter why key question 2.1.2 is not applicable");
    expect(error.fieldErrors["kq-2-4-3-yes"]).toBe("Choose yes, no or not applicable for key question 2.4.3");
    expect(error.fieldErrors["case-interviewed-yes"]).toBe("Choose whether the case manager was interviewed");
    expect(Object.keys(error.fieldErrors)).toHaveLength(2 + 10 + 1);
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("in_progress");
    const sectionOnly = await refusal(completeCase(team.inspector, { caseId: kase.id, scope: "2.2" }));
    expect(Object.keys(sectionOnly.fieldErrors)).toEqual(["kq-2-2-1-yes", "kq-2-2-2-yes", "kq-2-2-3-yes"]);
  });

  it("accepts a complete case, marking every section, and lets only the allocated inspector or lead do it", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await answerWholeCourtCase(team, kase.id);
    await expect(completeCase(team.colleague, { caseId: kase.id, scope: "case" })).rejects.toBeInstanceOf(ForbiddenError);
    await completeCase(team.inspector, { caseId: kase.id, scope: "case" });
    const stored = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { sections: true } });
    expect(stored.status).toBe("completed");
    expect(stored.sections.map((s) => s.standardId).sort()).toEqual(["2.1", "2.2", "2.3", "2.4"]);
  });
});

describe("quality assurance", () => {
  it("return with a comment → inspector replies → complete again → lead approves (locks) → reopen with a reason", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await answerWholeCourtCase(team, kase.id);
    await completeCase(team.inspector, { caseId: kase.id, scope: "case" });

    await expect(returnCase(team.lead, { caseId: kase.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(raiseQuery(team.inspector, { caseId: kase.id, questionId: "2.2.1", body: "Hm" })).rejects.toBeInstanceOf(ForbiddenError);
    const { queryId } = await raiseQuery(team.lead, { caseId: kase.id, questionId: "2.2.1", body: "Is the plan really co-produced?" });
    await expect(approveCase(team.lead, { caseId: kase.id })).rejects.toBeInstanceOf(ValidationError);
    await returnCase(team.lead, { caseId: kase.id });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("returned");

    const blocked = await refusal(completeCase(team.inspector, { caseId: kase.id, scope: "case" }));
    expect(blocked.fieldErrors[`query-${queryId}-reply`]).toBe("Respond to the lead inspector's comment on key question 2.2.1");
    await expect(replyToQuery(team.colleague, { queryId, body: "Not mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await replyToQuery(team.inspector, { queryId, body: "Yes: the child wrote the goals with the case manager." });
    expect((await db.query.findUniqueOrThrow({ where: { id: queryId } })).status).toBe("answered");
    await completeCase(team.inspector, { caseId: kase.id, scope: "case" });

    await expect(approveCase(team.inspector, { caseId: kase.id })).rejects.toBeInstanceOf(ForbiddenError);
    await approveCase(team.lead, { caseId: kase.id });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("approved");
    expect((await db.query.findUniqueOrThrow({ where: { id: queryId } })).status).toBe("closed");
    const locked = await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 1, { value: "yes" }, { value: "no" })] });
    expect(locked.results[0]).toMatchObject({ status: "rejected", code: 423 });
    await expect(completeCase(team.inspector, { caseId: kase.id, scope: "case" })).rejects.toBeInstanceOf(ConflictError);

    await expect(reopenCase(team.lead, { caseId: kase.id, reason: "  " })).rejects.toBeInstanceOf(ValidationError);
    // Reopening undoes an approval: refused, and the case stays approved, until the lead confirms it.
    await expect(reopenCase(team.lead, { caseId: kase.id, reason: "New information from the service." })).rejects.toMatchObject({
      fieldErrors: { confirmed: expect.stringContaining("Confirm that you want to reopen the case") },
    });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("approved");
    await expect(reopenCase(team.inspector, { caseId: kase.id, reason: "Please", confirmed: true })).rejects.toBeInstanceOf(ForbiddenError);
    await reopenCase(team.lead, { caseId: kase.id, reason: "New information from the service.", confirmed: true });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("in_progress");

    const { entries } = await caseTimeline(team.colleague, team.inspection.id, kase.id);
    const titles = entries.map((e) => e.title);
    expect(titles).toContain("Commented on key question 2.2.1");
    expect(titles).toContain("Replied to the comment on key question 2.2.1");
    expect(titles).toContain("Status changed from Completed to Returned");
    expect(titles).toContain("Status changed from Completed to Approved");
    expect(entries.find((e) => e.title === "Status changed from Approved to In progress")?.note).toBe("Reason: New information from the service.");
  });

  it("a closed comment takes no more replies", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const { queryId } = await raiseQuery(team.lead, { caseId: kase.id, questionId: "2.1.1", body: "Check this" });
    await closeQuery(team.lead, { queryId });
    await expect(replyToQuery(team.inspector, { queryId, body: "Late" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("reading cases", () => {
  it("team members and managers read; outsiders and admins do not; progress per standard", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 0, {}, { value: "yes" })] });
    const page = await loadCasePage(team.colleague, team.inspection.id, kase.id);
    expect(page.rights).toMatchObject({ canAnswer: false, canQualityAssure: false, locked: false });
    expect(page.sections.map((s) => s.id)).toEqual(["2.1", "2.2", "2.3", "2.4"]);
    expect((await loadCasePage(team.inspector, team.inspection.id, kase.id)).rights.canAnswer).toBe(true);
    await expect(loadCasePage(team.outsider, team.inspection.id, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadCasePage(team.admin, team.inspection.id, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    const grid = await listCases(team.manager, team.inspection.id);
    expect(grid.seesGridFirst).toBe(true);
    expect(grid.rows[0]?.progress).toEqual({ "2.1": "in_progress", "2.2": "not_started", "2.3": "not_started", "2.4": "not_started" });
    const mine = await listCases(team.inspector, team.inspection.id);
    expect(mine.seesGridFirst).toBe(false);
    expect(mine.rows[0]?.mine).toBe(true);
  });
});
