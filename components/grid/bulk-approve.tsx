"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusNotice } from "@/components/ui/notice";
import { IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

export const BULK_APPROVE_FORM = "bulk-approve-form";

/**
 * The lead's bulk approval. The grid's checkboxes name this form (form="bulk-approve-form"), so a
 * plain POST without JavaScript sends them; the second button approves every approvable case shown.
 */
export function BulkApproveForm({ inspectionId, shownIds, approveCasesAction }: { inspectionId: string; shownIds: readonly string[]; approveCasesAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(approveCasesAction, IDLE);
  const errors = summaryOf(state).map((e) => ({ field: e.field === "caseIds" || e.field === "main-content" ? BULK_APPROVE_FORM : e.field, message: e.message }));
  return (
    <form action={action} id={BULK_APPROVE_FORM} tabIndex={-1} className="mb-6 max-w-3xl border-l-4 border-link bg-[#e8f1f8] p-3">
      <ErrorSummary errors={errors} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="inspectionId" value={inspectionId} />
      {shownIds.map((id) => (
        <input key={id} type="hidden" name="shownId" value={id} />
      ))}
      <p className="mb-2">
        Tick completed cases with no open comment in the grid below, or approve all {shownIds.length} such {shownIds.length === 1 ? "case" : "cases"} shown. Approved cases lock.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button name="which" value="ticked" disabled={pending}>
          Approve ticked cases
        </Button>
        {shownIds.length > 0 ? (
          <Button name="which" value="shown" variant="secondary" disabled={pending}>
            Approve all {shownIds.length} shown
          </Button>
        ) : null}
      </div>
    </form>
  );
}
