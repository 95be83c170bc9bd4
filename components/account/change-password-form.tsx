"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { passwordRulesHint } from "@/lib/auth/password-policy";
import { fieldError, IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

export function ChangePasswordForm({ changePasswordAction }: { changePasswordAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl">
      <ErrorSummary errors={summaryOf(state)} />
      <TextField name="currentPassword" label="Current password" type="password" error={fieldError(state, "currentPassword")} autoComplete="current-password" />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        hint={passwordRulesHint("your")}
        error={fieldError(state, "newPassword")}
        autoComplete="new-password"
      />
      <TextField name="confirmPassword" label="Confirm new password" type="password" error={fieldError(state, "confirmPassword")} autoComplete="new-password" />
      <Button disabled={pending}>Change password</Button>
    </form>
  );
}
