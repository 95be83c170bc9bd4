"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmCheckbox } from "@/components/ui/confirm-checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { fieldError, IDLE, summaryOf, type FormState, type ServerFormAction } from "@/lib/http/form-state";
import { useFormAction } from "@/components/ui/use-form-action";
import { InlineOutcome } from "./inline-outcome";

/** Field errors keyed by this form's own field ids, so the summary's links land on them. */
function prefixed(state: FormState, prefix: string) {
  return summaryOf(state).map((e) => ({ ...e, field: e.field === "main-content" ? e.field : `${prefix}-${e.field}` }));
}

export function DrawForm({
  inspectionId,
  stream,
  proposedSize,
  populationSize,
  redraw,
  sampledCount,
  drawSampleAction,
}: {
  inspectionId: string;
  stream: Stream;
  proposedSize: number;
  populationSize: number;
  redraw: boolean;
  sampledCount: number;
  drawSampleAction: ServerFormAction;
}) {
  const [state, action, pending] = useActionState(drawSampleAction, IDLE);
  const label = STREAM_LABELS[stream].toLowerCase();
  return (
    <form action={action} noValidate className="mb-4 max-w-xl">
      <ErrorSummary errors={prefixed(state, stream)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="stream" value={stream} />
      <TextField
        id={`${stream}-size`}
        name="size"
        label={`Number of ${label} cases to sample`}
        hint={`Proposed: ${proposedSize} of ${populationSize} eligible cases.`}
        defaultValue={String(proposedSize)}
        error={fieldError(state, "size")}
        className="max-w-32"
      />
      <TextField
        id={`${stream}-seed`}
        name="seed"
        label={`Seed for the ${label} draw (optional)`}
        hint="Leave blank for a random seed; it is recorded. Enter a recorded seed to reproduce that draw."
        error={fieldError(state, "seed")}
        className="max-w-xs"
        autoComplete="off"
      />
      {redraw ? (
        <ConfirmCheckbox
          id={`${stream}-confirmRedraw`}
          name="confirmRedraw"
          label={`Yes, discard the ${sampledCount} ${label} ${sampledCount === 1 ? "case" : "cases"} now in the sample and draw again`}
          hint="Redrawing replaces every case of this stream, including ones added by hand, and clears their allocations. The draw it replaces stays in the audit trail with its seed."
          error={fieldError(state, "confirmRedraw")}
        />
      ) : null}
      <Button variant={redraw ? "warning" : "primary"} disabled={pending}>
        {redraw ? `Redraw the ${label} sample` : `Draw the ${label} sample`}
      </Button>
    </form>
  );
}

export function AddCaseForm({ inspectionId, addCaseAction }: { inspectionId: string; addCaseAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(addCaseAction, { resetOnSuccess: true });
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl">
      <ErrorSummary errors={prefixed(state, "add")} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <TextField id="add-reference" name="reference" label="Case reference" hint="A reference from the imported population." error={fieldError(state, "reference")} autoComplete="off" />
      <TextField id="add-reason" name="reason" label="Reason for adding it" error={fieldError(state, "reason")} autoComplete="off" maxLength={500} />
      <Button disabled={pending}>Add to the sample</Button>
    </form>
  );
}

export function RemoveCaseForm({ inspectionId, sampleCase, removeCaseAction }: { inspectionId: string; sampleCase: { id: string; reference: string }; removeCaseAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(removeCaseAction);
  const id = `remove-${sampleCase.id}`;
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="caseId" value={sampleCase.id} />
      <label className="flex flex-col text-sm" htmlFor={id}>
        <span className="font-semibold">Reason for removing {sampleCase.reference}</span>
        <input id={id} name="reason" maxLength={500} autoComplete="off" className="border-2 border-ink px-2 py-1" />
      </label>
      <Button variant="warning" disabled={pending} aria-label={`Remove ${sampleCase.reference} from the sample`}>
        Remove
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}
