"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/http/form-action";
import { clearDecision, recordDiscretion, recordJudgement, reopenRatings, signOffRatings } from "@/lib/panel";

function refresh(inspectionId: string): void {
  revalidatePath(`/inspections/${inspectionId}/panel`);
  revalidatePath(`/inspections/${inspectionId}`);
}

const decision = { inspectionId: field.text(), standardId: field.sent(), rating: field.sent(), note: field.sent() };

export const recordDiscretionAction = formAction({
  fields: decision,
  async call(user, { inspectionId, ...input }) {
    const d = await recordDiscretion(user, inspectionId, input);
    refresh(inspectionId);
    return `Discretion recorded: ${d.standardId} is now '${d.rating}'.`;
  },
});

export const recordJudgementAction = formAction({
  fields: decision,
  async call(user, { inspectionId, ...input }) {
    const d = await recordJudgement(user, inspectionId, input);
    refresh(inspectionId);
    return `Judgement recorded: ${d.standardId} is '${d.rating}'.`;
  },
});

export const clearDecisionAction = formAction({
  fields: { inspectionId: field.text(), standardId: field.sent(), kind: field.sent() },
  async call(user, { inspectionId, standardId, kind }) {
    await clearDecision(user, inspectionId, { standardId, kind });
    refresh(inspectionId);
    return `The ${kind} on ${standardId} was cleared.`;
  },
});

export const signOffAction = formAction({
  fields: { inspectionId: field.text(), password: field.sent(), confirmUnapproved: field.sent() },
  async call(user, { inspectionId, ...input }) {
    await signOffRatings(user, inspectionId, input);
    refresh(inspectionId);
    return "The ratings are signed off and frozen.";
  },
});

export const reopenAction = formAction({
  fields: { inspectionId: field.text(), reason: field.sent() },
  async call(user, { inspectionId, reason }) {
    await reopenRatings(user, inspectionId, { reason });
    refresh(inspectionId);
    return "The ratings are reopened; the sign-off is void.";
  },
});
