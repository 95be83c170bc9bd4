"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { changeUser, createUser, resetPassword } from "@/lib/users";

export async function createUserAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const user = await createUser(actor, {
      name: form.get("name"),
      email: form.get("email"),
      role: form.get("role"),
      password: form.get("password"),
    });
    revalidatePath("/admin/users");
    return `${user.name} can now sign in as ${user.email}.`;
  });
}

export async function changeUserAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await changeUser(actor, { userId: form.get("userId"), role: form.get("role"), active: form.get("active") === "on" });
    revalidatePath("/admin/users");
    return "Saved. Their open sessions have ended.";
  });
}

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await resetPassword(actor, { userId: form.get("userId"), password: form.get("password") });
    return "Password changed. Their open sessions have ended.";
  });
}
