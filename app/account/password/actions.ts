"use server";

import { redirect } from "next/navigation";
import { field, formAction } from "@/lib/http/form-action";
import { changeOwnPassword } from "@/lib/users/own-password";

export const changePasswordAction = formAction({
  returnTo: "/account/password",
  temporaryPasswordAllowed: true,
  fields: { currentPassword: field.sent(), newPassword: field.sent(), confirmPassword: field.sent() },
  async call(actor, input) {
    await changeOwnPassword(actor, input);
    // The change ended every session of theirs, this one included: sign in again with the new password.
    redirect("/sign-in?passwordChanged=1");
  },
});
