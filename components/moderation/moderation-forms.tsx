"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { RadiosField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, type ServerFormAction } from "@/lib/http/form-state";

// The moderation forms. Several stand on one page (one per key question), so each form's field ids
// carry a prefix and its error summary links to those ids. The pages hand each its server action.

const DRAW_KIND_OPTIONS = [
  { value: "percent", label: "A percentage of the cases" },
  { value: "count", label: "A number of cases" },
];
const OUTCOME_OPTIONS = [
  { value: "answer_stands", label: "Inspector's answer stands" },
  { value: "inspector_to_review", label: "Inspector to review" },
];
const RESPONSE_OPTIONS = [
  { value: "changed", label: "Change my answer" },
  { value: "kept", label: "Keep my answer" },
];
const VALUE_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "na", label: "Not applicable" },
] as const;

export function AddModeratorForm({ inspectionId, candidates, addModeratorAction }: { inspectionId: string; candidates: { id: string; name: string; email: string }[]; addModeratorAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(addModeratorAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormOutcome state={state} prefix="moderator" />
      <HiddenFields values={{ inspectionId }} />
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

export function RemoveModeratorForm({ inspectionId, userId, name, removeModeratorAction }: { inspectionId: string; userId: string; name: string; removeModeratorAction: ServerFormAction }) {
  return <InlineActionForm action={removeModeratorAction} values={{ inspectionId, userId }} label="Remove" name={`Remove ${name} as moderator`} className="inline-flex flex-wrap items-center gap-2" />;
}

export function DrawDipSampleForm({ inspectionId, drawDipSampleAction }: { inspectionId: string; drawDipSampleAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(drawDipSampleAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormOutcome state={state} prefix="draw" />
      <HiddenFields values={{ inspectionId }} />
      <RadiosField
        id="draw-kind"
        name="kind"
        legend="Draw"
        defaultValue="percent"
        error={fieldError(state, "kind")}
        options={DRAW_KIND_OPTIONS}
      />
      <TextField id="draw-amount" name="amount" label="How many (a percentage or a number)" hint="A percentage is of all the inspection's cases with key questions, rounded up." error={fieldError(state, "amount")} className="max-w-[8rem]" />
      <TextField id="draw-seed" name="seed" label="Seed (optional)" hint="Leave blank for a random seed. The seed is recorded, so the draw can be repeated." error={fieldError(state, "seed")} className="max-w-xs" maxLength={64} />
      <Button disabled={pending}>Draw the dip sample</Button>
    </form>
  );
}

export function AddDipCaseForm({ inspectionId, addDipCaseAction }: { inspectionId: string; addDipCaseAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(addDipCaseAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormOutcome state={state} prefix="add" />
      <HiddenFields values={{ inspectionId }} />
      <TextField id="add-reference" name="reference" label="Case reference" error={fieldError(state, "reference")} className="max-w-xs" maxLength={40} />
      <TextAreaField id="add-reason" name="reason" label="Why this case is added" hint="Up to 500 characters." error={fieldError(state, "reason")} maxLength={500} wide />
      <Button variant="secondary" disabled={pending}>
        Add to the dip sample
      </Button>
    </form>
  );
}

export function RemoveDipCaseForm({ inspectionId, caseId, reference, removeDipCaseAction }: { inspectionId: string; caseId: string; reference: string; removeDipCaseAction: ServerFormAction }) {
  return <InlineActionForm action={removeDipCaseAction} values={{ inspectionId, caseId }} label="Remove" name={`Remove case ${reference} from the dip sample`} className="inline-flex flex-wrap items-center gap-2" />;
}

export function SecondAnswerForm({
  inspectionId,
  caseId,
  question,
  saveSecondAnswerAction,
}: {
  inspectionId: string;
  caseId: string;
  question: { id: string; text: string; prompts: readonly string[]; notApplicableAllowed: boolean; value: string | null; rationale: string };
  saveSecondAnswerAction: ServerFormAction;
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
      <FormOutcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId: question.id }} />
      <RadiosField
        id={`${prefix}-value`}
        name="value"
        legend={`Your answer to ${question.id}`}
        defaultValue={question.value}
        error={fieldError(state, "value") ?? fieldError(state, "questionId")}
        options={question.notApplicableAllowed ? VALUE_OPTIONS : VALUE_OPTIONS.filter((o) => o.value !== "na")}
      />
      <TextAreaField id={`${prefix}-rationale`} name="rationale" label={`Your rationale for ${question.id}`} error={fieldError(state, "rationale")} defaultValue={question.rationale} maxLength={20_000} wide />
      <Button variant="secondary" disabled={pending}>
        Save answer to {question.id}
      </Button>
    </form>
  );
}

export function CompleteSecondAssessmentForm({ inspectionId, caseId, missing, completeSecondAssessmentAction }: { inspectionId: string; caseId: string; missing: number; completeSecondAssessmentAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(completeSecondAssessmentAction, IDLE);
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormOutcome state={state} prefix="complete" />
      <HiddenFields values={{ inspectionId, caseId }} />
      <p className="mb-2">
        {missing === 0 ? "Every key question has your answer." : `${missing} key question${missing === 1 ? " has" : "s have"} no answer from you yet.`} Once complete, your
        answers are locked and the inspector&rsquo;s answers are shown beside them.
      </p>
      <Button disabled={pending}>Complete the second assessment</Button>
    </form>
  );
}

export function OutcomeForm({ inspectionId, caseId, questionId, current, recordOutcomeAction }: { inspectionId: string; caseId: string; questionId: string; current: { outcome: string; note: string } | null; recordOutcomeAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(recordOutcomeAction);
  const prefix = `outcome-${questionId.replaceAll(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 max-w-xl">
      <FormOutcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId }} />
      <RadiosField
        id={`${prefix}-outcome`}
        name="outcome"
        legend={`Outcome on ${questionId}`}
        defaultValue={current?.outcome ?? null}
        error={fieldError(state, "outcome") ?? fieldError(state, "questionId")}
        options={OUTCOME_OPTIONS}
      />
      <TextAreaField id={`${prefix}-note`} name="note" label={`Note to the inspector on ${questionId}`} hint="Up to 2,000 characters." error={fieldError(state, "note")} defaultValue={current?.note} maxLength={2000} wide />
      <Button disabled={pending}>Record the outcome on {questionId}</Button>
    </form>
  );
}

export function RespondForm({ inspectionId, caseId, questionId, respondToOutcomeAction }: { inspectionId: string; caseId: string; questionId: string; respondToOutcomeAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(respondToOutcomeAction);
  const prefix = `respond-${questionId.replaceAll(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-2 max-w-xl">
      <FormOutcome state={state} prefix={prefix} />
      <HiddenFields values={{ inspectionId, caseId, questionId }} />
      <RadiosField
        id={`${prefix}-response`}
        name="response"
        legend={`Your response on ${questionId}`}
        error={fieldError(state, "response")}
        options={RESPONSE_OPTIONS}
      />
      <RadiosField id={`${prefix}-value`} name="value" legend={`New answer to ${questionId} (if you change it)`} error={fieldError(state, "value")} options={VALUE_OPTIONS} />
      <TextAreaField id={`${prefix}-rationale`} name="rationale" label={`New rationale for ${questionId} (if you change it)`} error={fieldError(state, "rationale")} maxLength={20_000} wide />
      <TextAreaField id={`${prefix}-reply`} name="reply" label={`Reply to the moderator on ${questionId}`} hint="Needed when you keep your answer." error={fieldError(state, "reply")} maxLength={2000} wide />
      <Button disabled={pending}>Send the response on {questionId}</Button>
    </form>
  );
}
