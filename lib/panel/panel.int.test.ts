import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import {
  clearDecision,
  keyQuestionCases,
  panelFigures,
  recordDiscretion,
  recordJudgement,
  reopenRatings,
  signOffRatings,
} from "@/lib/panel";
import { closeQuery, raiseQuery } from "@/lib/cases/workflow";
import { signOffChecks } from "@/lib/panel/sign-off-checks";
import { SALFORD_JUDGEMENTS, TEST_PASSWORD, createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";
import { getFramework } from "@/lib/framework";
import { loadPanelState } from "@/lib/panel";
import { countsFromAnswers, rateInspection, whyWithoutFigures } from "@/lib/rating";
import { refusal } from "@/tests/refusal";

async function judgeAllGood(team: PanelTestTeam) {
  for (const standardId of SALFORD_JUDGEMENTS) {
    await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: `Evidence for ${standardId}.` });
  }
}

describe("panel figures", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db, { inProgressCourtCases: 2 });
  });
  afterAll(() => closeDatabase());

  it("gives final figures from completed cases and provisional figures from every answer", async () => {
    const figures = await panelFigures(team.manager, team.inspectionId);
    const kq = (which: typeof figures.provisional, id: string) =>
      which.result.standards.flatMap((s) => s.keyQuestions).find((k) => k.id === id);
    expect(kq(figures.final, "2.2.3")).toMatchObject({ yes: 6, applicable: 13, percentYes: 46, band: "Inadequate" });
    // The two in-progress cases answered yes throughout: 8/15 = 53%.
    expect(kq(figures.provisional, "2.2.3")).toMatchObject({ yes: 8, applicable: 15, percentYes: 53, band: "Requires improvement" });
    expect(figures.cases).toEqual({ total: 35, final: 33, notFinal: 2 });
    expect(figures.final.result.complete).toBe(false);
    expect(figures.final.result.missing).toEqual(["1.1", "1.2", "1.3", "1.4", "3.4"]);
    expect(figures.signOffBlockers).toContain("2 cases are not completed or approved yet.");
    // Same numbers as the engine given the same counts.
    const direct = rateInspection({
      framework: "yjs-2021",
      keyQuestions: Object.fromEntries(figures.final.result.standards.flatMap((s) => s.keyQuestions).map((k) => [k.id, { yes: k.yes ?? 0, no: (k.applicable ?? 0) - (k.yes ?? 0) }])),
    });
    expect(figures.final.result).toEqual(direct);
    const support = figures.final.support.keyQuestions.find((k) => k.id === "2.2.3");
    expect(support).toMatchObject({ yes: 6, applicable: 13, noToYesToRaiseBand: 1, yesToNoToDropBand: null });
    expect(figures.final.support.standards.find((s) => s.id === "2.2")).toMatchObject({ eligible: true, allowedRatings: ["Requires improvement"] });
    expect(figures.rights).toEqual({ decide: false, recordEvidence: false, export: true });
  });

  it("counts from one SQL aggregate exactly as counting answer by answer", async () => {
    // Vary what decides applicability and status: N/A answers, an approved case, a case judged to have no harm factors.
    await db.answer.updateMany({ where: { caseId: team.cases["PT-0002"], questionId: "2.1.2" }, data: { value: "na", naReason: "Not relevant." } });
    await db.case.update({ where: { id: team.cases["PT-0003"] }, data: { status: "approved", harmFactors: false } });
    const state = await loadPanelState(db, team.inspectionId);
    const cases = await db.case.findMany({
      where: { inspectionId: team.inspectionId, removedAt: null },
      select: { id: true, status: true, stream: true, disposalType: true, harmFactors: true, safetyWellbeingFactors: true, answers: { select: { questionId: true, value: true } } },
    });
    const oneByOne = countsFromAnswers(
      getFramework("yjs-2021"),
      cases.map((c) => ({ id: c.id, status: c.status, attributes: c })),
      cases.flatMap((c) => c.answers.flatMap((a) => (a.value ? [{ caseId: c.id, questionId: a.questionId, value: a.value }] : []))),
    );
    expect(state.counts.final).toEqual(oneByOne.final);
    expect(state.counts.provisional).toEqual(oneByOne.provisional);
    expect(state.counts.excluded).toEqual(oneByOne.excluded);
    expect(state.cases).toEqual({ total: 35, final: 33, notFinal: 2 });
  });

  it("lets the team read the panel but not outsiders", async () => {
    await expect(panelFigures(team.inspector, team.inspectionId)).resolves.toMatchObject({ rights: { decide: false, recordEvidence: true } });
    await expect(panelFigures(team.outsider, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes the fingerprint when a case is completed", async () => {
    const before = await panelFigures(team.lead, team.inspectionId);
    const caseId = team.cases["PT-0034"];
    await db.case.update({ where: { id: caseId }, data: { status: "completed" } });
    const after = await panelFigures(team.lead, team.inspectionId);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.final.result.standards.find((s) => s.id === "2.2")?.keyQuestions.find((k) => k.id === "2.2.3")).toMatchObject({ yes: 7, applicable: 14 });
    await db.case.update({ where: { id: caseId }, data: { status: "in_progress" } });
  });

  it("shows the cases behind a key question, filtered by answer", async () => {
    const all = await keyQuestionCases(team.manager, team.inspectionId, "2.2.3", "all");
    expect(all.totals).toMatchObject({ all: 15, yes: 8, no: 7 });
    const no = await keyQuestionCases(team.manager, team.inspectionId, "2.2.3", "no");
    expect(no.rows).toHaveLength(7);
    expect(no.rows.every((r) => r.answer === "no" && r.rationale === "Not sufficient." && r.inspector?.startsWith("inspector"))).toBe(true);
    const inProgress = all.rows.filter((r) => !r.countsInFinal);
    expect(inProgress.map((r) => r.reference)).toEqual(["PT-0034", "PT-0035"]);
    await expect(keyQuestionCases(team.manager, team.inspectionId, "1.1.1", "all")).rejects.toThrow(/no such key question/);
  });
});

describe("key questions without final figures", () => {
  it("names them per standard and says why: cases not final, or every answer 'not applicable'", async () => {
    const team = await createPanelTestInspection(db);
    const court = Object.entries(team.cases).slice(0, 13).map(([, id]) => id);
    // 2.1.3 answered 'not applicable' in every court case: no figures, for a reason the panel accepts.
    await db.answer.updateMany({ where: { caseId: { in: court }, questionId: "2.1.3" }, data: { value: "na", naReason: "Not relevant." } });
    const before = await panelFigures(team.lead, team.inspectionId);
    expect(before.final.result.standards.find((s) => s.id === "2.1")?.keyQuestionsWithoutFigures).toEqual(["2.1.3"]);
    expect(whyWithoutFigures(["2.1.3"], before.coverage, before.excluded)[0]?.explanation).toBe(
      "2.1.3: inspectors answered 'not applicable' in all 13 cases it applies to.",
    );
    // 2.2.3: one court case sent back, so its answer is not final, and every other one is N/A.
    await db.answer.updateMany({ where: { caseId: { in: court.slice(1) }, questionId: "2.2.3" }, data: { value: "na", naReason: "Not relevant." } });
    await db.case.update({ where: { id: court[0] }, data: { status: "returned" } });
    const figures = await panelFigures(team.lead, team.inspectionId);
    const standard = (id: string) => figures.final.result.standards.find((s) => s.id === id);
    expect(standard("2.2")?.keyQuestionsWithoutFigures).toEqual(["2.2.3"]);
    // The returned case is one 2.1.3 applies to as well: now both wait for it.
    expect(whyWithoutFigures(["2.1.3", "2.2.3"], figures.coverage, figures.excluded).map((w) => w.reason)).toEqual(["cases_not_final", "cases_not_final"]);
    expect(whyWithoutFigures(["2.2.3"], figures.coverage, figures.excluded)[0]?.explanation).toBe(
      "2.2.3: 1 case it applies to is not completed or approved yet.",
    );
    expect(figures.coverage.find((c) => c.id === "2.2.3")).toEqual({ id: "2.2.3", applicableCases: 13, casesNotFinal: 1 });
  });
});

describe("panel decisions", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
  });

  it("records allowed discretion and refuses disallowed discretion with the engine's reason", async () => {
    const { fingerprint } = await panelFigures(team.lead, team.inspectionId);
    // Nothing changed: the page's poll must not see a change.
    expect((await panelFigures(team.manager, team.inspectionId)).fingerprint).toBe(fingerprint);
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
    expect((await panelFigures(team.lead, team.inspectionId)).fingerprint).not.toBe(fingerprint);
    const tooFar = await refusal(
      recordDiscretion(team.lead, team.inspectionId, { standardId: "2.1", rating: "Good", note: "We think so." }),
    );
    expect(tooFar.fieldErrors.rating).toBe(
      "2.1: the lowest key question is 54%, 11 points from the 65% boundary between 'Requires improvement' and 'Good'; discretion needs 5 or fewer.",
    );
    const noNote = await refusal(recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "  " }));
    expect(noNote.fieldErrors.note).toBe("Enter a note saying why the panel applied discretion");
    const onJudgement = await refusal(recordDiscretion(team.lead, team.inspectionId, { standardId: "1.1", rating: "Good", note: "x" }));
    expect(onJudgement.fieldErrors.rating).toMatch(/rated by judgement/);
    const figures = await panelFigures(team.lead, team.inspectionId);
    expect(figures.final.result.standards.find((s) => s.id === "2.2")).toMatchObject({
      calculatedRating: "Inadequate",
      rating: "Requires improvement",
      discretion: { from: "Inadequate", to: "Requires improvement", note: "Small sample." },
    });
    const audit = await db.auditEvent.findMany({ where: { inspectionId: team.inspectionId, action: "panel.discretion_recorded" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses decisions from anyone but the lead", async () => {
    await expect(
      recordDiscretion(team.inspector, team.inspectionId, { standardId: "2.4", rating: "Good", note: "x" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordJudgement(team.manager, team.inspectionId, { standardId: "1.1", rating: "Good", note: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(signOffRatings(team.inspector, team.inspectionId, { password: TEST_PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("enforces the governance cap on 1.1 with its explanation, whichever decision would break it", async () => {
    // 3.4 Inadequate leaves 3 of 8 Good or better (3.1, 3.2, 3.3): 1.1 is capped.
    await recordJudgement(team.lead, team.inspectionId, { standardId: "3.4", rating: "Inadequate", note: "Weak policy." });
    const capped = await refusal(recordJudgement(team.lead, team.inspectionId, { standardId: "1.1", rating: "Good", note: "Strong board." }));
    expect(capped.fieldErrors.rating).toBe(
      "Only 3 of the 8 ratings of standards 2.1–3.4 are Good or Outstanding, fewer than half, so 1.1 cannot be rated above 'Requires improvement' (got 'Good').",
    );
    await recordJudgement(team.lead, team.inspectionId, { standardId: "1.1", rating: "Requires improvement", note: "Capped." });
    await recordJudgement(team.lead, team.inspectionId, { standardId: "3.4", rating: "Good", note: "Good policy." });
    await recordJudgement(team.lead, team.inspectionId, { standardId: "1.1", rating: "Good", note: "Strong board." });
    // Now lowering 3.4 again would break the cap on 1.1: refused, naming 1.1.
    const lowering = await refusal(recordJudgement(team.lead, team.inspectionId, { standardId: "3.4", rating: "Inadequate", note: "x" }));
    expect(lowering.fieldErrors.rating).toMatch(/^This would break the rules for the judgement on 1\.1: Only 3 of the 8/);
  });

  it("clears a decision, audited", async () => {
    await clearDecision(team.lead, team.inspectionId, { standardId: "2.2", kind: "discretion" });
    const figures = await panelFigures(team.lead, team.inspectionId);
    expect(figures.final.result.standards.find((s) => s.id === "2.2")?.rating).toBe("Inadequate");
    expect(figures.decisions.find((d) => d.standardId === "2.2")).toBeUndefined();
    await expect(
      db.auditEvent.count({ where: { inspectionId: team.inspectionId, action: "panel.decision_cleared" } }),
    ).resolves.toBe(1);
  });
});

describe("sign-off and reopening", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
  });

  it("refuses sign-off while standards are unrated, and with a wrong password", async () => {
    const unrated = await refusal(signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD }));
    expect(unrated.message).toContain("These standards are not rated yet: 1.1, 1.2, 1.3, 1.4, 3.4.");
    const wrong = await refusal(signOffRatings(team.lead, team.inspectionId, { password: "not-the-password" }));
    expect(wrong.fieldErrors.password).toBe("The password is not right");
  });

  it("signs off 22/36 Good, freezes the result and refuses decisions until reopened with a reason", async () => {
    await judgeAllGood(team);
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "Strong elsewhere." });

    // All 33 cases are completed, none approved: sign-off needs the lead's explicit confirmation of that number.
    const unconfirmed = await refusal(signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD }));
    expect(unconfirmed.fieldErrors.confirmUnapproved).toBe("Confirm that you are signing off with 33 cases completed but not approved");
    const stale = await refusal(signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "32" }));
    expect(stale.fieldErrors.confirmUnapproved).toBe("The cases completed but not approved are now 33, not 32: check the list and confirm again");

    // An open comment refuses sign-off whatever is confirmed, and the checklist shows it.
    const { queryId } = await raiseQuery(team.lead, { caseId: team.cases["PT-0005"], questionId: "2.1.1", body: "Say more about the assessment." });
    const withComment = await refusal(signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" }));
    expect(withComment.message).toContain("1 comment is still open: close it first.");
    const checks = await signOffChecks(team.lead, team.inspectionId);
    expect(checks.openComments).toBe(1);
    expect(checks.notApproved).toHaveLength(33);
    expect(checks.notApproved.find((c) => c.reference === "PT-0005")).toMatchObject({ status: "completed", openComments: 1 });
    await expect(signOffChecks(team.inspector, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    await closeQuery(team.lead, { queryId });

    const { signOffId } = await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" });
    const signedEvent = await db.auditEvent.findFirstOrThrow({ where: { inspectionId: team.inspectionId, action: "panel.signed_off" } });
    const confirmed = (signedEvent.after as { confirmedCompletedNotApproved?: string[] }).confirmedCompletedNotApproved;
    expect(confirmed).toHaveLength(33);
    expect(confirmed?.[0]).toBe("PT-0001");

    const figures = await panelFigures(team.lead, team.inspectionId);
    expect(figures.inspection.status).toBe("signed_off");
    expect(figures.signOff?.id).toBe(signOffId);
    expect(figures.signOff?.snapshot.result).toEqual(figures.final.result);
    expect(figures.signOff?.snapshot.result).toMatchObject({ score: 22, overallRating: "Good", complete: true });

    const frozen = await refusal(recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Requires improvement", note: "x" }));
    expect(frozen.message).toMatch(/signed off/);
    // A later change to the answers does not touch the frozen snapshot.
    await db.answer.updateMany({ where: { caseId: team.cases["PT-0001"], questionId: "2.1.1" }, data: { value: "no" } });
    const later = await panelFigures(team.lead, team.inspectionId);
    expect(later.signOff?.snapshot.result.score).toBe(22);

    const noReason = await refusal(reopenRatings(team.lead, team.inspectionId, { reason: "" }));
    expect(noReason.fieldErrors.reason).toBe("Enter the reason for reopening the ratings");
    await expect(reopenRatings(team.inspector, team.inspectionId, { reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await reopenRatings(team.lead, team.inspectionId, { reason: "A case was re-marked." });
    const voided = await db.signOff.findUniqueOrThrow({ where: { id: signOffId } });
    expect(voided.voidReason).toBe("A case was re-marked.");
    expect(voided.voidedById).toBe(team.lead.id);
    const reopened = await panelFigures(team.lead, team.inspectionId);
    expect(reopened.signOff).toBeNull();
    expect(reopened.inspection.status).toBe("panel");
    const actions = (await db.auditEvent.findMany({ where: { inspectionId: team.inspectionId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toContain("panel.signed_off");
    expect(actions.at(-1)).toBe("panel.reopened");
  });

  it("sets aside a stored decision the figures no longer allow, with the engine's reason", async () => {
    // After the re-marking above, 2.1.1 is 7/13 = 54%: unchanged band, so discretion on 2.4 still fits.
    // Make 2.2.3 far from the boundary: 2.2's discretion no longer fits.
    const caseIds = Object.values(team.cases);
    await db.answer.updateMany({ where: { caseId: { in: caseIds }, questionId: "2.2.3" }, data: { value: "no" } });
    const figures = await panelFigures(team.lead, team.inspectionId);
    expect(figures.final.setAside).toEqual([
      expect.objectContaining({ standardId: "2.2", kind: "discretion", code: "discretion_out_of_range" }),
    ]);
    expect(figures.final.result.standards.find((s) => s.id === "2.2")?.rating).toBe("Inadequate");
    expect(figures.signOffBlockers.some((b) => b.startsWith("The discretion on 2.2 no longer fits the figures"))).toBe(true);
  });
});
