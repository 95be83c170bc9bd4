"use client";

import { useActionState, type ReactNode } from "react";
import {
  addDipCaseAction,
  addModeratorAction,
  completeSecondAssessmentAction,
  drawDipSampleAction,
  recordOutcomeAction,
  removeDipCaseAction,
  removeModeratorAction,
  respondToOutcomeAction,
  saveSecondAnswerAction,
} from "@/app/inspections/[inspectionId]/moderation/actions";
import { InlineOutcome } from "@/components/setup/inline-outcome";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SelectField, TextField } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf, type FormState } from "@/lib/http/form-state";

// The moderation forms. Several stand on one page (one per key question), so each form's field ids
// carry a prefix and its error summary links to those ids.

const textareaClass = "mt-1 block w-full max-w-3xl border-2 border-ink px-2 py-1.5 aria-[invalid=true]:border-error";

function summary(state: FormState, prefix: string) {
  return summaryOf(state).map((e) => ({ field: e.field === "main-content" ? "main-content" : `${prefix}-${e.field}`, message: e.message }));
}

function Outcome({ state, prefix }: { state: FormState; prefix: string }) {
  return (
    <>
      <ErrorSummary errors={summary(state, prefix)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
    </>
  );
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="font-semibold text-error">
      <span className="sr-only">Error:</span> {error}
    </p>
  ) : null;
}

function TextArea({ id, name, label, hint, error, defaultValue, maxLength }: { id: string; name: string; label: ReactNode; hint?: string; error?: string; defaultValue?: string; maxLength: number }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-4 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      <textarea id={id} name={name} rows={3} defaultValue={defaultValue} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={described} className={textareaClass} />
    </div>
  );
}

function Radios({ id, name, legend, options, error, defaultValue }: { id: string; name: string; legend: ReactNode; options: readonly { value: string; label: string }[]; error?: string; defaultValue?: string | null }) {
  return (
    <fieldset id={id} className={`mb-4 ${error ? "border-l-4 border-error pl-3" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-semibold">{legend}</legend>
      <ErrorText id={id} error={error} />
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="h-6 w-6" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AddModeratorForm({ inspectionId, candidates }: { inspectionId: string; candidates: { id: string; name: string; email: string }[] }) {
  const [state, action, pending] = useActionState(addModeratorAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl">
      <Outcome state={state} prefix="moderator" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <SelectField
        id="moderator-userId"
        name="userId"
        label="Quality assurer"
        hint="Active users whose account role is quality assurer."
        error={fieldError(state, "userId")}
        options={[{ value: "", label: "Choose a quality assurer" }, ...candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))]}
      />
      <Button disabled={pending}>Add as moderator</Button>
    </form>
  );
}

export function RemoveModeratorForm({ inspectionId, userId, name }: { inspectionId: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(removeModeratorAction, IDLE);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="userId" value={userId} />
      <Button variant="secondary" disabled={pending} aria-label={`Remove ${name} as moderator`}>
        Remove
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}

export function DrawDipSampleForm({ inspectionId }: { inspectionId: string }) {
  const { state, pending, formRef, onSubmit } = useFormAction(drawDipSampleAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <Outcome state={state} prefix="draw" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <Radios
        id="draw-kind"
        name="kind"
        legend="Draw"
        defaultValue="percent"
        error={fieldError(state, "kind")}
        options={[
          { value: "percent", label: "A percentage of the cases" },
          { value: "count", label: "A number of cases" },
        ]}
      />
      <TextField id="draw-amount" name="amount" label="How many (a percentage or a number)" hint="A percentage is of all the inspection's cases with key questions, rounded up." error={fieldError(state, "amount")} className="max-w-[8rem]" />
      <TextField id="draw-seed" name="seed" label="Seed (optional)" hint="Leave blank for a random seed. The seed is recorded, so the draw can be repeated." error={fieldError(state, "seed")} className="max-w-xs" maxLength={64} />
      <Button disabled={pending}>Draw the dip sample</Button>
    </form>
  );
}

export function AddDipCaseForm({ inspectionId }: { inspectionId: string }) {
  const { state, pending, formRef, onSubmit } = useFormAction(addDipCaseAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <Outcome state={state} prefix="add" />
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <TextField id="add-reference" name="reference" label="Case reference" error={fieldError(state, "reference")} className="max-w-xs" maxLength={40} />
      <TextArea id="add-reason" name="reason" label="Why this case is added" hint="Up to 500 characters." error={fieldError(state, "reason")} maxLength={500} />
      <Button variant="secondary" disabled={pending}>
        Add to the dip sample
      </Button>
    </form>
  );
}

export function RemoveDipCaseForm({ inspectionId, caseId, reference }: { inspectionId: string; caseId: string; reference: string }) {
  const [state, action, pending] = useActionState(removeDipCaseAction, IDLE);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <HiddenFields values={{ inspectionId, caseId }} />
      <Button variant="secondary" disabled={pending} aria-label={`Remove case ${reference} from the dip sample`}>
        Remove
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}

const VALUE_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "na", label: "Not applicable" },
] as const;

export function SecondAnswerForm({
  inspectionId,
  caseId,
  question,
}: {
  inspectionId: string;
  caseId: string;
  question: { id: string; text: string; prompts: readonly string[]; notApplicableAllowed: boolean; value: string | null; rationale: string };
}) {
  const { state, pending, formRef, onSubmit } = useFormAction(saveSecondAnswerAction);
  const prefix = `q-${question.id.replaceAll(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-heading`} className="mb-6 border-l-4 border-line pl-4">
      <h3 id={`${prefix}-heading`} className="text-lg font-bold">
        {question.id} {question.text}
      </h3>
      {question.prompts.length > 0 ? (
        <details className="mb-2 text-sm">
          <summary className="cursor-pointer text-link">Prompts</summary>
          <ul className="list-disc pl-6">
            {question.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <Outcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId: question.id }} />
      <Radios
        id={`${prefix}-value`}
        name="value"
        legend={`Your answer to ${question.id}`}
        defaultValue={question.value}
        error={fieldError(state, "value") ?? fieldError(state, "questionId")}
        options={question.notApplicableAllowed ? VALUE_OPTIONS : VALUE_OPTIONS.filter((o) => o.value !== "na")}
      />
      <TextArea id={`${prefix}-rationale`} name="rationale" label={`Your rationale for ${question.id}`} error={fieldError(state, "rationale")} defaultValue={question.rationale} maxLength={20_000} />
      <Button variant="secondary" disabled={pending}>
        Save answer to {question.id}
      </Button>
    </form>
  );
}

export function CompleteSecondAssessmentForm({ inspectionId, caseId, missing }: { inspectionId: string; caseId: string; missing: number }) {
  const [state, action, pending] = useActionState(completeSecondAssessmentAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl">
      <Outcome state={state} prefix="complete" />
      <HiddenFields values={{ inspectionId, caseId }} />
      <p className="mb-2">
        {missing === 0 ? "Every key question has your answer." : `${missing} key question${missing === 1 ? " has" : "s have"} no answer from you yet.`} Once complete, your
        answers are locked and the inspector&rsquo;s answers are shown beside them.
      </p>
      <Button disabled={pending}>Complete the second assessment</Button>
    </form>
  );
}

export function OutcomeForm({ inspectionId, caseId, questionId, current }: { inspectionId: string; caseId: string; questionId: string; current: { outcome: string; note: string } | null }) {
  const { state, pending, formRef, onSubmit } = useFormAction(recordOutcomeAction);
  const prefix = `outcome-${questionId.replaceAll(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 max-w-xl">
      <Outcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId }} />
      <Radios
        id={`${prefix}-outcome`}
        name="outcome"
        legend={`Outcome on ${questionId}`}
        defaultValue={current?.outcome ?? null}
        error={fieldError(state, "outcome") ?? fieldError(state, "questionId")}
        options={[
          { value: "answer_stands", label: "Inspector's answer stands" },
          { value: "inspector_to_review", label: "Inspector to review" },
        ]}
      />
      <TextArea id={`${prefix}-note`} name="note" label={`Note to the inspector on ${questionId}`} hint="Up to 2,000 characters." error={fieldError(state, "note")} defaultValue={current?.note} maxLength={2000} />
      <Button disabled={pending}>Record the outcome on {questionId}</Button>
    </form>
  );
}

export function RespondForm({ inspectionId, caseId, questionId }: { inspectionId: string; caseId: string; questionId: string }) {
  const { state, pending, formRef, onSubmit } = useFormAction(respondToOutcomeAction);
  const prefix = `respond-${questionId.replaceAll(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 max-w-xl">
      <Outcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId }} />
      <Radios
        id={`${prefix}-response`}
        name="response"
        legend={`Your response on ${questionId}`}
        error={fieldError(state, "response")}
        options={[
          { value: "changed", label: "Change my answer" },
          { value: "kept", label: "Keep my answer" },
        ]}
      />
      <Radios id={`${prefix}-value`} name="value" legend={`New answer to ${questionId} (if you change it)`} error={fieldError(state, "value")} options={VALUE_OPTIONS} />
      <TextArea id={`${prefix}-rationale`} name="rationale" label={`New rationale for ${questionId} (if you change it)`} error={fieldError(state, "rationale")} maxLength={20_000} />
      <TextArea id={`${prefix}-reply`} name="reply" label={`Reply to the moderator on ${questionId}`} hint="Needed when you keep your answer." error={fieldError(state, "reply")} maxLength={2000} />
      <Button disabled={pending}>Send the response on {questionId}</Button>
    </form>
  );
}

