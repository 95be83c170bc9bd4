import { afterAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { caseContext } from "@/lib/cases/access";
import { loadCasePage } from "@/lib/cases/queries";
import { closeDatabase, db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { listNotifications } from "@/lib/notifications";
import { panelFigures } from "@/lib/panel";
import { answerChange, makeTeam } from "@/tests/cases/test-helpers";
import { moderationAgreement } from "./agreement";
import { addModerator, removeModerator } from "./moderators";
import { moderationOverview } from "./overview";
import { reconciliationView, recordOutcome } from "./reconciliation";
import { moderationNotesForCase, respondToOutcome } from "./response";
import { addCaseToDipSample, drawModerationSample, removeCaseFromDipSample } from "./sample";
import { completeSecondAssessment, saveSecondAnswer, secondAssessmentView } from "./second-assessment";

afterAll(() => closeDatabase());

const COURT_QUESTIONS = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];
const SECRET = "Inspector's private rationale: the plan was signed late";

/** A team with a moderator assigned by the lead, and court cases the inspector has answered (harm factors judged "no"). */
async function moderatedTeam(caseCount = 2) {
  const team = await makeTeam();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await db.user.create({ data: { name: `QA ${stamp}`, email: `qa-${stamp}@example.test`, role: "quality_assurer", passwordHash: "x" } });
  const qa = { id: created.id, role: "quality_assurer" as const, name: created.name };
  expect(await addModerator(team.lead, { inspectionId: team.inspection.id, userId: qa.id })).toBe(`${qa.name} now moderates this inspection.`);
  const cases = [];
  for (let i = 0; i < caseCount; i++) {
    const kase = await team.makeCase("court", { harmFactors: false, safetyWellbeingFactors: false });
    for (const [n, questionId] of ["2.1.1", "2.1.2"].entries()) {
      await applyChanges(team.inspector, kase.id, {
        changes: [answerChange(questionId, 0, { value: null, rationale: "" }, { value: n === 0 ? "yes" : "no", rationale: `${SECRET} (${questionId})` })],
      });
    }
    cases.push(kase);
  }
  return { ...team, qa, cases };
}

const ids = (team: { inspection: { id: string } }, caseId: string) => ({ inspectionId: team.inspection.id, caseId });

describe("assigning a moderator", () => {
  it("a lead or manager assigns only an active quality assurer; inspectors cannot; removal is audited and ends the right", async () => {
    const team = await moderatedTeam(0);
    await expect(addModerator(team.inspector, { inspectionId: team.inspection.id, userId: team.qa.id })).rejects.toBeInstanceOf(ForbiddenError);
    const notQa = await addModerator(team.manager, { inspectionId: team.inspection.id, userId: team.colleague.id }).catch((e: unknown) => e);
    expect(notQa).toBeInstanceOf(ValidationError);
    expect((notQa as ValidationError).fieldErrors.userId).toContain("is not a quality assurer");
    const again = await addModerator(team.manager, { inspectionId: team.inspection.id, userId: team.qa.id }).catch((e: unknown) => e);
    expect((again as ValidationError).fieldErrors.userId).toContain("already moderates");
    expect(await db.auditEvent.count({ where: { inspectionId: team.inspection.id, action: "moderator.added", entityId: team.qa.id } })).toBe(1);

    await removeModerator(team.manager, { inspectionId: team.inspection.id, userId: team.qa.id });
    await expect(moderationOverview(team.qa, team.inspection.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { inspectionId: team.inspection.id, action: "moderator.removed" } })).toBe(1);
  });
});

describe("the dip sample", () => {
  it("is drawn by the moderator only, seeded and recorded; the same seed draws the same cases; cases are added by hand with a reason and removed until assessed", async () => {
    const team = await moderatedTeam(6);
    const draw = { inspectionId: team.inspection.id, kind: "count", amount: "3", seed: "dip-seed" };
    await expect(drawModerationSample(team.lead, draw)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await drawModerationSample(team.qa, draw)).toBe("Drew 3 cases for second assessment from 6 with seed dip-seed.");
    const recorded = await db.moderationDraw.findFirstOrThrow({ where: { inspectionId: team.inspection.id } });
    expect(recorded).toMatchObject({ seed: "dip-seed", requestKind: "count", requestValue: 3, size: 3, populationSize: 6 });
    const drawn = (await db.moderationCase.findMany({ where: { inspectionId: team.inspection.id }, select: { case: { select: { reference: true } } } })).map((c) => c.case.reference).sort();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { inspectionId: team.inspection.id, action: "moderation.sample_drawn" } });
    expect(audit.after).toMatchObject({ seed: "dip-seed", seedEntered: true, references: drawn });

    // The same seed over the same cases gives the same draw: replayed on a copy of the inspection.
    const twin = await moderatedTeam(6);
    await drawModerationSample(twin.qa, { ...draw, inspectionId: twin.inspection.id });
    const twinDrawn = (await db.moderationCase.findMany({ where: { inspectionId: twin.inspection.id }, select: { case: { select: { reference: true } } } })).map((c) => c.case.reference).sort();
    expect(twinDrawn).toEqual(drawn);

    const bad = await drawModerationSample(team.qa, { ...draw, kind: "percent", amount: "120" }).catch((e: unknown) => e);
    expect((bad as ValidationError).fieldErrors.amount).toBe("Enter a percentage from 1 to 100");

    const outside = (await db.case.findMany({ where: { inspectionId: team.inspection.id, moderation: null }, select: { reference: true } }))[0]!.reference;
    const noReason = await addCaseToDipSample(team.qa, { inspectionId: team.inspection.id, reference: outside, reason: " " }).catch((e: unknown) => e);
    expect((noReason as ValidationError).fieldErrors.reason).toBe("Enter why this case is added");
    const tooLong = await addCaseToDipSample(team.qa, { inspectionId: team.inspection.id, reference: outside, reason: "x".repeat(501) }).catch((e: unknown) => e);
    expect((tooLong as ValidationError).fieldErrors.reason).toBe("Enter a reason of at most 500 characters");
    await addCaseToDipSample(team.qa, { inspectionId: team.inspection.id, reference: outside, reason: "Complex case flagged by the lead" });
    const added = await db.moderationCase.findFirstOrThrow({ where: { inspectionId: team.inspection.id, drawId: null } });
    expect(added.additionReason).toBe("Complex case flagged by the lead");

    await saveSecondAnswer(team.qa, { ...ids(team, added.caseId), questionId: "2.1.1", value: "yes", rationale: "" });
    await expect(removeCaseFromDipSample(team.qa, ids(team, added.caseId))).rejects.toBeInstanceOf(ConflictError);
    const untouched = (await db.moderationCase.findFirstOrThrow({ where: { inspectionId: team.inspection.id, NOT: { drawId: null } } })).caseId;
    expect(await removeCaseFromDipSample(team.qa, ids(team, untouched))).toContain("removed from the dip sample");
    expect(await db.auditEvent.count({ where: { caseId: untouched, action: "moderation.case_removed" } })).toBe(1);
  });
});

describe("the blind second assessment", () => {
  it("sends the moderator nothing of the inspector's answers until their own are complete, and their answers never reach the panel", async () => {
    const team = await moderatedTeam(1);
    const kase = team.cases[0]!;
    await addCaseToDipSample(team.qa, { inspectionId: team.inspection.id, reference: kase.reference, reason: "Checked in fieldwork" });
    const figuresBefore = await panelFigures(team.lead, team.inspection.id);

    // No route to the inspector's answers for the moderator: not the case page, not the outbox, not the reconciliation.
    await expect(caseContext(team.qa, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadCasePage(team.qa, team.inspection.id, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(panelFigures(team.qa, team.inspection.id)).rejects.toBeInstanceOf(ForbiddenError);
    const view = await secondAssessmentView(team.qa, team.inspection.id, kase.id);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(view.questions.map((q) => q.id)).toEqual(COURT_QUESTIONS);
    expect(view.questions.every((q) => q.value === null)).toBe(true);
    const blind = await reconciliationView(team.qa, team.inspection.id, kase.id);
    expect(blind).toMatchObject({ state: "awaiting_second_assessment", rows: null });
    expect(JSON.stringify(blind)).not.toContain(SECRET);

    // The moderator cannot change the inspector's answers, only record their own.
    await expect(applyChanges(team.qa, kase.id, { changes: [answerChange("2.1.1", 1, { value: "yes" }, { value: "no" })] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSecondAnswer(team.inspector, { ...ids(team, kase.id), questionId: "2.1.1", value: "no" })).rejects.toBeInstanceOf(ForbiddenError);
    const incomplete = await completeSecondAssessment(team.qa, ids(team, kase.id)).catch((e: unknown) => e);
    expect(incomplete).toBeInstanceOf(ValidationError);
    const unknown = await saveSecondAnswer(team.qa, { ...ids(team, kase.id), questionId: "9.9.9", value: "yes" }).catch((e: unknown) => e);
    expect((unknown as ValidationError).fieldErrors.questionId).toBe("There is no such key question");
    const otherStream = await saveSecondAnswer(team.qa, { ...ids(team, kase.id), questionId: "3.1.1", value: "yes" }).catch((e: unknown) => e);
    expect((otherStream as ValidationError).fieldErrors.questionId).toBe("Key question 3.1.1 does not apply to this case");
    for (const q of view.questions) {
      await saveSecondAnswer(team.qa, { ...ids(team, kase.id), questionId: q.id, value: "yes", rationale: `Moderator on ${q.id}` });
    }
    // Stored apart: the inspector's answers are as they were, and the panel's figures have not moved.
    const inspectorAnswers = await db.answer.findMany({ where: { caseId: kase.id }, orderBy: { questionId: "asc" }, select: { questionId: true, value: true } });
    expect(inspectorAnswers).toEqual([
      { questionId: "2.1.1", value: "yes" },
      { questionId: "2.1.2", value: "no" },
    ]);
    const figuresAfter = await panelFigures(team.lead, team.inspection.id);
    expect(figuresAfter.provisional.result).toEqual(figuresBefore.provisional.result);
    expect(figuresAfter.final.result).toEqual(figuresBefore.final.result);
    expect(figuresAfter.fingerprint).toBe(figuresBefore.fingerprint);

    expect(await completeSecondAssessment(team.qa, ids(team, kase.id))).toContain("completed");
    await expect(saveSecondAnswer(team.qa, { ...ids(team, kase.id), questionId: "2.1.1", value: "no" })).rejects.toBeInstanceOf(ConflictError);
    const open = await reconciliationView(team.qa, team.inspection.id, kase.id);
    if (open.state !== "ready") throw new Error(`expected the reconciliation, got ${open.state}`);
    // Disagreements first: 2.1.2 (inspector no, moderator yes).
    expect(open.rows[0]).toMatchObject({ questionId: "2.1.2", disagreement: true, inspector: { value: "no", rationale: `${SECRET} (2.1.2)` }, second: { value: "yes" } });
    expect(open.rows.filter((r) => r.disagreement)).toHaveLength(1);
  });
});

describe("reconciliation and the inspector's response", () => {
  async function reconciled() {
    const team = await moderatedTeam(1);
    const kase = team.cases[0]!;
    await addCaseToDipSample(team.qa, { inspectionId: team.inspection.id, reference: kase.reference, reason: "Checked" });
    for (const q of (await secondAssessmentView(team.qa, team.inspection.id, kase.id)).questions) {
      await saveSecondAnswer(team.qa, { ...ids(team, kase.id), questionId: q.id, value: "yes", rationale: "Seen" });
    }
    await completeSecondAssessment(team.qa, ids(team, kase.id));
    return { team, kase };
  }

  it("records an outcome only on a disagreement, with a note; the inspector sees it and changes the answer, audited as a change after moderation", async () => {
    const { team, kase } = await reconciled();
    const agreed = await recordOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.1", outcome: "answer_stands", note: "Fine" }).catch((e: unknown) => e);
    expect((agreed as ValidationError).fieldErrors.questionId).toBe("Key question 2.1.1 is not a disagreement on this case");
    const noNote = await recordOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.2", outcome: "inspector_to_review", note: "" }).catch((e: unknown) => e);
    expect((noNote as ValidationError).fieldErrors.note).toBe("Enter a note for the inspector");
    await expect(recordOutcome(team.lead, { ...ids(team, kase.id), questionId: "2.1.2", outcome: "inspector_to_review", note: "Look" })).rejects.toBeInstanceOf(ForbiddenError);
    await recordOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.2", outcome: "inspector_to_review", note: "The plan names the risks: see page 4." });

    // The inspector hears of it in their notifications, linked to the note on the case page.
    const heard = (await listNotifications(team.inspector)).filter((n) => n.kind === "moderation");
    expect(heard).toEqual([expect.objectContaining({ caseReference: kase.reference, questionId: "2.1.2", href: `/inspections/${team.inspection.id}/cases/${kase.id}#moderation-notes-heading` })]);
    // Nothing changed the inspector's answer yet.
    expect((await db.answer.findFirstOrThrow({ where: { caseId: kase.id, questionId: "2.1.2" } })).value).toBe("no");
    const notes = await moderationNotesForCase(team.inspector, team.inspection.id, kase.id);
    expect(notes).toEqual([expect.objectContaining({ questionId: "2.1.2", outcome: "inspector_to_review", note: "The plan names the risks: see page 4.", canRespond: true })]);
    expect((await moderationNotesForCase(team.colleague, team.inspection.id, kase.id))[0]!.canRespond).toBe(false);
    await expect(respondToOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.2", response: "changed", value: "yes", rationale: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(respondToOutcome(team.colleague, { ...ids(team, kase.id), questionId: "2.1.2", response: "kept", reply: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    const missing = await respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "changed", value: "", rationale: "" }).catch((e: unknown) => e);
    expect((missing as ValidationError).fieldErrors).toEqual({ value: "Choose your new answer", rationale: "Enter the rationale for your new answer" });

    await respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "changed", value: "yes", rationale: "On review the plan does name the risks." });
    const answer = await db.answer.findFirstOrThrow({ where: { caseId: kase.id, questionId: "2.1.2" } });
    expect(answer).toMatchObject({ value: "yes", rationale: "On review the plan does name the risks.", version: 2, updatedById: team.inspector.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: kase.id, action: "answer.changed_after_moderation" } });
    expect(event).toMatchObject({ actorId: team.inspector.id, before: { questionId: "2.1.2", value: "no", version: 1 }, after: { questionId: "2.1.2", value: "yes", version: 2 } });
    await expect(respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "kept", reply: "again" })).rejects.toBeInstanceOf(ConflictError);

    // Agreement is measured against the answer the moderator compared: the change does not erase the disagreement.
    const { breakdown } = await moderationAgreement(team.lead, team.inspection.id);
    expect(breakdown.byKeyQuestion.get("2.1.2")).toMatchObject({ compared: 1, agreed: 0 });
    expect(breakdown.byKeyQuestion.get("2.1.1")).toMatchObject({ compared: 1, agreed: 1 });
    // Questions the inspector has not answered yet are unanswered pairs, not disagreements.
    expect(breakdown.overall).toMatchObject({ compared: 2, agreed: 1, unanswered: 10 });
  });

  it("the inspector keeps the answer with a reply; the answer is untouched", async () => {
    const { team, kase } = await reconciled();
    await recordOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.2", outcome: "inspector_to_review", note: "Look again" });
    const noReply = await respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "kept", reply: "" }).catch((e: unknown) => e);
    expect((noReply as ValidationError).fieldErrors.reply).toBe("Enter why your answer stands");
    await respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "kept", reply: "The plan was agreed after the review date." });
    expect(await db.answer.findFirstOrThrow({ where: { caseId: kase.id, questionId: "2.1.2" } })).toMatchObject({ value: "no", version: 1 });
    expect(await db.auditEvent.count({ where: { caseId: kase.id, action: "answer.changed_after_moderation" } })).toBe(0);
    expect(await db.moderationOutcome.findFirstOrThrow({ where: { caseId: kase.id } })).toMatchObject({ response: "kept", reply: "The plan was agreed after the review date." });
  });

  it("an outcome of 'answer stands' asks nothing of the inspector", async () => {
    const { team, kase } = await reconciled();
    await recordOutcome(team.qa, { ...ids(team, kase.id), questionId: "2.1.2", outcome: "answer_stands", note: "A judgement call either way." });
    expect((await moderationNotesForCase(team.inspector, team.inspection.id, kase.id))[0]!.canRespond).toBe(false);
    await expect(respondToOutcome(team.inspector, { ...ids(team, kase.id), questionId: "2.1.2", response: "kept", reply: "ok" })).rejects.toBeInstanceOf(ConflictError);
    await expect(reconciliationView(team.inspector, team.inspection.id, kase.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(secondAssessmentView(team.lead, team.inspection.id, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(secondAssessmentView(team.qa, team.inspection.id, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
