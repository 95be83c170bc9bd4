import { describe, expect, it } from "vitest";
import { isCaseAuditAction, type AuditEvent } from "@/lib/audit/events";
import { getFramework } from "@/lib/framework";
import { describeEvent, type AuditRow } from "./timeline";

const fw = getFramework("yjs-2021");
const row = (action: string, before: unknown, after: unknown): AuditRow => ({ id: "1", at: "2026-01-05T10:00:00.000Z", actorName: "Ada Inspector", action, before, after });

describe("a case's history in plain English", () => {
  it("names an answer change by key question, with each field from → to in words and prompts by their wording", () => {
    const entry = describeEvent(
      fw,
      row(
        "answer.changed",
        { questionId: "2.1.1", version: 1, value: "no", rationale: null, "prompt.0": null },
        { questionId: "2.1.1", version: 2, value: "yes", rationale: "Clear analysis", "prompt.0": "met" },
      ),
    );
    expect(entry).toEqual({
      id: "1",
      at: "2026-01-05T10:00:00.000Z",
      actorName: "Ada Inspector",
      title: "Changed key question 2.1.1",
      changes: [
        { field: "Answer", from: "No", to: "Yes" },
        { field: "Rationale", from: "(blank)", to: "Clear analysis" },
        { field: "Prompt “Analysis of offending behaviour”", from: "(blank)", to: "Met" },
      ],
      note: null,
    });
  });

  it("numbers a prompt from its key when the framework does not have its key question", () => {
    const entry = describeEvent(fw, row("answer.changed", { questionId: "9.9.9", version: 1, "prompt.2": "met" }, { questionId: "9.9.9", version: 2, "prompt.2": "not_met" }));
    expect(entry.changes).toEqual([{ field: "Prompt 3", from: "Met", to: "Not met" }]);
  });

  it("labels case attributes, enums and booleans, and leaves out bookkeeping keys", () => {
    const entry = describeEvent(
      fw,
      row("case.attributes_changed", { gender: "male", rosh: "low", harmFactors: false }, { gender: "female", rosh: "high", harmFactors: true }),
    );
    expect(entry.title).toBe("Corrected the case's details");
    expect(entry.changes).toEqual([
      { field: "Gender", from: "Male", to: "Female" },
      { field: "Risk of serious harm", from: "Low", to: "High" },
      { field: "Harm factors", from: "No", to: "Yes" },
    ]);
    expect(describeEvent(fw, row("case.notes_changed", { overallNotes: "" }, { overallNotes: "Seen" })).title).toBe("Changed the overall notes");
    expect(describeEvent(fw, row("case.interview_changed", {}, { caseManagerInterviewed: true })).changes).toEqual([
      { field: "Case manager interviewed", from: "(blank)", to: "Yes" },
    ]);
  });

  it("says a status change in words, with the reason as its note", () => {
    const reopened = describeEvent(fw, row("case.status_changed", { status: "approved" }, { status: "in_progress", reason: "New evidence" }));
    expect(reopened).toMatchObject({ title: "Status changed from Approved to In progress", changes: [], note: "Reason: New evidence" });
    const returned = describeEvent(fw, row("case.status_changed", { status: "completed" }, { status: "returned", openComments: 2 }));
    expect(returned).toMatchObject({ title: "Status changed from Completed to Returned", changes: [], note: null });
    const edited = describeEvent(fw, row("case.status_changed", { status: "completed" }, { status: "in_progress", why: "Changed after the case was completed." }));
    expect(edited.note).toBe("Changed after the case was completed.");
  });

  it("names sections by number and title, and says why one is no longer complete", () => {
    expect(describeEvent(fw, row("case.section_completed", null, { standardId: "2.1", completed: true }))).toMatchObject({
      title: "Marked section 2.1 Assessment complete",
      note: null,
    });
    const reopened = describeEvent(fw, row("case.section_reopened", { completed: true }, { standardId: "2.2", completed: false, why: "A change left this section with something missing." }));
    expect(reopened).toMatchObject({ title: "Section 2.2 Planning is no longer complete", note: "A change left this section with something missing." });
  });

  it("shows the lead's comment thread with each message as the note", () => {
    expect(describeEvent(fw, row("query.raised", null, { questionId: "2.1.1", status: "open", comment: "Which plan?" }))).toMatchObject({
      title: "Commented on key question 2.1.1",
      note: "Which plan?",
    });
    expect(describeEvent(fw, row("query.answered", { status: "open" }, { questionId: "2.1.1", status: "answered", reply: "The March one" })).note).toBe("The March one");
    expect(describeEvent(fw, row("query.followed_up", { status: "answered" }, { questionId: "2.1.1", status: "open", reply: "And?" })).title).toBe(
      "Followed up the comment on key question 2.1.1",
    );
    const closedOnApproval = describeEvent(fw, row("query.closed", { status: "answered" }, { questionId: "2.1.1", status: "closed", why: "Closed when the case was approved." }));
    expect(closedOnApproval).toMatchObject({ title: "Closed the comment on key question 2.1.1", note: "Closed when the case was approved." });
  });

  it("shows sampling and allocation events by their action and recorded fields, and an unknown action as it is", () => {
    const allocated = describeEvent(fw, row("case.allocated", { allocatedToId: null }, { allocatedToId: "u1", how: "manual" }));
    expect(allocated).toMatchObject({ title: "case.allocated", note: null });
    expect(allocated.changes).toEqual([
      { field: "allocatedToId", from: "(blank)", to: "u1" },
      { field: "how", from: "(blank)", to: "manual" },
    ]);
    expect(describeEvent(fw, row("legacy.event", null, { x: 1 }))).toMatchObject({ title: "legacy.event", changes: [{ field: "x", from: "(blank)", to: "1" }] });
  });
});

describe("typed audit events", () => {
  it("refuses, at compile time (tsc), an undeclared action, a missing before and a case id on a non-case event", () => {
    const refused: AuditEvent[] = [
      // @ts-expect-error "case.status_change" is not an audit action.
      { actorId: null, action: "case.status_change", entityType: "case", entityId: "x", before: { status: "a" }, after: { status: "b" } },
      // @ts-expect-error a status change records the status it left.
      { actorId: null, action: "case.status_changed", entityType: "case", entityId: "x", after: { status: "b" } },
      // @ts-expect-error a user event carries no case id.
      { actorId: null, action: "user.password_reset", entityType: "user", entityId: "x", caseId: "c" },
    ];
    // At run time the case history knows only the declared case actions.
    expect(refused.map((e) => isCaseAuditAction(e.action))).toEqual([false, true, false]);
  });
});
