"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { deleteEvidence, recordEvidence } from "@/lib/evidence";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function recordEvidenceAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await recordEvidence(user, inspectionId, {
      standardId: form.get("standardId"),
      topic: form.get("topic"),
      kind: form.get("kind") ?? undefined,
      source: form.get("source") ?? undefined,
      occurredOn: form.get("occurredOn"),
      text: form.get("text"),
      caseId: form.get("caseId") ?? undefined,
    });
    revalidatePath(`/inspections/${inspectionId}/evidence`, "layout");
    revalidatePath(`/inspections/${inspectionId}/panel`);
    return "Evidence recorded.";
  });
}

export async function deleteEvidenceAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = text(form, "inspectionId");
  return runFormAction(async () => {
    await deleteEvidence(user, inspectionId, { evidenceId: form.get("evidenceId") });
    revalidatePath(`/inspections/${inspectionId}/evidence`, "layout");
    revalidatePath(`/inspections/${inspectionId}/panel`);
    return "Evidence deleted.";
  });
}
