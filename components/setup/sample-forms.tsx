"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmCheckbox } from "@/components/ui/confirm-checkbox";
import { InlineInput, TextField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { InlineOutcome } from "@/components/ui/inline-outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { fieldError, IDLE, type ServerFormAction } from "@/lib/http/form-state";

// The sample's forms. The two streams' draw forms share the page, so each prefixes its field ids
// with its stream and its error summary links to them.

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
      <FormOutcome state={state} prefix={stream} />
      <HiddenFields values={{ inspectionId, stream }} />
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
      <FormOutcome state={state} prefix="add" />
      <HiddenFields values={{ inspectionId }} />
      <TextField id="add-reference" name="reference" label="Case reference" hint="A reference from the imported population." error={fieldError(state, "reference")} autoComplete="off" />
      <TextField id="add-reason" name="reason" label="Reason for adding it" error={fieldError(state, "reason")} autoComplete="off" maxLength={500} />
      <Button disabled={pending}>Add to the sample</Button>
    </form>
  );
}

export function RemoveCaseForm({ inspectionId, sampleCase, removeCaseAction }: { inspectionId: string; sampleCase: { id: string; reference: string }; removeCaseAction: ServerFormAction }) {
  const { state, pending, formRef, onSubmit } = useFormAction(removeCaseAction);
  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <HiddenFields values={{ inspectionId, caseId: sampleCase.id }} />
      <InlineInput id={`remove-${sampleCase.id}`} name="reason" label={`Reason for removing ${sampleCase.reference}`} maxLength={500} />
      <Button variant="warning" disabled={pending} aria-label={`Remove ${sampleCase.reference} from the sample`}>
        Remove
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}
