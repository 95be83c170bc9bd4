"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InlineSelect } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { IDLE, type ServerFormAction } from "@/lib/http/form-state";

export function BalancedAllocationForm({ inspectionId, allocateBalancedAction }: { inspectionId: string; allocateBalancedAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(allocateBalancedAction, IDLE);
  return (
    <form action={action} className="mb-8 max-w-2xl">
      <FormOutcome state={state} fields={["includeLead"]} />
      <HiddenFields values={{ inspectionId }} />
      <div className="mb-3 flex items-center gap-2">
        <input id="includeLead" type="checkbox" name="includeLead" className="h-5 w-5" />
        <label htmlFor="includeLead">Give the lead inspector cases too</label>
      </div>
      <div className="mb-4 flex items-center gap-2">
        <input id="keepExisting" type="checkbox" name="keepExisting" className="h-5 w-5" aria-describedby="keepExisting-hint" />
        <label htmlFor="keepExisting">Keep existing allocations</label>
      </div>
      <p id="keepExisting-hint" className="mb-4 text-sm text-muted">
        Cases already started always stay with their inspector. Otherwise every case is shared afresh, evenly by stream and in total.
      </p>
      <Button disabled={pending}>Allocate evenly</Button>
    </form>
  );
}

export function ReassignForm({
  inspectionId,
  sampleCase,
  people,
  reassignCaseAction,
}: {
  inspectionId: string;
  sampleCase: { id: string; reference: string; allocatedToId: string | null };
  people: { id: string; name: string; role: string }[];
  reassignCaseAction: ServerFormAction;
}) {
  const current = sampleCase.allocatedToId ?? "";
  return (
    <InlineActionForm
      action={reassignCaseAction}
      values={{ inspectionId, caseId: sampleCase.id, expectedUserId: current }}
      label="Save"
      name={`Save inspector for ${sampleCase.reference}`}
      className="flex flex-wrap items-end gap-2"
    >
      <InlineSelect
        id={`reassign-${sampleCase.id}`}
        name="userId"
        label={`Inspector for ${sampleCase.reference}`}
        labelHidden
        options={[{ value: "", label: "Not allocated" }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.role})` }))]}
        defaultValue={current}
      />
    </InlineActionForm>
  );
}
