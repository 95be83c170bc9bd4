"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { InlineInput, InlineSelect, SelectField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";
import { GLOBAL_ROLES, GLOBAL_ROLE_LABELS, type GlobalRole } from "@/lib/permissions/table";
import { passwordRulesHint } from "@/lib/auth/password-policy";

const roleOptions = GLOBAL_ROLES.map((role) => ({ value: role, label: GLOBAL_ROLE_LABELS[role] }));

export function CreateUserForm({ createUserAction }: { createUserAction: ServerFormAction }) {
  // The name, email and role typed survive a refusal (e.g. an email already in use).
  const { state, pending, formRef, onSubmit } = useFormAction(createUserAction, { resetOnSuccess: true });
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormOutcome state={state} />
      <TextField name="name" label="Full name" error={fieldError(state, "name")} autoComplete="off" />
      <TextField name="email" label="Email address" type="email" error={fieldError(state, "email")} autoComplete="off" />
      <SelectField name="role" label="Role" options={roleOptions} defaultValue="inspector" error={fieldError(state, "role")} />
      <TextField
        name="password"
        label="Initial password"
        type="password"
        hint={`${passwordRulesHint("the person's")} Give it to the person securely: it works once, as they must choose their own password when they first sign in.`}
        error={fieldError(state, "password")}
        autoComplete="new-password"
      />
      <Button disabled={pending}>Create user</Button>
    </form>
  );
}

/** The account role; `effects` says what a change would do to their places on inspection teams. */
export function ChangeRoleForm({ user, effects, changeRoleAction }: { user: { id: string; name: string; role: GlobalRole }; effects: string | null; changeRoleAction: ServerFormAction }) {
  return (
    <InlineActionForm action={changeRoleAction} values={{ userId: user.id }} label="Change role" name={`Change role for ${user.name}`}>
      <InlineSelect id={`role-${user.id}`} name="role" label={`Role for ${user.name}`} hint={effects} options={roleOptions} defaultValue={user.role} />
    </InlineActionForm>
  );
}

/** Re-enabling needs no confirmation: it takes nothing away (disabling has its own page). */
export function EnableUserForm({ user, enableUserAction }: { user: { id: string; name: string }; enableUserAction: ServerFormAction }) {
  return <InlineActionForm action={enableUserAction} values={{ userId: user.id }} label="Re-enable" name={`Re-enable ${user.name}`} />;
}

/** The confirmation step of disabling an account (GOV.UK "check before a destructive action"). */
export function DisableUserForm({ user, disableUserAction }: { user: { id: string; name: string }; disableUserAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(disableUserAction, IDLE);
  return (
    <form action={action}>
      <ErrorSummary errors={summaryOf(state)} />
      <HiddenFields values={{ userId: user.id }} />
      <div className="flex flex-wrap items-center gap-4">
        <Button variant="warning" disabled={pending}>
          Disable account
        </Button>
        <Link href="/admin/users" className="text-link underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function ResetPasswordForm({ user, resetPasswordAction }: { user: { id: string; name: string }; resetPasswordAction: ServerFormAction }) {
  return (
    <InlineActionForm action={resetPasswordAction} values={{ userId: user.id }} label="Set password" name={`Set password for ${user.name}`}>
      <InlineInput id={`password-${user.id}`} type="password" name="password" label={`New password for ${user.name}`} autoComplete="new-password" />
    </InlineActionForm>
  );
}
