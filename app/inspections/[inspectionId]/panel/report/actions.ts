"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { addRecommendation, deleteRecommendation, editRecommendation, moveRecommendation, saveNarrative } from "@/lib/report";

// The lead's draft report records: parse the form, call one lib/report use case (which checks
// report.write, owns its transaction and audits), refresh the page.

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function refresh(inspectionId: string): void {
  revalidatePath(`/inspections/${inspectionId}/panel/report`);
}

export async function addRecommendationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const r = await addRecommendation(user, inspectionId, { party: form.get("party"), partyName: form.get("partyName") ?? undefined, text: form.get("text") });
    refresh(inspectionId);
    return `Recommendation ${r.position} added.`;
  });
}

export async function editRecommendationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const r = await editRecommendation(user, inspectionId, {
      recommendationId: form.get("recommendationId"),
      party: form.get("party"),
      partyName: form.get("partyName") ?? undefined,
      text: form.get("text"),
    });
    refresh(inspectionId);
    return `Recommendation ${r.position} saved.`;
  });
}

export async function moveRecommendationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await moveRecommendation(user, inspectionId, { recommendationId: form.get("recommendationId"), direction: form.get("direction") });
    refresh(inspectionId);
    return `Recommendation moved ${text(form, "direction") === "up" ? "up" : "down"}.`;
  });
}

export async function deleteRecommendationAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await deleteRecommendation(user, inspectionId, { recommendationId: form.get("recommendationId") });
    refresh(inspectionId);
    return "Recommendation deleted; the others are renumbered.";
  });
}

export async function saveNarrativeAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    const n = await saveNarrative(user, inspectionId, {
      standardId: form.get("standardId"),
      strengths: form.get("strengths"),
      areasForImprovement: form.get("areasForImprovement"),
    });
    refresh(inspectionId);
    return `Narrative for ${n.standardId} saved.`;
  });
}
