"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/http/form-action";
import { addModerator, removeModerator } from "@/lib/moderation/moderators";
import { recordOutcome } from "@/lib/moderation/reconciliation";
import { respondToOutcome } from "@/lib/moderation/response";
import { addCaseToDipSample, drawModerationSample, removeCaseFromDipSample } from "@/lib/moderation/sample";
import { completeSecondAssessment, saveSecondAnswer } from "@/lib/moderation/second-assessment";

// Moderation's server actions: each calls one lib/moderation use case, which checks the rights
// (moderation.manage, .assess or .respond) and owns its transaction and audit event.

const inspection = { inspectionId: field.text() };
const kase = { ...inspection, caseId: field.text() };

/** The inspection's pages (moderation, case pages, panel) show what changed. */
function refresh(inspectionId: string): void {
  if (/^[0-9a-f-]{36}$/i.test(inspectionId)) revalidatePath(`/inspections/${inspectionId}`, "layout");
}

export const addModeratorAction = formAction({
  fields: { ...inspection, userId: field.text() },
  async call(user, input) {
    const message = await addModerator(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const removeModeratorAction = formAction({
  fields: { ...inspection, userId: field.text() },
  async call(user, input) {
    const message = await removeModerator(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const drawDipSampleAction = formAction({
  fields: { ...inspection, kind: field.text(), amount: field.text(), seed: field.text() },
  async call(user, input) {
    const message = await drawModerationSample(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const addDipCaseAction = formAction({
  fields: { ...inspection, reference: field.text(), reason: field.text() },
  async call(user, input) {
    const message = await addCaseToDipSample(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const removeDipCaseAction = formAction({
  fields: kase,
  async call(user, input) {
    const message = await removeCaseFromDipSample(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const saveSecondAnswerAction = formAction({
  fields: { ...kase, questionId: field.text(), value: field.textOrNull(), rationale: field.text() },
  async call(user, input) {
    const message = await saveSecondAnswer(user, { ...input, value: input.value ?? undefined });
    refresh(input.inspectionId);
    return message;
  },
});

export const completeSecondAssessmentAction = formAction({
  fields: kase,
  async call(user, input) {
    const message = await completeSecondAssessment(user, input);
    refresh(input.inspectionId);
    return message;
  },
});

export const recordOutcomeAction = formAction({
  fields: { ...kase, questionId: field.text(), outcome: field.textOrNull(), note: field.text() },
  async call(user, input) {
    const message = await recordOutcome(user, { ...input, outcome: input.outcome ?? undefined });
    refresh(input.inspectionId);
    return message;
  },
});

export const respondToOutcomeAction = formAction({
  fields: { ...kase, questionId: field.text(), response: field.textOrNull(), value: field.text(), rationale: field.text(), reply: field.text() },
  async call(user, input) {
    const message = await respondToOutcome(user, { ...input, response: input.response ?? undefined });
    refresh(input.inspectionId);
    return message;
  },
});
