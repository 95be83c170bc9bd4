import { afterAll, describe, expect, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { answerChange, answerWholeCourtCase, makeTeam, type TestTeam } from "@/tests/cases/test-helpers";
import { approveCase, completeCase, raiseQuery, reopenCase, replyToQuery, returnCase } from "@/lib/cases/workflow";
import { closeDatabase, db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { listNotifications, markNotificationsSeen, unseenNotificationCount } from "./index";

// Notifications come from the audit trail and comments, with each user's "seen up to" mark in
// PostgreSQL: what a second app instance (a fresh query, nothing in memory) would show the same way.

afterAll(() => closeDatabase());

async function completedCase(team: TestTeam) {
  const kase = await team.makeCase();
  await answerWholeCourtCase(team, kase.id, { value: "yes", rationale: "Sufficient." });
  await completeCase(team.inspector, { caseId: kase.id, scope: "case" });
  return kase;
}

describe("notifications", () => {
  it("tell the lead of completions, changes after completion and replies, and the inspector of comments, returns and reopenings with the reason", async () => {
    const team = await makeTeam();
    const first = await completedCase(team);
    const second = await completedCase(team);
    const kinds = async (who: typeof team.lead) => (await listNotifications(who)).map((n) => [n.kind, n.caseReference]);

    expect(await kinds(team.lead)).toEqual([["completed", "T-2"], ["completed", "T-1"]]);
    // The inspector's own actions are not news to them.
    expect(await kinds(team.inspector)).toEqual([]);

    // The lead comments: the inspector sees it waiting for their reply, linked to the answer.
    const { queryId } = await raiseQuery(team.lead, { caseId: first.id, questionId: "2.1.1", body: "Say more about the assessment." });
    const [comment] = await listNotifications(team.inspector);
    expect(comment).toMatchObject({ kind: "comment", questionId: "2.1.1", text: "Say more about the assessment.", awaitingReply: true, unseen: true });
    expect(comment?.href).toBe(`/inspections/${team.inspection.id}/cases/${first.id}#kq-2-1-1-card`);
    await returnCase(team.lead, { caseId: first.id });
    expect((await listNotifications(team.inspector))[0]).toMatchObject({ kind: "returned", caseReference: "T-1", openComments: 1 });
    expect(await unseenNotificationCount(team.inspector)).toBe(2);

    // The inspector replies: the lead hears of it, and the comment no longer waits.
    await replyToQuery(team.inspector, { queryId, body: "Added the missing analysis." });
    expect((await listNotifications(team.lead))[0]).toMatchObject({ kind: "reply", caseReference: "T-1", text: "Added the missing analysis." });
    expect((await listNotifications(team.inspector)).find((n) => n.kind === "comment")?.awaitingReply).toBe(false);

    // Approved, then reopened with a reason: the inspector reads the reason in the notification.
    await approveCase(team.lead, { caseId: second.id });
    await reopenCase(team.lead, { caseId: second.id, reason: "The disposal date is wrong on the record.", confirmed: true });
    expect((await listNotifications(team.inspector))[0]).toMatchObject({ kind: "reopened", caseReference: "T-2", text: "The disposal date is wrong on the record." });

    // A completed case edited again: the lead sees it, linked to its history.
    const third = await completedCase(team);
    await applyChanges(team.inspector, third.id, { changes: [answerChange("2.4.3", 1, { value: "yes", rationale: "Sufficient." }, { value: "no", rationale: "Missed the new offence." })] });
    const [changed] = await listNotifications(team.lead);
    expect(changed).toMatchObject({ kind: "changed_after_completion", caseReference: "T-3" });
    expect(changed?.href).toBe(`/inspections/${team.inspection.id}/cases/${third.id}/history`);

    // Someone outside the inspection hears nothing of it.
    expect(await kinds(team.colleague)).toEqual([]);
    expect(await kinds(team.manager)).toEqual([]);
  });

  it("keep each user's 'seen up to' mark in PostgreSQL: marking clears the count, never goes backwards, and refuses a mark from nowhere", async () => {
    const team = await makeTeam();
    await completedCase(team);
    expect(await unseenNotificationCount(team.lead)).toBe(1);
    const [item] = await listNotifications(team.lead);
    await markNotificationsSeen(team.lead, { upTo: item?.id });
    expect(await unseenNotificationCount(team.lead)).toBe(0);
    expect((await listNotifications(team.lead))[0]?.unseen).toBe(false);
    expect((await db.notificationMark.findUniqueOrThrow({ where: { userId: team.lead.id } })).seenUpTo).toBe(BigInt(item?.id ?? "0"));

    await completedCase(team);
    expect(await unseenNotificationCount(team.lead)).toBe(1);
    // An older page submitted late does not bring back what was read.
    await markNotificationsSeen(team.lead, { upTo: "1" });
    expect(await unseenNotificationCount(team.lead)).toBe(1);

    await expect(markNotificationsSeen(team.lead, { upTo: "not a number" })).rejects.toBeInstanceOf(ValidationError);
    await expect(markNotificationsSeen(team.lead, { upTo: "999999999999999999" })).rejects.toBeInstanceOf(ValidationError);
  });
});
