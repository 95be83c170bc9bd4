"use client";

import { useActionState, useState } from "react";
import { DateInput } from "@/components/case/date-input";
import { Button } from "@/components/ui/button";
import { RadiosField, SelectField, TextAreaField, type Option } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, type ServerFormAction } from "@/lib/http/form-state";

// The labels of lib/evidence/targets.ts, written here so the client bundle does not take in the framework it imports.
const KIND_OPTIONS = [
  { value: "strength", label: "Strength" },
  { value: "area_for_improvement", label: "Area for improvement" },
];
const SOURCE_OPTIONS = [
  { value: "document", label: "Document" },
  { value: "meeting", label: "Meeting" },
  { value: "interview", label: "Interview" },
  { value: "case", label: "Case" },
];

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
  // Kept after an entry is recorded: the next piece of evidence is often from the same day.
  const [occurredOn, setOccurredOn] = useState<string | null>(today);
  const [year, month, day] = today.split("-").map(Number);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-2xl">
      <FormOutcome state={state} />
      <HiddenFields values={{ inspectionId, standardId }} />
      <SelectField name="topic" label="Topic" options={[{ value: "", label: "Choose a topic" }, ...topics]} error={fieldError(state, "topic")} />
      <RadiosField name="kind" legend="Is this a strength or an area for improvement?" options={KIND_OPTIONS} error={fieldError(state, "kind")} />
      <RadiosField name="source" legend="Source" options={SOURCE_OPTIONS} error={fieldError(state, "source")} />
      {cases ? (
        <SelectField
          name="caseId"
          label="Resettlement case (optional)"
          options={[{ value: "", label: "Not about one case" }, ...cases]}
          defaultValue={caseId ?? ""}
          error={fieldError(state, "caseId")}
        />
      ) : null}
      {/* The GOV.UK date pattern, as in set-up and on the case page: a partial date is an error by the field. */}
      <div className="mb-5">
        <DateInput
          id="occurredOn"
          name="occurredOn"
          legend="Date of the evidence"
          hint={`For example, ${day} ${month} ${year}`}
          value={occurredOn}
          onChange={setOccurredOn}
          error={fieldError(state, "occurredOn")}
        />
      </div>
      <TextAreaField name="text" label="Evidence" hint="Written as it could appear in the report's Strengths or Areas for improvement list." rows={4} maxLength={4000} error={fieldError(state, "text")} />
      <Button disabled={pending}>{pending ? "Recording…" : "Record evidence"}</Button>
    </form>
  );
}

export function DeleteEvidenceForm({ inspectionId, evidenceId, label, deleteEvidenceAction }: { inspectionId: string; evidenceId: string; label: string; deleteEvidenceAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(deleteEvidenceAction, IDLE);
  return (
    <form action={action} className="inline">
      <HiddenFields values={{ inspectionId, evidenceId }} />
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
