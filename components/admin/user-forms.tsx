"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
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
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
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
  const [state, action, pending] = useActionState(changeRoleAction, IDLE);
  const id = `role-${user.id}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex flex-col text-sm">
        <label htmlFor={id} className="font-semibold">
          Role for {user.name}
        </label>
        {effects ? (
          <p id={`${id}-hint`} className="text-muted max-w-sm">
            {effects}
          </p>
        ) : null}
        <select id={id} name="role" defaultValue={user.role} aria-describedby={effects ? `${id}-hint` : undefined} className="border-2 border-ink bg-white px-2 py-1">
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" disabled={pending} aria-label={`Change role for ${user.name}`}>
        Change role
      </Button>
      <span role="status" className={state.status === "error" ? "text-error font-semibold" : "text-success"}>
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}

/** Re-enabling needs no confirmation: it takes nothing away (disabling has its own page). */
export function EnableUserForm({ user, enableUserAction }: { user: { id: string; name: string }; enableUserAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(enableUserAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={user.id} />
      <Button variant="secondary" disabled={pending} aria-label={`Re-enable ${user.name}`}>
        Re-enable
      </Button>
      <span role="status" className={state.status === "error" ? "text-error font-semibold" : "text-success"}>
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}

/** The confirmation step of disabling an account (GOV.UK "check before a destructive action"). */
export function DisableUserForm({ user, disableUserAction }: { user: { id: string; name: string }; disableUserAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(disableUserAction, IDLE);
  return (
    <form action={action}>
      <ErrorSummary errors={summaryOf(state)} />
      <input type="hidden" name="userId" value={user.id} />
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
