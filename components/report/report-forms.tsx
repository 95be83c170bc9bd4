"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, type FormState, type ServerFormAction } from "@/lib/http/form-state";

// The lead's forms for the draft report's records. Several forms share the page, so each prefixes
// its field ids and maps the use case's field errors onto them; a problem with the whole form links
// to the form itself.

const PARTY_OPTIONS = [
  { value: "", label: "Choose who it is for" },
  { value: "yjs", label: "The YJS" },
  { value: "management_board", label: "The YJS management board" },
  { value: "police", label: "The police" },
  { value: "health", label: "Health services" },
  { value: "local_authority", label: "The local authority" },
  { value: "other", label: "Another party (name it below)" },
];

interface RecommendationFields {
  party: string;
  partyName: string | null;
  text: string;
}

function RecommendationFieldset({ prefix, state, current }: { prefix: string; state: FormState; current?: RecommendationFields }) {
  return (
    <>
      <SelectField id={`${prefix}-party`} name="party" label="Who it is for" options={PARTY_OPTIONS} defaultValue={current?.party ?? ""} error={fieldError(state, "party")} />
      <TextField
        id={`${prefix}-partyName`}
        name="partyName"
        label="Their name in the report (optional for the listed parties)"
        hint="For example, Greater Manchester Police. The report prints it before “should:”."
        defaultValue={current?.partyName ?? ""}
        maxLength={200}
        error={fieldError(state, "partyName")}
      />
      <TextAreaField id={`${prefix}-text`} name="text" label="Recommendation" hint="As the report words it, starting with a verb: “review the use of Outcome 22…”." defaultValue={current?.text} rows={4} maxLength={2000} error={fieldError(state, "text")} />
    </>
  );
}

export function AddRecommendationForm({ inspectionId, addRecommendationAction }: { inspectionId: string; addRecommendationAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(addRecommendationAction, { resetOnSuccess: true });
  const prefix = "add-recommendation";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="max-w-xl">
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">Add a recommendation</legend>
        <FormOutcome state={state} prefix={prefix} formId={`${prefix}-form`} />
        <HiddenFields values={{ inspectionId }} />
        <RecommendationFieldset prefix={prefix} state={state} />
        <Button disabled={pending}>{pending ? "Adding…" : "Add recommendation"}</Button>
      </fieldset>
    </form>
  );
}

export function EditRecommendationForm({ inspectionId, id, position, current, editRecommendationAction }: { inspectionId: string; id: string; position: number; current: RecommendationFields; editRecommendationAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(editRecommendationAction);
  const prefix = `edit-recommendation-${position}`;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-link underline">Change recommendation {position}</summary>
      <form ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="mt-2 max-w-xl">
        <FormOutcome state={state} prefix={prefix} formId={`${prefix}-form`} />
        <HiddenFields values={{ inspectionId, recommendationId: id }} />
        <RecommendationFieldset prefix={prefix} state={state} current={current} />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Saving…" : `Save recommendation ${position}`}
        </Button>
      </form>
    </details>
  );
}

/** One button's form acting on a recommendation, named for it (the hidden text completes the button's name). */
function RecommendationButton({ action, formId, values, pending, variant, label, position }: { action: (form: FormData) => void; formId: string; values: Record<string, string>; pending: boolean; variant: "secondary" | "warning"; label: string; position: number }) {
  return (
    <form action={action} id={formId}>
      <HiddenFields values={values} />
      <Button variant={variant} disabled={pending}>
        {label}
        <span className="sr-only"> recommendation {position}</span>
      </Button>
    </form>
  );
}

/** Move up, move down and delete: one small form each, named for the recommendation they act on. */
export function RecommendationControls({ inspectionId, id, position, first, last, deleteRecommendationAction, moveRecommendationAction }: { inspectionId: string; id: string; position: number; first: boolean; last: boolean; deleteRecommendationAction: ServerFormAction; moveRecommendationAction: ServerFormAction }) {
  const [moveState, move, moving] = useActionState(moveRecommendationAction, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteRecommendationAction, IDLE);
  const prefix = `recommendation-${position}`;
  const values = { inspectionId, recommendationId: id };
  return (
    <div className="mt-2">
      <FormOutcome state={moveState} prefix={`${prefix}-move`} formId={`${prefix}-move-form`} />
      <FormOutcome state={deleteState} prefix={`${prefix}-delete`} formId={`${prefix}-delete-form`} />
      <div className="flex flex-wrap gap-2">
        {!first ? <RecommendationButton action={move} formId={`${prefix}-move-form`} values={{ ...values, direction: "up" }} pending={moving} variant="secondary" label="Move up" position={position} /> : null}
        {!last ? <RecommendationButton action={move} formId={`${prefix}-move-down-form`} values={{ ...values, direction: "down" }} pending={moving} variant="secondary" label="Move down" position={position} /> : null}
        <RecommendationButton action={remove} formId={`${prefix}-delete-form`} values={values} pending={deleting} variant="warning" label="Delete" position={position} />
      </div>
    </div>
  );
}

export function NarrativeForm({
  inspectionId,
  standardId,
  standardTitle,
  current,
  saveNarrativeAction,
}: {
  inspectionId: string;
  standardId: string;
  standardTitle: string;
  current: { strengths: string; areasForImprovement: string } | null;
  saveNarrativeAction: ServerFormAction;
}) {
  const { state, pending, formRef, onSubmit } = useFormAction(saveNarrativeAction);
  const prefix = `narrative-${standardId.replace(".", "-")}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate id={`${prefix}-form`} tabIndex={-1} className="max-w-xl">
      <fieldset>
        <legend className="mb-2 font-semibold">
          Narrative for {standardId} {standardTitle}
        </legend>
        <FormOutcome state={state} prefix={prefix} formId={`${prefix}-form`} />
        <HiddenFields values={{ inspectionId, standardId }} />
        <TextAreaField id={`${prefix}-strengths`} name="strengths" label={`Strengths of ${standardId}`} hint="One point per line: each line is a bullet in the report." defaultValue={current?.strengths} rows={4} maxLength={20000} error={fieldError(state, "strengths")} />
        <TextAreaField
          id={`${prefix}-areasForImprovement`}
          name="areasForImprovement"
          label={`Areas for improvement of ${standardId}`}
          hint="One point per line."
          defaultValue={current?.areasForImprovement}
          rows={4}
          maxLength={20000}
          error={fieldError(state, "areasForImprovement")}
        />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Saving…" : `Save the narrative for ${standardId}`}
        </Button>
      </fieldset>
    </form>
  );
}
