import { createHash, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { answerChange, caseChange, makeTeam } from "@/tests/cases/test-helpers";
import { approveCase, completeCase } from "@/lib/cases/workflow";
import { applyChanges } from "./apply-changes";

afterAll(() => closeDatabase());

describe("applying outbox changes", () => {
  it("writes version + 1 with an audit event from → to, and moves the case into progress", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const { results } = await applyChanges(team.inspector, kase.id, {
      changes: [answerChange("2.1.1", 0, { value: null, rationale: "" }, { value: "no", rationale: "No analysis of offending." })],
    });
    expect(results).toEqual([expect.objectContaining({ status: "applied", version: 1, questionId: "2.1.1" })]);
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.1.1" } } });
    expect(answer).toMatchObject({ value: "no", rationale: "No analysis of offending.", version: 1, updatedById: team.inspector.id });
    const events = await db.auditEvent.findMany({ where: { caseId: kase.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["answer.changed", "case.status_changed"]);
    expect(events[0]).toMatchObject({
      actorId: team.inspector.id,
      entityId: answer.id,
      before: { questionId: "2.1.1", version: 0, value: null, rationale: "" },
      after: { questionId: "2.1.1", version: 1, value: "no", rationale: "No analysis of offending." },
    });
    expect(events[1]).toMatchObject({ before: { status: "not_started" }, after: { status: "in_progress" } });
  });

  it("answers a resent change as before, without applying it twice", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = answerChange("2.1.2", 0, { value: null }, { value: "yes" });
    const first = await applyChanges(team.inspector, kase.id, { changes: [change] });
    const again = await applyChanges(team.inspector, kase.id, { changes: [change] });
    expect(first.results[0]).toMatchObject({ status: "applied", version: 1 });
    expect(again.results[0]).toMatchObject({ status: "duplicate", version: 1, changeId: change.changeId });
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.1.2" } } });
    expect(answer.version).toBe(1);
    expect(await db.auditEvent.count({ where: { caseId: kase.id, action: "answer.changed" } })).toBe(1);
  });

  it("refuses a change id reused with different content (409), keeping the first change", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = answerChange("2.1.2", 0, { rationale: "" }, { rationale: "First text." });
    await applyChanges(team.inspector, kase.id, { changes: [change] });
    const reused = { ...change, to: { rationale: "Other text." } };
    const again = await applyChanges(team.inspector, kase.id, { changes: [reused] });
    expect(again.results[0]).toMatchObject({ status: "rejected", code: 409, changeId: change.changeId, message: expect.stringContaining("different change") });
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.1.2" } } });
    expect(answer).toMatchObject({ rationale: "First text.", version: 1 });
    // A faithful resend, its keys in another order, is still a duplicate.
    const reordered = Object.fromEntries(Object.entries(change).reverse()) as typeof change;
    expect((await applyChanges(team.inspector, kase.id, { changes: [reordered] })).results[0]).toMatchObject({ status: "duplicate" });
  });

  it("answers a resend of a change recorded before the flat wire format, its prompt marks hashed nested, as a duplicate", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = answerChange("2.4.1", 0, { rationale: "", "prompt.0": null }, { rationale: "Good review.", "prompt.0": "met" });
    await applyChanges(team.inspector, kase.id, { changes: [change] });
    // The digest earlier releases recorded: the parsed change with its keys sorted, prompt marks nested.
    const earlier = `{"baseVersion":0,"changeId":"${change.changeId}","from":{"promptMarks":{"0":null},"rationale":""},"questionId":"2.4.1","target":"answer","to":{"promptMarks":{"0":"met"},"rationale":"Good review."}}`;
    await db.$executeRaw`UPDATE applied_changes SET content_digest = ${createHash("sha256").update(earlier).digest("hex")} WHERE change_id = ${change.changeId}::uuid`;
    expect((await applyChanges(team.inspector, kase.id, { changes: [change] })).results[0]).toMatchObject({ status: "duplicate" });
    const reused = { ...change, to: { rationale: "Good review.", "prompt.0": "not_met" as const } };
    expect((await applyChanges(team.inspector, kase.id, { changes: [reused] })).results[0]).toMatchObject({ status: "rejected", code: 409 });
  });

  it("refuses prompt numbers with leading zeros, which would store two marks for one prompt", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = answerChange("2.1.1", 0, {}, { "prompt.01": "met" });
    await expect(applyChanges(team.inspector, kase.id, { changes: [change] })).rejects.toThrow(ValidationError);
  });

  it("applies two concurrent resends of one change exactly once (row locks serialise them)", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = answerChange("2.1.3", 0, { rationale: "" }, { rationale: "Typed once." });
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => applyChanges(team.inspector, kase.id, { changes: [change] })));
    const statuses = outcomes.map((o) => o.results[0]?.status).sort();
    expect(statuses).toEqual(["applied", "duplicate", "duplicate", "duplicate"]);
    expect(await db.auditEvent.count({ where: { caseId: kase.id, action: "answer.changed" } })).toBe(1);
  });

  it("keeps the order of a batch: each change builds on the one before", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const changes = [
      answerChange("2.2.1", 0, { rationale: "" }, { rationale: "A" }),
      answerChange("2.2.1", 0, { rationale: "A" }, { rationale: "AB" }),
      answerChange("2.2.1", 0, { rationale: "AB" }, { rationale: "ABC" }),
    ];
    const { results } = await applyChanges(team.inspector, kase.id, { changes });
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.2.1" } } });
    expect(answer).toMatchObject({ rationale: "ABC", version: 3 });
  });

  it("refuses a stale change that would overwrite someone else's value, with the stored value", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.lead, kase.id, { changes: [answerChange("2.3.1", 0, { value: null }, { value: "yes" })] });
    const stale = answerChange("2.3.1", 0, { value: null }, { value: "no" });
    const after = answerChange("2.3.2", 0, { value: null }, { value: "yes" });
    const { results } = await applyChanges(team.inspector, kase.id, { changes: [stale, after] });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      status: "conflict",
      code: 409,
      fields: ["value"],
      current: { version: 1, fields: { value: "yes" }, updatedByName: team.lead.name },
    });
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.3.1" } } });
    expect(answer.value).toBe("yes");
    // Choosing "keep mine" re-submits against the new base version.
    const resolved = await applyChanges(team.inspector, kase.id, {
      changes: [answerChange("2.3.1", 1, { value: "yes" }, { value: "no" }), after],
    });
    expect(resolved.results.map((r) => r.status)).toEqual(["applied", "applied"]);
  });

  it("merges a stale change to a different field of the same answer", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.lead, kase.id, { changes: [answerChange("2.4.1", 0, { value: null }, { value: "yes" })] });
    const { results } = await applyChanges(team.inspector, kase.id, {
      changes: [answerChange("2.4.1", 0, { rationale: "", "prompt.0": null }, { rationale: "Good review.", "prompt.0": "met" })],
    });
    expect(results[0]).toMatchObject({ status: "applied", version: 2 });
    const answer = await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.4.1" } } });
    expect(answer).toMatchObject({ value: "yes", rationale: "Good review.", promptMarks: { "0": "met" } });
  });

  it("lets another inspector read but not write, and keeps outsiders out", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const change = { changes: [answerChange("2.1.1", 0, { value: null }, { value: "yes" })] };
    await expect(applyChanges(team.colleague, kase.id, change)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyChanges(team.outsider, kase.id, change)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyChanges(team.manager, kase.id, change)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyChanges(team.admin, kase.id, change)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyChanges(team.inspector, randomUUID(), change)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.answer.count({ where: { caseId: kase.id } })).toBe(0);
    const byLead = await applyChanges(team.lead, kase.id, change);
    expect(byLead.results[0]?.status).toBe("applied");
  });

  it("refuses malformed batches and questions of another stream", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await expect(applyChanges(team.inspector, kase.id, { changes: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(applyChanges(team.inspector, kase.id, { changes: [{ changeId: "nope" }] })).rejects.toBeInstanceOf(ValidationError);
    const { results } = await applyChanges(team.inspector, kase.id, { changes: [answerChange("3.1.1", 0, {}, { value: "yes" })] });
    expect(results[0]).toMatchObject({ status: "rejected", code: 400 });
  });

  it("refuses changes to an approved case and to a signed-off inspection", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase("court", { status: "approved" });
    const { results } = await applyChanges(team.lead, kase.id, { changes: [answerChange("2.1.1", 0, {}, { value: "yes" })] });
    expect(results[0]).toMatchObject({ status: "rejected", code: 423, message: expect.stringContaining("locked") });

    const open = await team.makeCase();
    await db.inspection.update({ where: { id: team.inspection.id }, data: { status: "signed_off" } });
    const signedOff = await applyChanges(team.inspector, open.id, { changes: [answerChange("2.1.1", 0, {}, { value: "yes" })] });
    expect(signedOff.results[0]).toMatchObject({ status: "rejected", code: 423, message: expect.stringContaining("signed off") });
    expect(await db.answer.count({ where: { caseId: { in: [kase.id, open.id] } } })).toBe(0);
  });

  it("records attribute corrections, interview and notes with their own audit events", async () => {
    const team = await makeTeam("yjs-2018");
    const kase = await team.makeCase("court");
    const { results } = await applyChanges(team.inspector, kase.id, {
      changes: [
        caseChange(1, { harmFactors: null, disposalType: "referral_order" }, { harmFactors: false, disposalType: "youth_rehabilitation_order" }),
        caseChange(1, { caseManagerInterviewed: null, caseManagerInterviewDate: null }, { caseManagerInterviewed: true, caseManagerInterviewDate: "2026-11-24" }),
        caseChange(1, { overallNotes: "" }, { overallNotes: "Strong relationship work." }),
      ],
    });
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
    const stored = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(stored).toMatchObject({ harmFactors: false, disposalType: "youth_rehabilitation_order", caseManagerInterviewed: true, overallNotes: "Strong relationship work." });
    expect(stored.caseManagerInterviewDate?.toISOString().slice(0, 10)).toBe("2026-11-24");
    const actions = (await db.auditEvent.findMany({ where: { caseId: kase.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["case.attributes_changed", "case.status_changed", "case.interview_changed", "case.notes_changed"]);

    const wrongStream = await applyChanges(team.inspector, kase.id, { changes: [caseChange(5, {}, { disposalType: "youth_caution" })] });
    expect(wrongStream.results[0]).toMatchObject({ status: "rejected", code: 400 });
  });

  it("shows a stale case change the stored dates and classifications as the browser holds them", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase("court");
    const set = await applyChanges(team.inspector, kase.id, {
      changes: [{ changeId: randomUUID(), target: "case", baseVersion: 1, from: {}, to: { disposalDate: "2026-03-09", rosh: "high", age: 15 } }],
    });
    expect(set.results[0]).toMatchObject({ status: "applied" });
    const stale = await applyChanges(team.lead, kase.id, {
      changes: [{ changeId: randomUUID(), target: "case", baseVersion: 1, from: { rosh: "low" }, to: { rosh: "medium" } }],
    });
    expect(stale.results[0]).toMatchObject({
      status: "conflict",
      fields: ["rosh"],
      current: { fields: expect.objectContaining({ disposalDate: "2026-03-09", rosh: "high", age: 15, gender: null }) },
    });
  });

  it("refuses a change id already used on another case, and writes nothing for it", async () => {
    const team = await makeTeam();
    const [first, second] = [await team.makeCase(), await team.makeCase()];
    const change = answerChange("2.1.1", 0, { value: null }, { value: "yes" });
    expect((await applyChanges(team.inspector, first.id, { changes: [change] })).results[0]).toMatchObject({ status: "applied" });
    const reused = await applyChanges(team.inspector, second.id, { changes: [change] });
    expect(reused.results[0]).toMatchObject({ status: "rejected", code: 409 });
    expect(await db.answer.count({ where: { caseId: second.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { caseId: second.id } })).toBe(0);
  });

  it("treats an answer row of version 0 (written by earlier releases to lock it) as no answer yet", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await db.answer.create({ data: { caseId: kase.id, questionId: "2.1.1", version: 0, updatedById: team.lead.id } });
    const { results } = await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 0, { value: null }, { value: "no", rationale: "Not analysed." })] });
    expect(results[0]).toMatchObject({ status: "applied", version: 1 });
    expect(await db.answer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: kase.id, questionId: "2.1.1" } } })).toMatchObject({
      value: "no",
      version: 1,
      updatedById: team.inspector.id,
    });
  });

  it("reopens a completed case's section when an edit leaves it incomplete", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    const questions = ["2.1.1", "2.1.2", "2.1.3"];
    await applyChanges(team.inspector, kase.id, { changes: questions.map((q) => answerChange(q, 0, {}, { value: "yes" })) });
    await completeCase(team.inspector, { caseId: kase.id, scope: "2.1" });
    expect(await db.caseSection.count({ where: { caseId: kase.id } })).toBe(1);
    await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 1, { value: "yes" }, { value: "no" })] });
    expect(await db.caseSection.count({ where: { caseId: kase.id } })).toBe(0);
    const last = await db.auditEvent.findFirstOrThrow({ where: { caseId: kase.id }, orderBy: { id: "desc" } });
    expect(last.action).toBe("case.section_reopened");
  });

  it("an approval that comes while a save is writing waits for it: no answer changes after the approval", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase("court", { status: "completed" });
    // The save holds its transaction open for a second once it starts writing (after it read the
    // case's status), so the approval reliably comes in between; only the case-row lock
    // (lib/cases/access.ts, lockCase) makes it wait.
    const trigger = `slow_save_${kase.id.replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON applied_changes FOR EACH ROW WHEN (NEW.case_id = '${kase.id}') EXECUTE FUNCTION ${trigger}()`);
    try {
      const save = applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 0, {}, { rationale: "Late note." })] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const approve = approveCase(team.lead, { caseId: kase.id }).then(
        () => "approved",
        (e: Error) => e.message,
      );
      const [saved] = await Promise.all([save, approve]);
      expect(saved.results[0]?.status).toBe("applied");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON applied_changes`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }
    const events = await db.auditEvent.findMany({ where: { caseId: kase.id }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    const approval = events.findIndex((e) => e.action === "case.status_changed" && (e.after as { status?: string } | null)?.status === "approved");
    const answerChanges = events.flatMap((e, i) => (e.action === "answer.changed" ? [i] : []));
    expect(answerChanges).toHaveLength(1);
    if (approval >= 0) expect(answerChanges[0]).toBeLessThan(approval);
  });
});

describe("the audit table", () => {
  it("refuses UPDATE and DELETE", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    await applyChanges(team.inspector, kase.id, { changes: [answerChange("2.1.1", 0, {}, { value: "yes" })] });
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: kase.id } });
    await expect(db.$executeRaw`UPDATE audit_events SET action = 'tampered' WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("answer.changed");
  });
});
