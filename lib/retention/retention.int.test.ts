import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { answerChange } from "@/tests/cases/test-helpers";
import { closeQuery, completeCase, raiseQuery, replyToQuery } from "@/lib/cases/workflow";
import { db, sqlQuery } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { recordEvidence } from "@/lib/evidence";
import { addModerator } from "@/lib/moderation/moderators";
import { recordOutcome } from "@/lib/moderation/reconciliation";
import { respondToOutcome } from "@/lib/moderation/response";
import { addCaseToDipSample } from "@/lib/moderation/sample";
import { completeSecondAssessment, saveSecondAnswer, secondAssessmentView } from "@/lib/moderation/second-assessment";
import { loadPanelState, rateState, recordDiscretion, recordJudgement, signOffRatings } from "@/lib/panel";
import { createPanelTestInspection, SALFORD_JUDGEMENTS, TEST_PASSWORD, type PanelTestTeam } from "@/tests/panel/test-support";
import { eraseCaseContent, ERASED_TEXT, retentionMonths, retentionOverview, runRetention } from "./index";

// Retention: a signed-off inspection with case text in every place it can live (rationale and
// not-applicable reason, case notes, a comment and a reply, evidence, a moderator's reason, second
// rationale, outcome note and the inspector's reply, and so their audit payloads
// and the outbox's change records) is erased once past the period; figures, ratings and the
// sign-off are unchanged, the text is nowhere in the database, and the erasure is recorded.

const secret = `Child-text-${randomUUID()}`;
const MONTH_MS = 31 * 24 * 3600 * 1000;

/** Rows of every table whose JSON contains `text`, as "table: n". */
async function whereTextRemains(text: string): Promise<string[]> {
  const tables = await sqlQuery<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", []);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sqlQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(to_jsonb(t)::text, $1) > 0`, [text]);
    if ((rows[0]?.n ?? 0) > 0) found.push(`${name}: ${rows[0]?.n}`);
  }
  return found;
}

async function panelOf(inspectionId: string) {
  const state = await loadPanelState(db, inspectionId);
  return { figures: rateState(state), counts: state.counts, decisions: state.decisions, signOff: state.signOff, cases: state.cases };
}

describe("retention of case content after sign-off", () => {
  let team: PanelTestTeam;
  let signedAt: Date;
  const admin = { id: "", role: "admin" as const };

  beforeAll(async () => {
    team = await createPanelTestInspection(db, { name: "Retention YJS" });
    admin.id = (await db.user.create({ data: { name: "Retention admin", email: `admin-${randomUUID()}@retention.test`, role: "admin", passwordHash: "x" } })).id;
    const caseId = team.cases["PT-0001"] as string;
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId, questionId: "2.1.1" } } });
    const changes = [
      answerChange("2.1.1", answer.version, { rationale: answer.rationale }, { rationale: `Rationale ${secret}` }),
      { changeId: randomUUID(), target: "case" as const, baseVersion: 1, from: { overallNotes: "" }, to: { overallNotes: `Notes ${secret}` } },
    ];
    const applied = await applyChanges(team.inspector, caseId, { changes });
    expect(applied.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    // The edit returned the case to in progress: complete it again, so the figures are Salford's.
    await completeCase(team.inspector, { caseId, scope: "case" });
    await moderateWithText(caseId, answer.value === "yes" ? "no" : "yes");
    const { queryId } = await raiseQuery(team.lead, { caseId, questionId: "2.1.1", body: `Comment ${secret}` });
    await replyToQuery(team.inspector, { queryId, body: `Reply ${secret}` });
    await closeQuery(team.lead, { queryId });
    await recordEvidence(team.inspector, team.inspectionId, {
      standardId: "1.1", topic: "1.1.2", kind: "strength", source: "meeting", occurredOn: "2024-01-23", text: `Evidence ${secret}`,
    });
    for (const standardId of SALFORD_JUDGEMENTS) await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: `Judged ${standardId}.` });
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "Strong practice." });
    const completedNotApproved = await db.case.count({ where: { inspectionId: team.inspectionId, status: "completed" } });
    await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: completedNotApproved });
    signedAt = (await db.signOff.findFirstOrThrow({ where: { inspectionId: team.inspectionId, voidedAt: null } })).signedAt;
  }, 60_000);

  /** A moderator second-assesses the case, disagrees on 2.1.1, and the inspector keeps their answer: text in all four places. */
  async function moderateWithText(caseId: string, disagreeing: "yes" | "no") {
    const qa = await db.user.create({ data: { name: "Retention QA", email: `qa-${randomUUID()}@retention.test`, role: "quality_assurer", passwordHash: "x" } });
    const moderator = { id: qa.id, role: "quality_assurer" as const };
    const ref = { inspectionId: team.inspectionId, caseId };
    await addModerator(team.lead, { inspectionId: team.inspectionId, userId: qa.id });
    await addCaseToDipSample(moderator, { inspectionId: team.inspectionId, reference: "PT-0001", reason: `Added ${secret}` });
    for (const question of (await secondAssessmentView(moderator, team.inspectionId, caseId)).questions) {
      const value = question.id === "2.1.1" ? disagreeing : "yes";
      await saveSecondAnswer(moderator, { ...ref, questionId: question.id, value, rationale: question.id === "2.1.1" ? `Second ${secret}` : "" });
    }
    await completeSecondAssessment(moderator, ref);
    await recordOutcome(moderator, { ...ref, questionId: "2.1.1", outcome: "inspector_to_review", note: `Note ${secret}` });
    await respondToOutcome(team.inspector, { ...ref, questionId: "2.1.1", response: "kept", reply: `Kept ${secret}` });
  }

  it("erases case text everywhere once past the period, keeps figures and ratings, and records the erasure", async () => {
    expect((await whereTextRemains(secret)).sort()).toEqual(["answers: 1", "audit_events: 6", "cases: 1", "evidence_items: 1", "moderation_cases: 1", "moderation_outcomes: 1", "query_messages: 2", "second_answers: 1"]);
    const before = await panelOf(team.inspectionId);
    const auditBefore = await db.auditEvent.findMany({ where: { OR: [{ inspectionId: team.inspectionId }, { caseId: { in: Object.values(team.cases) } }] }, orderBy: { id: "asc" } });

    const notYet = await runRetention({ erase: false, months: 24, now: new Date(signedAt.getTime() + 23 * MONTH_MS) });
    expect(notYet.due.map((r) => r.inspectionId)).not.toContain(team.inspectionId);
    expect(await eraseCaseContent(team.inspectionId, { months: 24, now: new Date(signedAt.getTime() + 23 * MONTH_MS), actorId: null })).toBeNull();

    const later = new Date(signedAt.getTime() + 25 * MONTH_MS);
    const due = await runRetention({ erase: false, months: 24, now: later });
    expect(due.due.map((r) => r.inspectionId)).toContain(team.inspectionId);
    const withRationale = await db.answer.count({ where: { case: { inspectionId: team.inspectionId }, rationale: { not: "" } } });
    const counts = await eraseCaseContent(team.inspectionId, { months: 24, now: later, actorId: null });
    expect(counts).toEqual({ answers: withRationale, cases: 1, comments: 2, evidence: 1, moderation: 3, auditEvents: 6, changeRecords: 2 });

    expect(await whereTextRemains(secret)).toEqual([]);
    expect(await db.answer.count({ where: { case: { inspectionId: team.inspectionId }, rationale: { notIn: ["", ERASED_TEXT] } } })).toBe(0);
    expect(await panelOf(team.inspectionId)).toEqual(before);
    expect(before.figures.final.result.score).toBe(22);

    // Every audit event is still there, in order, with only its free text replaced; plus the erasure.
    const auditAfter = await db.auditEvent.findMany({ where: { OR: [{ inspectionId: team.inspectionId }, { caseId: { in: Object.values(team.cases) } }] }, orderBy: { id: "asc" } });
    expect(auditAfter.slice(0, -1).map(({ before: _b, after: _a, ...rest }) => rest)).toEqual(auditBefore.map(({ before: _b, after: _a, ...rest }) => rest));
    const raised = auditAfter.find((e) => e.action === "query.raised");
    expect(raised?.after).toEqual({ questionId: "2.1.1", status: "open", comment: ERASED_TEXT });
    const erasure = auditAfter.at(-1);
    expect(erasure).toMatchObject({ action: "inspection.case_content_erased", actorId: null, inspectionId: team.inspectionId });
    expect(erasure?.after).toMatchObject({ retentionMonths: 24, signedOffAt: signedAt.toISOString(), ...counts });
    const inspection = await db.inspection.findUniqueOrThrow({ where: { id: team.inspectionId } });
    expect(inspection.caseContentErasedAt).not.toBeNull();
    expect(inspection.status).toBe("signed_off");

    // Done once: a second run (another instance, the next day) finds nothing to do.
    expect(await eraseCaseContent(team.inspectionId, { months: 24, now: later, actorId: null })).toBeNull();
    expect((await retentionOverview(admin, later)).erased.map((r) => r.inspectionId)).toContain(team.inspectionId);
  });

  it("keeps the audit log append-only outside the redaction itself", async () => {
    const [event] = await db.auditEvent.findMany({ where: { caseId: team.cases["PT-0001"] }, take: 1 });
    const attempt = (sql: string) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SELECT set_config('case_review.redacting_inspection', $1, true)", team.inspectionId);
        await tx.$executeRawUnsafe(sql, event?.id);
      });
    // Even with the setting, only a payload's redaction is allowed: no other change, no deletion.
    await expect(attempt("UPDATE audit_events SET action = 'rewritten' WHERE id = $1")).rejects.toThrow(/append-only/);
    await expect(attempt(`UPDATE audit_events SET after = '{"rationale":"invented"}' WHERE id = $1`)).rejects.toThrow(/append-only/);
    await expect(attempt("DELETE FROM audit_events WHERE id = $1")).rejects.toThrow(/append-only/);
    // Without it, not even a redaction.
    await expect(db.$executeRawUnsafe("UPDATE audit_events SET after = case_content_redacted(after) WHERE id = $1", event?.id)).rejects.toThrow(/append-only/);
  });

  it("shows what is due to administrators only", async () => {
    await expect(retentionOverview(team.manager)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retentionOverview(team.lead)).rejects.toBeInstanceOf(ForbiddenError);
    const overview = await retentionOverview(admin);
    expect(overview.months).toBe(retentionMonths());
  });

  it("refuses a retention period that is not a whole number of months", () => {
    expect(retentionMonths({ CASE_CONTENT_RETENTION_MONTHS: "36" })).toBe(36);
    expect(retentionMonths({})).toBe(24);
    expect(() => retentionMonths({ CASE_CONTENT_RETENTION_MONTHS: "abc" })).toThrow(/CASE_CONTENT_RETENTION_MONTHS: expected a whole number from 1 to 1200 \(got "abc"\)/);
    expect(() => retentionMonths({ CASE_CONTENT_RETENTION_MONTHS: "0" })).toThrow(/CASE_CONTENT_RETENTION_MONTHS: expected a whole number/);
  });
});
