"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { createInspection } from "@/lib/inspections/setup";

export async function createInspectionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/inspections/new");
  if (!isForm(form)) return NOT_A_FORM;
  let createdId: string | null = null;
  const state = await runFormAction(async () => {
    const created = await createInspection(actor, {
      yjsName: form.get("yjsName"),
      frameworkVersion: form.get("frameworkVersion"),
      fieldworkStart: form.get("fieldworkStart"),
      windowStart: form.get("windowStart") ?? "",
      windowEnd: form.get("windowEnd") ?? "",
      oocWindowStart: form.get("oocWindowStart") ?? "",
      oocWindowEnd: form.get("oocWindowEnd") ?? "",
    });
    createdId = created.id;
    return `${created.yjsName} created.`;
  });
  if (createdId) redirect(`/inspections/${createdId}/setup?created=1`);
  return state;
}
