"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { clearDecision, recordDiscretion, recordJudgement, reopenRatings, signOffRatings } from "@/lib/panel";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function refresh(inspectionId: string): void {
  revalidatePath(`/inspections/${inspectionId}/panel`);
  revalidatePath(`/inspections/${inspectionId}`);
}

export async function recordDiscretionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const d = await recordDiscretion(user, inspectionId, { standardId: form.get("standardId"), rating: form.get("rating"), note: form.get("note") });
    refresh(inspectionId);
    return `Discretion recorded: ${d.standardId} is now '${d.rating}'.`;
  });
}

export async function recordJudgementAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const d = await recordJudgement(user, inspectionId, { standardId: form.get("standardId"), rating: form.get("rating"), note: form.get("note") });
    refresh(inspectionId);
    return `Judgement recorded: ${d.standardId} is '${d.rating}'.`;
  });
}

export async function clearDecisionAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await clearDecision(user, inspectionId, { standardId: form.get("standardId"), kind: form.get("kind") });
    refresh(inspectionId);
    return `The ${text(form, "kind")} on ${text(form, "standardId")} was cleared.`;
  });
}

export async function signOffAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await signOffRatings(user, inspectionId, { password: form.get("password"), confirmUnapproved: form.get("confirmUnapproved") });
    refresh(inspectionId);
    return "The ratings are signed off and frozen.";
  });
}

export async function reopenAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await reopenRatings(user, inspectionId, { reason: form.get("reason") });
    refresh(inspectionId);
    return "The ratings are reopened; the sign-off is void.";
  });
}
