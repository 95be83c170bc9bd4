"use server";

import { revalidatePath } from "next/cache";
import { field, formAction } from "@/lib/http/form-action";
import { addRecommendation, deleteRecommendation, editRecommendation, moveRecommendation, saveNarrative } from "@/lib/report";

// The lead's draft report records: each calls one lib/report use case (which checks report.write,
// owns its transaction and audits), then refreshes the page.

function refresh(inspectionId: string): void {
  revalidatePath(`/inspections/${inspectionId}/panel/report`);
}

const recommendation = { inspectionId: field.text(), party: field.sent(), partyName: field.sent(), text: field.sent() };

export const addRecommendationAction = formAction({
  fields: recommendation,
  async call(user, { inspectionId, partyName, ...input }) {
    const r = await addRecommendation(user, inspectionId, { ...input, partyName: partyName ?? undefined });
    refresh(inspectionId);
    return `Recommendation ${r.position} added.`;
  },
});

export const editRecommendationAction = formAction({
  fields: { ...recommendation, recommendationId: field.sent() },
  async call(user, { inspectionId, partyName, ...input }) {
    const r = await editRecommendation(user, inspectionId, { ...input, partyName: partyName ?? undefined });
    refresh(inspectionId);
    return `Recommendation ${r.position} saved.`;
  },
});

export const moveRecommendationAction = formAction({
  fields: { inspectionId: field.text(), recommendationId: field.sent(), direction: field.sent() },
  async call(user, { inspectionId, ...input }) {
    await moveRecommendation(user, inspectionId, input);
    refresh(inspectionId);
    return `Recommendation moved ${input.direction === "up" ? "up" : "down"}.`;
  },
});

export const deleteRecommendationAction = formAction({
  fields: { inspectionId: field.text(), recommendationId: field.sent() },
  async call(user, { inspectionId, ...input }) {
    await deleteRecommendation(user, inspectionId, input);
    refresh(inspectionId);
    return "Recommendation deleted; the others are renumbered.";
  },
});

export const saveNarrativeAction = formAction({
  fields: { inspectionId: field.text(), standardId: field.sent(), strengths: field.sent(), areasForImprovement: field.sent() },
  async call(user, { inspectionId, ...input }) {
    const n = await saveNarrative(user, inspectionId, input);
    refresh(inspectionId);
    return `Narrative for ${n.standardId} saved.`;
  },
});
