"use client";

import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

export function CreateApiTokenForm({ createApiTokenAction }: { createApiTokenAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(createApiTokenAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? (
        <StatusNotice>
          <p className="mb-2 font-bold">Copy the token now: it is not shown again.</p>
          <label htmlFor="new-api-token" className="block font-semibold">
            New token
          </label>
          <input id="new-api-token" readOnly value={state.message} className="mb-2 w-full border-2 border-ink bg-white px-2 py-1 font-mono text-sm" />
          <p className="text-sm">
            Send it as <code>Authorization: Bearer …</code> with <code>POST /api/rate</code>.
          </p>
        </StatusNotice>
      ) : null}
      <TextField name="name" label="Name of the token" hint="Say what will use it, such as “Panel figures spreadsheet”." error={fieldError(state, "name")} autoComplete="off" maxLength={100} />
      <Button disabled={pending}>Create token</Button>
    </form>
  );
}

export function RevokeApiTokenForm({ token, revokeApiTokenAction }: { token: { id: string; name: string }; revokeApiTokenAction: ServerFormAction }) {
  return <InlineActionForm action={revokeApiTokenAction} values={{ tokenId: token.id }} label="Revoke" name={`Revoke ${token.name}`} className="flex flex-wrap items-center gap-3" />;
}
