"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, SelectField, TextField, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

interface Option {
  value: string;
  label: string;
}

function Radios({ name, legend, options, error }: { name: string; legend: string; options: readonly Option[]; error?: string }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <fieldset id={name} tabIndex={-1} aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="font-semibold">{legend}</legend>
        {error ? (
          <p id={`${name}-error`} className="font-semibold text-error">
            <span className="sr-only">Error:</span> {error}
          </p>
        ) : null}
        <div className="mt-1 flex flex-wrap gap-4">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2">
              <input type="radio" name={name} value={o.value} className="h-5 w-5" />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function RecordEvidenceForm({
  inspectionId,
  standardId,
  topics,
  cases,
  caseId,
  recordEvidenceAction,
}: {
  inspectionId: string;
  standardId: string;
  topics: readonly Option[];
  /** Resettlement cases, offered for 4.1 only. */
  cases: readonly Option[] | null;
  caseId: string | null;
  recordEvidenceAction: ServerFormAction;
}) {
  const { state, pending, formRef, onSubmit } = useFormAction(recordEvidenceAction, { resetOnSuccess: true });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-2xl">
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="standardId" value={standardId} />
      <SelectField name="topic" label="Topic" options={[{ value: "", label: "Choose a topic" }, ...topics]} error={fieldError(state, "topic")} />
      <Radios
        name="kind"
        legend="Is this a strength or an area for improvement?"
        options={[
          { value: "strength", label: "Strength" },
          { value: "area_for_improvement", label: "Area for improvement" },
        ]}
        error={fieldError(state, "kind")}
      />
      <Radios
        name="source"
        legend="Source"
        options={[
          { value: "document", label: "Document" },
          { value: "meeting", label: "Meeting" },
          { value: "interview", label: "Interview" },
          { value: "case", label: "Case" },
        ]}
        error={fieldError(state, "source")}
      />
      {cases ? (
        <SelectField
          name="caseId"
          label="Resettlement case (optional)"
          options={[{ value: "", label: "Not about one case" }, ...cases]}
          defaultValue={caseId ?? ""}
          error={fieldError(state, "caseId")}
        />
      ) : null}
      <TextField name="occurredOn" type="date" label="Date of the evidence" hint={`For example ${today}.`} defaultValue={today} error={fieldError(state, "occurredOn")} />
      <FieldShell id="text" label="Evidence" hint="Written as it could appear in the report's Strengths or Areas for improvement list." error={fieldError(state, "text")}>
        <textarea
          id="text"
          name="text"
          rows={4}
          maxLength={4000}
          aria-invalid={fieldError(state, "text") ? true : undefined}
          aria-describedby={fieldError(state, "text") ? "text-hint text-error" : "text-hint"}
          className={inputClass}
        />
      </FieldShell>
      <Button disabled={pending}>{pending ? "Recording…" : "Record evidence"}</Button>
    </form>
  );
}

export function DeleteEvidenceForm({ inspectionId, evidenceId, label, deleteEvidenceAction }: { inspectionId: string; evidenceId: string; label: string; deleteEvidenceAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(deleteEvidenceAction, IDLE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <Button variant="secondary" disabled={pending} aria-label={`Delete evidence: ${label}`} className="text-sm">
        Delete
      </Button>
      {state.status === "error" ? (
        <span role="status" className="ml-2 font-semibold text-error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
