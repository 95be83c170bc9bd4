"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, SelectField, TextField, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { RATINGS } from "@/lib/framework";
import { fieldError, IDLE, summaryOf, type FormState, type ServerFormAction } from "@/lib/http/form-state";

// The lead inspector's forms on the panel page. Several forms share the page, so each prefixes its
// field ids and maps the use case's field errors (rating, note, password, reason) onto them.

function prefixed(state: FormState, prefix: string) {
  return summaryOf(state).map((e) => ({ field: e.field === "main-content" ? `${prefix}-form` : `${prefix}-${e.field}`, message: e.message }));
}

function Outcome({ state, prefix }: { state: FormState; prefix: string }) {
  return (
    <>
      <ErrorSummary errors={prefixed(state, prefix)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
    </>
  );
}

function NoteField({ id, name, label, hint, error, defaultValue }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        maxLength={4000}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}

const ratingOptions = [{ value: "", label: "Choose a rating" }, ...RATINGS.map((r) => ({ value: r, label: r }))];

interface DecisionFormProps {
  inspectionId: string;
  standardId: string;
  standardTitle: string;
  current: { rating: string; note: string } | null;
}

/**
 * Discretion offers only the ratings the 5-point rule allows (the engine still checks on the server);
 * the page shows no form where the rule allows none.
 */
export function DiscretionForm({ inspectionId, standardId, standardTitle, current, hint, allowed, recordDiscretionAction }: DecisionFormProps & { hint: string; allowed: readonly string[]; recordDiscretionAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(recordDiscretionAction);
  const prefix = `discretion-${standardId.replace(".", "-")}`;
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="mt-3 max-w-xl">
      <fieldset>
        <legend className="mb-2 font-semibold">
          Discretion on {standardId} {standardTitle}
        </legend>
        <Outcome state={state} prefix={prefix} />
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <input type="hidden" name="standardId" value={standardId} />
        <SelectField
          id={`${prefix}-rating`}
          name="rating"
          label="Rating"
          hint={hint}
          options={[{ value: "", label: "Choose a rating" }, ...allowed.map((r) => ({ value: r, label: r }))]}
          defaultValue={current && allowed.includes(current.rating) ? current.rating : ""}
          error={fieldError(state, "rating")}
        />
        <NoteField id={`${prefix}-note`} name="note" label="Note" hint="Why the panel moved the rating, as it would be explained in the report." defaultValue={current?.note} error={fieldError(state, "note")} />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Recording…" : "Record discretion"}
        </Button>
      </fieldset>
    </form>
  );
}

export function JudgementForm({ inspectionId, standardId, standardTitle, current, capNote, recordJudgementAction }: DecisionFormProps & { capNote: string | null; recordJudgementAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(recordJudgementAction);
  const prefix = `judgement-${standardId.replace(".", "-")}`;
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="mt-3 max-w-xl">
      <fieldset>
        <legend className="mb-2 font-semibold">
          Judgement of {standardId} {standardTitle}
        </legend>
        <Outcome state={state} prefix={prefix} />
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <input type="hidden" name="standardId" value={standardId} />
        <SelectField id={`${prefix}-rating`} name="rating" label="Rating" hint={capNote ?? undefined} options={ratingOptions} defaultValue={current?.rating ?? ""} error={fieldError(state, "rating")} />
        <NoteField id={`${prefix}-note`} name="note" label="Rationale" hint="What the evidence shows against the standard." defaultValue={current?.note} error={fieldError(state, "note")} />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Recording…" : "Record judgement"}
        </Button>
      </fieldset>
    </form>
  );
}

export function ClearDecisionForm({ inspectionId, standardId, kind, clearDecisionAction }: { inspectionId: string; standardId: string; kind: "judgement" | "discretion"; clearDecisionAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(clearDecisionAction, IDLE);
  const prefix = `clear-${kind}-${standardId.replace(".", "-")}`;
  return (
    <form action={action} id={`${prefix}-form`} tabIndex={-1} className="mt-2">
      <Outcome state={state} prefix={prefix} />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="standardId" value={standardId} />
      <input type="hidden" name="kind" value={kind} />
      <Button variant="secondary" disabled={pending}>
        Clear the {kind} on {standardId}
      </Button>
    </form>
  );
}

/**
 * Sign-off. With cases completed but not approved, the lead ticks a confirmation naming how many
 * (GOV.UK checkbox); the number travels with the form so the server refuses if it has changed.
 */
export function SignOffForm({ inspectionId, completedNotApproved, signOffAction }: { inspectionId: string; completedNotApproved: number; signOffAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(signOffAction, IDLE);
  const confirmError = fieldError(state, "confirmUnapproved");
  return (
    <form action={action} noValidate id="sign-off-form" tabIndex={-1} className="max-w-xl">
      <Outcome state={state} prefix="sign-off" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      {completedNotApproved > 0 ? (
        <div className={`mb-5 ${confirmError ? "border-l-4 border-error pl-3" : ""}`}>
          {confirmError ? (
            <p id="sign-off-confirmUnapproved-error" className="font-semibold text-error">
              <span className="sr-only">Error:</span> {confirmError}
            </p>
          ) : null}
          <div className="flex items-start gap-3">
            <input
              id="sign-off-confirmUnapproved"
              type="checkbox"
              name="confirmUnapproved"
              value={completedNotApproved}
              className="mt-0.5 h-6 w-6 shrink-0"
              aria-describedby={["sign-off-confirmUnapproved-hint", confirmError ? "sign-off-confirmUnapproved-error" : null].filter(Boolean).join(" ")}
              aria-invalid={confirmError ? true : undefined}
            />
            <label htmlFor="sign-off-confirmUnapproved" className="font-semibold">
              I am signing off with {completedNotApproved} {completedNotApproved === 1 ? "case" : "cases"} completed but not approved
            </label>
          </div>
          <p id="sign-off-confirmUnapproved-hint" className="text-muted ml-9 text-sm">
            Their answers count in the final figures. Your confirmation is recorded in the audit trail with the cases&apos; references.
          </p>
        </div>
      ) : null}
      <TextField
        id="sign-off-password"
        name="password"
        type="password"
        label="Your password"
        hint="Re-enter your password to sign off. Signed-off ratings are frozen until reopened with a reason."
        autoComplete="current-password"
        error={fieldError(state, "password")}
      />
      <Button disabled={pending}>{pending ? "Signing off…" : "Sign off the ratings"}</Button>
    </form>
  );
}

export function ReopenForm({ inspectionId, reopenAction }: { inspectionId: string; reopenAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(reopenAction);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate id="reopen-form" tabIndex={-1} className="max-w-xl">
      <Outcome state={state} prefix="reopen" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <NoteField id="reopen-reason" name="reason" label="Reason for reopening" hint="This voids the sign-off; it is kept in the audit trail." error={fieldError(state, "reason")} />
      <Button variant="warning" disabled={pending}>
        {pending ? "Reopening…" : "Reopen the ratings"}
      </Button>
    </form>
  );
}
