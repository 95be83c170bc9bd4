"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmCheckbox } from "@/components/ui/confirm-checkbox";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { RATINGS } from "@/lib/framework";
import { fieldError, IDLE, type ServerFormAction } from "@/lib/http/form-state";

// The lead inspector's forms on the panel page. Several forms share the page, so each prefixes its
// field ids and maps the use case's field errors (rating, note, password, reason) onto them; a
// problem with the whole form links to the form itself.

interface DecisionFormProps {
  inspectionId: string;
  standardId: string;
  standardTitle: string;
  current: { rating: string; note: string } | null;
}

/** What tells a discretion form from a judgement form, besides the ratings offered. */
const DECISION_KINDS = {
  discretion: { legend: "Discretion on", noteLabel: "Note", noteHint: "Why the panel moved the rating, as it would be explained in the report." },
  judgement: { legend: "Judgement of", noteLabel: "Rationale", noteHint: "What the evidence shows against the standard." },
} as const;

/** A rating and its note on one standard, recorded as the panel's discretion or judgement. */
function RatingDecisionForm({
  kind,
  inspectionId,
  standardId,
  standardTitle,
  current,
  ratings,
  ratingHint,
  action,
}: DecisionFormProps & { kind: keyof typeof DECISION_KINDS; ratings: readonly string[]; ratingHint?: string; action: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(action);
  const prefix = `${kind}-${standardId.replace(".", "-")}`;
  const text = DECISION_KINDS[kind];
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="mt-3 max-w-xl">
      <fieldset>
        <legend className="mb-2 font-semibold">
          {text.legend} {standardId} {standardTitle}
        </legend>
        <FormOutcome state={state} prefix={prefix} formId={`${prefix}-form`} />
        <HiddenFields values={{ inspectionId, standardId }} />
        <SelectField
          id={`${prefix}-rating`}
          name="rating"
          label="Rating"
          hint={ratingHint}
          options={[{ value: "", label: "Choose a rating" }, ...ratings.map((r) => ({ value: r, label: r }))]}
          defaultValue={current && ratings.includes(current.rating) ? current.rating : ""}
          error={fieldError(state, "rating")}
        />
        <TextAreaField id={`${prefix}-note`} name="note" label={text.noteLabel} hint={text.noteHint} defaultValue={current?.note} maxLength={4000} error={fieldError(state, "note")} />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Recording…" : `Record ${kind}`}
        </Button>
      </fieldset>
    </form>
  );
}

/**
 * Discretion offers only the ratings the 5-point rule allows (the engine still checks on the server);
 * the page shows no form where the rule allows none.
 */
export function DiscretionForm({ hint, allowed, recordDiscretionAction, ...decision }: DecisionFormProps & { hint: string; allowed: readonly string[]; recordDiscretionAction: ServerFormAction }) {
  return <RatingDecisionForm {...decision} kind="discretion" ratings={allowed} ratingHint={hint} action={recordDiscretionAction} />;
}

export function JudgementForm({ capNote, recordJudgementAction, ...decision }: DecisionFormProps & { capNote: string | null; recordJudgementAction: ServerFormAction }) {
  return <RatingDecisionForm {...decision} kind="judgement" ratings={RATINGS} ratingHint={capNote ?? undefined} action={recordJudgementAction} />;
}

export function ClearDecisionForm({ inspectionId, standardId, kind, clearDecisionAction }: { inspectionId: string; standardId: string; kind: "judgement" | "discretion"; clearDecisionAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(clearDecisionAction, IDLE);
  const prefix = `clear-${kind}-${standardId.replace(".", "-")}`;
  return (
    <form action={action} id={`${prefix}-form`} tabIndex={-1} className="mt-2">
      <FormOutcome state={state} prefix={prefix} formId={`${prefix}-form`} />
      <HiddenFields values={{ inspectionId, standardId, kind }} />
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
  return (
    <form action={action} noValidate id="sign-off-form" tabIndex={-1} className="max-w-xl">
      <FormOutcome state={state} prefix="sign-off" formId="sign-off-form" />
      <HiddenFields values={{ inspectionId }} />
      {completedNotApproved > 0 ? (
        <ConfirmCheckbox
          id="sign-off-confirmUnapproved"
          name="confirmUnapproved"
          value={completedNotApproved}
          label={`I am signing off with ${completedNotApproved} ${completedNotApproved === 1 ? "case" : "cases"} completed but not approved`}
          hint="Their answers count in the final figures. Your confirmation is recorded in the audit trail with the cases' references."
          error={fieldError(state, "confirmUnapproved")}
        />
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
      <FormOutcome state={state} prefix="reopen" formId="reopen-form" />
      <HiddenFields values={{ inspectionId }} />
      <TextAreaField id="reopen-reason" name="reason" label="Reason for reopening" hint="This voids the sign-off; it is kept in the audit trail." maxLength={4000} error={fieldError(state, "reason")} />
      <Button variant="warning" disabled={pending}>
        {pending ? "Reopening…" : "Reopen the ratings"}
      </Button>
    </form>
  );
}
