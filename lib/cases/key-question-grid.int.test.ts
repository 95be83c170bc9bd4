import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";
import { keyQuestionGrid } from "./key-question-grid";
import { approveCases, closeQuery, raiseQuery } from "./workflow";

describe("the lead's key question grid and bulk approval", () => {
  let team: PanelTestTeam;
  const id = (reference: string) => team.cases[reference] as string;
  beforeAll(async () => {
    team = await createPanelTestInspection(db, { inProgressCourtCases: 1 });
    await db.answer.deleteMany({ where: { caseId: id("PT-0003"), questionId: "2.2.1" } });
    await db.answer.updateMany({ where: { caseId: id("PT-0004"), questionId: "2.1.2" }, data: { value: "na", naReason: "Not relevant." } });
  });
  afterAll(() => closeDatabase());

  it("shows each case's answer per key question in words, and what does not apply", async () => {
    const grid = await keyQuestionGrid(team.lead, team.inspectionId, {});
    expect(grid.totalCases).toBe(34);
    const court = grid.streams.find((s) => s.stream === "court");
    expect(court?.columns.map((c) => c.id)).toEqual(["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"]);
    const row = (ref: string) => grid.streams.flatMap((s) => s.rows).find((r) => r.reference === ref);
    expect(row("PT-0003")?.cells["2.2.1"]).toBe("unanswered");
    expect(row("PT-0004")?.cells["2.1.2"]).toBe("na");
    expect(["yes", "no"]).toContain(row("PT-0001")?.cells["2.1.1"]);
    expect(row("PT-0034")).toMatchObject({ status: "in_progress", approvable: false });
    expect(row("PT-0001")).toMatchObject({ status: "completed", approvable: true, openComments: 0 });
    expect(grid.canApprove).toBe(true);
    expect((await keyQuestionGrid(team.manager, team.inspectionId, {})).canApprove).toBe(false);
    await expect(keyQuestionGrid(team.outsider, team.inspectionId, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("says a key question does not apply where the framework's rule says so, even with an answer stored", async () => {
    // The 2018 framework gates x.x.3 on harm factors: a case judged to have none shows 2.1.3 as not applying.
    const other = await createPanelTestInspection(db);
    await db.inspection.update({ where: { id: other.inspectionId }, data: { frameworkVersion: "yjs-2018" } });
    await db.case.update({ where: { id: other.cases["PT-0002"] }, data: { harmFactors: false } });
    const grid = await keyQuestionGrid(other.lead, other.inspectionId, { stream: "court" });
    const cells = (ref: string) => grid.streams[0]?.rows.find((r) => r.reference === ref)?.cells;
    expect(cells("PT-0002")?.["2.1.3"]).toBe("does_not_apply");
    expect(["yes", "no"]).toContain(cells("PT-0001")?.["2.1.3"]);
  });

  it("filters by stream, status, inspector and open comments, and reports a filter it does not know", async () => {
    await raiseQuery(team.lead, { caseId: id("PT-0005"), questionId: "2.1.1", body: "Say more." });
    const byStream = await keyQuestionGrid(team.lead, team.inspectionId, { stream: "out_of_court" });
    expect(byStream.streams.map((s) => s.stream)).toEqual(["out_of_court"]);
    expect(byStream.streams[0]?.rows).toHaveLength(20);
    const inProgress = await keyQuestionGrid(team.lead, team.inspectionId, { status: "in_progress" });
    expect(inProgress.streams.flatMap((s) => s.rows).map((r) => r.reference)).toEqual(["PT-0034"]);
    const commented = await keyQuestionGrid(team.lead, team.inspectionId, { comments: "open" });
    expect(commented.streams.flatMap((s) => s.rows).map((r) => r.reference)).toEqual(["PT-0005"]);
    const byLead = await keyQuestionGrid(team.lead, team.inspectionId, { inspector: team.lead.id });
    expect(byLead.streams.flatMap((s) => s.rows)).toHaveLength(0);
    const bad = await keyQuestionGrid(team.lead, team.inspectionId, { status: "lost", stream: "court" });
    expect(bad.filterErrors).toEqual({ status: "Choose a status from the list" });
    expect(bad.streams.flatMap((s) => s.rows)).toHaveLength(14);

    // A case edited after completion (lib/cases/case-state.ts marks the row) shows so, and filters.
    await db.case.update({ where: { id: id("PT-0006") }, data: { status: "in_progress", changedAfterCompletionAt: new Date(), changedAfterCompletionById: team.inspector.id } });
    const changed = await keyQuestionGrid(team.lead, team.inspectionId, { status: "changed" });
    expect(changed.streams.flatMap((s) => s.rows).map((r) => [r.reference, r.status, r.changedAfterCompletionAt !== null])).toEqual([["PT-0006", "in_progress", true]]);
  });

  it("approves several cases in one transaction, one audit event each, or none with every reason", async () => {
    const refusal = await approveCases(team.lead, { inspectionId: team.inspectionId, caseIds: [id("PT-0001"), id("PT-0005"), id("PT-0034")] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).message).toBe("No case was approved: PT-0005 has an open comment; PT-0034 is in progress, not completed.");
    expect(await db.case.count({ where: { inspectionId: team.inspectionId, status: "approved" } })).toBe(0);

    await expect(approveCases(team.inspector, { inspectionId: team.inspectionId, caseIds: [id("PT-0001")] })).rejects.toBeInstanceOf(ForbiddenError);
    const query = await db.query.findFirstOrThrow({ where: { caseId: id("PT-0005") } });
    await closeQuery(team.lead, { queryId: query.id });

    const { approved } = await approveCases(team.lead, { inspectionId: team.inspectionId, caseIds: [id("PT-0005"), id("PT-0001"), id("PT-0001")] });
    expect(approved).toEqual(["PT-0001", "PT-0005"]);
    const events = await db.auditEvent.findMany({ where: { inspectionId: team.inspectionId, action: "case.status_changed", caseId: { in: [id("PT-0001"), id("PT-0005")] } } });
    expect(events.map((e) => e.after)).toEqual([
      { status: "approved" },
      { status: "approved" },
    ]);
    const grid = await keyQuestionGrid(team.lead, team.inspectionId, { status: "approved" });
    expect(grid.streams.flatMap((s) => s.rows).map((r) => [r.reference, r.approvable])).toEqual([["PT-0001", false], ["PT-0005", false]]);
  });

  it("refuses a bulk approval with no case, or a case of another inspection", async () => {
    const empty = await approveCases(team.lead, { inspectionId: team.inspectionId, caseIds: [] }).catch((e: unknown) => e);
    expect((empty as ValidationError).fieldErrors).toEqual({ caseIds: "Choose at least one case to approve" });
    const other = await createPanelTestInspection(db);
    await expect(approveCases(other.lead, { inspectionId: other.inspectionId, caseIds: [id("PT-0002")] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveCases(team.lead, { inspectionId: other.inspectionId, caseIds: [id("PT-0002")] })).rejects.toThrow("There is no such case.");
  });
});
