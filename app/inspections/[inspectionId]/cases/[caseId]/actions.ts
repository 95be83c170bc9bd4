"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/http/form-action";
import { approveCase, closeQuery, completeCase, raiseQuery, reopenCase, replyToQuery, returnCase } from "@/lib/cases/workflow";

// Server actions of the case page: each calls one lib/cases use case, which checks the rights.
// Answers themselves are saved through the outbox (app/api/cases/[caseId]/changes).

/** Every form of the case page names its inspection and case, for the pages to refresh. */
const page = { inspectionId: field.text(), caseId: field.text() };

function refresh({ inspectionId, caseId }: { inspectionId: string; caseId: string }): void {
  revalidatePath(`/inspections/${inspectionId}/cases/${caseId}`);
  revalidatePath(`/inspections/${inspectionId}/cases`);
}

export const completeAction = formAction({
  fields: { ...page, scope: field.text() },
  async call(user, input) {
    const { scope } = await completeCase(user, { caseId: input.caseId, scope: input.scope });
    refresh(input);
    return scope === "case" ? "The case is marked as complete. The lead inspector can now review it." : `Section ${scope} is marked as complete.`;
  },
});

export const raiseQueryAction = formAction({
  fields: { ...page, questionId: field.text(), body: field.text() },
  async call(user, input) {
    await raiseQuery(user, { caseId: input.caseId, questionId: input.questionId, body: input.body });
    refresh(input);
    return "Comment added.";
  },
});

export const replyQueryAction = formAction({
  fields: { ...page, queryId: field.text(), body: field.text() },
  async call(user, input) {
    await replyToQuery(user, { queryId: input.queryId, body: input.body });
    refresh(input);
    return "Reply sent.";
  },
});

export const closeQueryAction = formAction({
  fields: { ...page, queryId: field.text() },
  async call(user, input) {
    await closeQuery(user, { queryId: input.queryId });
    refresh(input);
    return "Comment closed.";
  },
});

export const returnCaseAction = formAction({
  fields: page,
  async call(user, input) {
    await returnCase(user, { caseId: input.caseId });
    refresh(input);
    return "The case is returned to its inspector with your comments.";
  },
});

export const approveCaseAction = formAction({
  fields: page,
  async call(user, input) {
    await approveCase(user, { caseId: input.caseId });
    refresh(input);
    return "The case is approved and locked.";
  },
});

export const reopenCaseAction = formAction({
  fields: { ...page, reason: field.text(), confirmed: field.checkbox() },
  async call(user, input) {
    await reopenCase(user, { caseId: input.caseId, reason: input.reason, confirmed: input.confirmed });
    refresh(input);
    return "The case is reopened. Its inspector can change it again.";
  },
});
