"use server";

import { revalidatePath } from "next/cache";
import { approveCases } from "@/lib/cases/workflow";
import { field, formAction } from "@/lib/http/form-action";

/**
 * Bulk approve from the grid: the ticked cases, or (the second button) every approvable case the
 * filtered grid showed. Works without JavaScript: the checkboxes belong to the form by its id.
 */
export const approveCasesAction = formAction({
  fields: { inspectionId: field.sent(), which: field.text(), caseId: field.texts(), shownId: field.texts() },
  async call(user, { inspectionId, which, caseId, shownId }) {
    const { approved } = await approveCases(user, { inspectionId, caseIds: which === "shown" ? shownId : caseId });
    revalidatePath(`/inspections/${String(inspectionId)}/grid`);
    revalidatePath(`/inspections/${String(inspectionId)}/cases`);
    return `${approved.length} ${approved.length === 1 ? "case is" : "cases are"} approved and locked: ${approved.join(", ")}.`;
  },
});
