"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { changeOwnPassword } from "@/lib/users/own-password";

export async function changePasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/account/password", { temporaryPasswordAllowed: true });
  if (!isForm(form)) return NOT_A_FORM;
  const state = await runFormAction(async () => {
    await changeOwnPassword(actor, {
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
      confirmPassword: form.get("confirmPassword"),
    });
    return "Password changed.";
  });
  // The change ended every session of theirs, this one included: sign in again with the new password.
  if (state.status === "success") redirect("/sign-in?passwordChanged=1");
  return state;
}
