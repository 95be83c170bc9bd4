"use server";

import { revalidatePath } from "next/cache";
import { deleteEvidence, recordEvidence } from "@/lib/evidence";
import { field, formAction } from "@/lib/http/form-action";

function refresh(inspectionId: string): void {
  revalidatePath(`/inspections/${inspectionId}/evidence`, "layout");
  revalidatePath(`/inspections/${inspectionId}/panel`);
}

export const recordEvidenceAction = formAction({
  fields: {
    inspectionId: field.text(),
    standardId: field.sent(),
    topic: field.sent(),
    kind: field.sent(),
    source: field.sent(),
    occurredOn: field.sent(),
    text: field.sent(),
    caseId: field.sent(),
  },
  async call(user, { inspectionId, ...input }) {
    await recordEvidence(user, inspectionId, {
      ...input,
      kind: input.kind ?? undefined,
      source: input.source ?? undefined,
      caseId: input.caseId ?? undefined,
    });
    refresh(inspectionId);
    return "Evidence recorded.";
  },
});

export const deleteEvidenceAction = formAction({
  fields: { inspectionId: field.text(), evidenceId: field.sent() },
  async call(user, { inspectionId, evidenceId }) {
    await deleteEvidence(user, inspectionId, { evidenceId });
    refresh(inspectionId);
    return "Evidence deleted.";
  },
});
