"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { field, formAction } from "@/lib/http/form-action";
import { changeRole, createUser, resetPassword, setActive } from "@/lib/users";

export const createUserAction = formAction({
  roles: ["admin"],
  fields: { name: field.sent(), email: field.sent(), role: field.sent(), password: field.sent() },
  async call(actor, input) {
    const user = await createUser(actor, input);
    revalidatePath("/admin/users");
    return `${user.name} can now sign in as ${user.email}. They will be asked to choose their own password.`;
  },
});

export const changeRoleAction = formAction({
  roles: ["admin"],
  fields: { userId: field.sent(), role: field.sent() },
  async call(actor, input) {
    const done = await changeRole(actor, input);
    revalidatePath("/admin/users");
    return done;
  },
});

/** Posted from the confirmation page (/admin/users/[userId]/disable); back to the list when done. */
export const disableUserAction = formAction({
  roles: ["admin"],
  fields: { userId: field.sent() },
  async call(actor, { userId }) {
    await setActive(actor, { userId, active: false });
    revalidatePath("/admin/users");
    redirect(`/admin/users?disabled=${encodeURIComponent(String(userId))}`);
  },
});

export const enableUserAction = formAction({
  roles: ["admin"],
  fields: { userId: field.sent() },
  async call(actor, { userId }) {
    const done = await setActive(actor, { userId, active: true });
    revalidatePath("/admin/users");
    return done;
  },
});

export const resetPasswordAction = formAction({
  roles: ["admin"],
  fields: { userId: field.sent(), password: field.sent() },
  async call(actor, input) {
    await resetPassword(actor, input);
    return "Password set. Their open sessions have ended, and they will be asked to choose their own password when they sign in.";
  },
});
