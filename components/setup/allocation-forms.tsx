"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusNotice } from "@/components/ui/notice";
import { IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";
import { InlineOutcome } from "./inline-outcome";

export function BalancedAllocationForm({ inspectionId, allocateBalancedAction }: { inspectionId: string; allocateBalancedAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(allocateBalancedAction, IDLE);
  return (
    <form action={action} className="mb-8 max-w-2xl">
      <ErrorSummary errors={summaryOf(state).map((e) => ({ ...e, field: e.field === "includeLead" ? "includeLead" : "main-content" }))} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
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
  const [state, action, pending] = useActionState(reassignCaseAction, IDLE);
  const current = sampleCase.allocatedToId ?? "";
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="inspectionId" value={inspectionId} />
      <input type="hidden" name="caseId" value={sampleCase.id} />
      <input type="hidden" name="expectedUserId" value={current} />
      <label htmlFor={`reassign-${sampleCase.id}`} className="sr-only">
        Inspector for {sampleCase.reference}
      </label>
      <select id={`reassign-${sampleCase.id}`} key={current} name="userId" defaultValue={current} className="border-2 border-ink bg-white px-2 py-1">
        <option value="">Not allocated</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.role})
          </option>
        ))}
      </select>
      <Button variant="secondary" disabled={pending} aria-label={`Save inspector for ${sampleCase.reference}`}>
        Save
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}
