"use client";

import { useActionState } from "react";
import { changeUserAction, createUserAction, resetPasswordAction } from "@/app/admin/users/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf } from "@/lib/http/form-state";
import { GLOBAL_ROLES, GLOBAL_ROLE_LABELS, type GlobalRole } from "@/lib/permissions/table";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

const roleOptions = GLOBAL_ROLES.map((role) => ({ value: role, label: GLOBAL_ROLE_LABELS[role] }));

export function CreateUserForm() {
  // The name, email and role typed survive a refusal (e.g. an email already in use).
  const { state, pending, formRef, onSubmit } = useFormAction(createUserAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <TextField name="name" label="Full name" error={fieldError(state, "name")} autoComplete="off" />
      <TextField name="email" label="Email address" type="email" error={fieldError(state, "email")} autoComplete="off" />
      <SelectField name="role" label="Role" options={roleOptions} defaultValue="inspector" error={fieldError(state, "role")} />
      <TextField
        name="password"
        label="Initial password"
        type="password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the person securely; they can then choose their own under “Change password”.`}
        error={fieldError(state, "password")}
        autoComplete="new-password"
      />
      <Button disabled={pending}>Create user</Button>
    </form>
  );
}

export function ChangeUserForm({ user }: { user: { id: string; name: string; role: GlobalRole; active: boolean } }) {
  const [state, action, pending] = useActionState(changeUserAction, IDLE);
  const id = `user-${user.id}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={user.id} />
      <label className="flex flex-col text-sm">
        <span className="font-semibold">Role for {user.name}</span>
        <select name="role" defaultValue={user.role} className="border-2 border-ink bg-white px-2 py-1">
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm" htmlFor={`${id}-active`}>
        <input id={`${id}-active`} type="checkbox" name="active" defaultChecked={user.active} className="h-5 w-5" />
        Account active for {user.name}
      </label>
      <Button variant="secondary" disabled={pending} aria-label={`Save changes for ${user.name}`}>
        Save
      </Button>
      <span role="status" className={state.status === "error" ? "text-error font-semibold" : "text-success"}>
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}

export function ResetPasswordForm({ user }: { user: { id: string; name: string } }) {
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  const id = `password-${user.id}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={user.id} />
      <label className="flex flex-col text-sm" htmlFor={id}>
        <span className="font-semibold">New password for {user.name}</span>
        <input id={id} type="password" name="password" autoComplete="new-password" className="border-2 border-ink px-2 py-1" />
      </label>
      <Button variant="secondary" disabled={pending} aria-label={`Set password for ${user.name}`}>
        Set password
      </Button>
      <span role="status" className={state.status === "error" ? "text-error font-semibold" : "text-success"}>
        {state.status === "error" ? (fieldError(state, "password") ?? state.message) : state.status === "success" ? state.message : ""}
      </span>
    </form>
  );
}
