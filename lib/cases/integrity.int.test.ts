import { afterAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { closeDatabase, db } from "@/lib/db/client";
import { keyQuestionCases, loadPanelState } from "@/lib/panel";
import { caseTimeline } from "./queries";
import { answerChange, answerWholeCourtCase, caseChange, makeTeam } from "@/tests/cases/test-helpers";
import { approveCase, completeCase } from "./workflow";

// What an inspector records cannot change without the lead knowing (issue 12, "Integrity"): an edit to
// a completed case returns it to in progress, on the row and in the history; an answer is given only
// where its key question applies; the drill-down never shows a non-applying question as unanswered or
// counts its stored answer.

afterAll(() => closeDatabase());

async function completedCase() {
  const team = await makeTeam();
  const kase = await team.makeCase();
  await answerWholeCourtCase(team, kase.id);
  await completeCase(team.inspector, { caseId: kase.id, scope: "case" });
  return { team, kase };
}

describe("an edit to a completed case", () => {
  it("returns it to in progress, flags the row for the lead, says so in the history and the response, and leaves the final figures", async () => {
    const { team, kase } = await completedCase();
    const counts = async () => (await loadPanelState(db, team.inspection.id, team.lead.id)).counts;
    expect((await counts()).final["2.4.3"]).toEqual({ yes: 1, no: 0 });

    const { results } = await applyChanges(team.inspector, kase.id, {
      changes: [answerChange("2.4.3", 1, { value: "yes", rationale: "" }, { value: "no", rationale: "The review missed the new offence." })],
    });
    expect(results[0]).toMatchObject({ status: "applied", caseStatus: "in_progress" });

    const row = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(row.status).toBe("in_progress");
    expect(row.changedAfterCompletionAt).toBeInstanceOf(Date);
    expect(row.changedAfterCompletionById).toBe(team.inspector.id);
    // A valid section stays marked: only the case as a whole waits to be completed again.
    expect(await db.caseSection.count({ where: { caseId: kase.id } })).toBe(4);

    const { entries } = await caseTimeline(team.lead, team.inspection.id, kase.id);
    const moved = entries.find((e) => e.title === "Status changed from Completed to In progress");
    expect(moved?.note).toMatch(/Changed after the case was completed/);

    // The answer no longer counts in the final figures (the case is not final), only in provisional ones.
    const after = await counts();
    expect(after.final["2.4.3"]).toBeUndefined();
    expect(after.provisional["2.4.3"]).toEqual({ yes: 0, no: 1 });

    // Completed again: still flagged for the lead; the lead's approval ends the signal.
    await completeCase(team.inspector, { caseId: kase.id, scope: "case" });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).changedAfterCompletionAt).toBeInstanceOf(Date);
    await approveCase(team.lead, { caseId: kase.id });
    const approved = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(approved).toMatchObject({ status: "approved", changedAfterCompletionAt: null, changedAfterCompletionById: null });
  });

  it("counts a change to the case's notes or details too", async () => {
    const { team, kase } = await completedCase();
    const version = (await db.case.findUniqueOrThrow({ where: { id: kase.id } })).version;
    const { results } = await applyChanges(team.inspector, kase.id, { changes: [caseChange(version, { overallNotes: "" }, { overallNotes: "Late note." })] });
    expect(results[0]).toMatchObject({ status: "applied", caseStatus: "in_progress" });
  });
});

describe("answers to key questions that do not apply", () => {
  it("are refused, and a stored answer whose question stopped applying is neither unanswered nor counted in the drill-down", async () => {
    const team = await makeTeam("yjs-2018");
    const kase = await team.makeCase("court");
    const unjudged = await team.makeCase("court");
    // Harm factors judged yes: 2.1.3 applies and is answered yes.
    await applyChanges(team.inspector, kase.id, { changes: [caseChange(1, { harmFactors: null }, { harmFactors: true })] });
    const yes = await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.3", 0, {}, { value: "yes" })] });
    expect(yes.results[0]).toMatchObject({ status: "applied" });
    // Then judged no: 2.1.3 no longer applies, and a new answer to it is refused with the reason.
    await applyChanges(team.inspector, kase.id, { changes: [caseChange(2, { harmFactors: true }, { harmFactors: false })] });
    const refused = await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.3", 1, { value: "yes" }, { value: "no" })] });
    expect(refused.results[0]).toMatchObject({ status: "rejected", code: 400, message: expect.stringContaining("does not apply to this case") });
    expect((await db.answer.findFirstOrThrow({ where: { caseId: kase.id, questionId: "2.1.3" } })).value).toBe("yes");

    const drill = await keyQuestionCases(team.lead, team.inspection.id, "2.1.3", "all");
    expect(drill.totals).toMatchObject({ all: 2, yes: 0, unanswered: 1, does_not_apply: 1 });
    const row = drill.rows.find((r) => r.caseId === kase.id);
    expect(row).toMatchObject({ countsInFinal: false, notApplicableReason: expect.stringContaining("none") });
    const unanswered = await keyQuestionCases(team.lead, team.inspection.id, "2.1.3", "unanswered");
    expect(unanswered.rows.map((r) => r.caseId)).toEqual([unjudged.id]);

    // 3.4.2 applies only to youth conditional cautions: refused on a youth caution.
    const ooc = await team.makeCase("out_of_court");
    const caution = await applyChanges(team.inspector, ooc.id, { changes: [answerChange("3.4.2", 0, {}, { value: "yes" })] });
    expect(caution.results[0]).toMatchObject({ status: "rejected", code: 400 });
  });
});
