"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { isForm, NOT_A_FORM, runFormAction, type FormState } from "@/lib/http/form-state";
import { changeRole, createUser, resetPassword, setActive } from "@/lib/users";

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
    return `${user.name} can now sign in as ${user.email}. They will be asked to choose their own password.`;
  });
}

export async function changeRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const done = await changeRole(actor, { userId: form.get("userId"), role: form.get("role") });
    revalidatePath("/admin/users");
    return done;
  });
}

/** Posted from the confirmation page (/admin/users/[userId]/disable); back to the list when done. */
export async function disableUserAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  const userId = form.get("userId");
  const state = await runFormAction(() => setActive(actor, { userId, active: false }));
  if (state.status !== "success") return state;
  revalidatePath("/admin/users");
  redirect(`/admin/users?disabled=${encodeURIComponent(String(userId))}`);
}

export async function enableUserAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    const done = await setActive(actor, { userId: form.get("userId"), active: true });
    revalidatePath("/admin/users");
    return done;
  });
}

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireRole(["admin"]);
  if (!isForm(form)) return NOT_A_FORM;
  return runFormAction(async () => {
    await resetPassword(actor, { userId: form.get("userId"), password: form.get("password") });
    return "Password set. Their open sessions have ended, and they will be asked to choose their own password when they sign in.";
  });
}
