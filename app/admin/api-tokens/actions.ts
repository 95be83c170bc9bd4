"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { requireRole } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";

export async function createApiTokenAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const created = await createApiToken(actor, { name: form.get("name") });
    revalidatePath("/admin/api-tokens");
    // The token itself travels once, in this answer; components/admin/api-token-forms.tsx shows it.
    return created.token;
  });
}

export async function revokeApiTokenAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const { name } = await revokeApiToken(actor, { tokenId: form.get("tokenId") });
    revalidatePath("/admin/api-tokens");
    return `${name} is revoked: scripts using it are refused from now on.`;
  });
}
