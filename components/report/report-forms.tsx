"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, SelectField, TextField, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf, type FormState, type ServerFormAction } from "@/lib/http/form-state";

// The lead's forms for the draft report's records. Several forms share the page, so each prefixes
// its field ids and maps the use case's field errors onto them.

const PARTY_OPTIONS = [
  { value: "", label: "Choose who it is for" },
  { value: "yjs", label: "The YJS" },
  { value: "management_board", label: "The YJS management board" },
  { value: "police", label: "The police" },
  { value: "health", label: "Health services" },
  { value: "local_authority", label: "The local authority" },
  { value: "other", label: "Another party (name it below)" },
];

function Outcome({ state, prefix }: { state: FormState; prefix: string }) {
  const errors = summaryOf(state).map((e) => ({ field: e.field === "main-content" ? `${prefix}-form` : `${prefix}-${e.field}`, message: e.message }));
  return (
    <>
      <ErrorSummary errors={errors} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
    </>
  );
}

function TextArea({ id, name, label, hint, error, defaultValue, rows = 4, maxLength }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number; maxLength: number }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}

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
      <TextArea id={`${prefix}-text`} name="text" label="Recommendation" hint="As the report words it, starting with a verb: “review the use of Outcome 22…”." defaultValue={current?.text} maxLength={2000} error={fieldError(state, "text")} />
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
        <Outcome state={state} prefix={prefix} />
        <input type="hidden" name="inspectionId" value={inspectionId} />
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
        <Outcome state={state} prefix={prefix} />
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <input type="hidden" name="recommendationId" value={id} />
        <RecommendationFieldset prefix={prefix} state={state} current={current} />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Saving…" : `Save recommendation ${position}`}
        </Button>
      </form>
    </details>
  );
}

/** Move up, move down and delete: one small form each, named for the recommendation they act on. */
export function RecommendationControls({ inspectionId, id, position, first, last, deleteRecommendationAction, moveRecommendationAction }: { inspectionId: string; id: string; position: number; first: boolean; last: boolean; deleteRecommendationAction: ServerFormAction; moveRecommendationAction: ServerFormAction }) {
  const [moveState, move, moving] = useActionState(moveRecommendationAction, IDLE);
  const [deleteState, remove, deleting] = useActionState(deleteRecommendationAction, IDLE);
  const prefix = `recommendation-${position}`;
  return (
    <div className="mt-2">
      <Outcome state={moveState} prefix={`${prefix}-move`} />
      <Outcome state={deleteState} prefix={`${prefix}-delete`} />
      <div className="flex flex-wrap gap-2">
        {!first ? (
          <form action={move} id={`${prefix}-move-form`}>
            <input type="hidden" name="inspectionId" value={inspectionId} />
            <input type="hidden" name="recommendationId" value={id} />
            <input type="hidden" name="direction" value="up" />
            <Button variant="secondary" disabled={moving}>
              Move up<span className="sr-only"> recommendation {position}</span>
            </Button>
          </form>
        ) : null}
        {!last ? (
          <form action={move} id={`${prefix}-move-down-form`}>
            <input type="hidden" name="inspectionId" value={inspectionId} />
            <input type="hidden" name="recommendationId" value={id} />
            <input type="hidden" name="direction" value="down" />
            <Button variant="secondary" disabled={moving}>
              Move down<span className="sr-only"> recommendation {position}</span>
            </Button>
          </form>
        ) : null}
        <form action={remove} id={`${prefix}-delete-form`}>
          <input type="hidden" name="inspectionId" value={inspectionId} />
          <input type="hidden" name="recommendationId" value={id} />
          <Button variant="warning" disabled={deleting}>
            Delete<span className="sr-only"> recommendation {position}</span>
          </Button>
        </form>
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
        <Outcome state={state} prefix={prefix} />
        <input type="hidden" name="inspectionId" value={inspectionId} />
        <input type="hidden" name="standardId" value={standardId} />
        <TextArea id={`${prefix}-strengths`} name="strengths" label={`Strengths of ${standardId}`} hint="One point per line: each line is a bullet in the report." defaultValue={current?.strengths} maxLength={20000} error={fieldError(state, "strengths")} />
        <TextArea
          id={`${prefix}-areasForImprovement`}
          name="areasForImprovement"
          label={`Areas for improvement of ${standardId}`}
          hint="One point per line."
          defaultValue={current?.areasForImprovement}
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
