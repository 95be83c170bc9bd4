"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { approveCases } from "@/lib/cases/workflow";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";

/**
 * Bulk approve from the grid: the ticked cases, or (the second button) every approvable case the
 * filtered grid showed. Works without JavaScript: the checkboxes belong to the form by its id.
 */
export async function approveCasesAction(_: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isForm(form)) return NOT_A_FORM;
  const inspectionId = form.get("inspectionId");
  const ids = form.getAll(form.get("which") === "shown" ? "shownId" : "caseId").filter((v) => typeof v === "string");
  return runFormAction(async () => {
    const { approved } = await approveCases(user, { inspectionId, caseIds: ids });
    revalidatePath(`/inspections/${String(inspectionId)}/grid`);
    revalidatePath(`/inspections/${String(inspectionId)}/cases`);
    return `${approved.length} ${approved.length === 1 ? "case is" : "cases are"} approved and locked: ${approved.join(", ")}.`;
  });
}
