"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmCheckbox } from "@/components/ui/confirm-checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, IDLE, summaryOf } from "@/lib/http/form-state";
import type { CasePageModel } from "@/lib/cases/queries";
import { useCaseActions } from "./case-actions";
import { textareaClass } from "./qa";
import type { CaseStatus } from "@/lib/statuses";

// The lead's quality assurance of a case: approve, return, reopen. Loaded when shown, with React.lazy
// (on-demand-parts.ts): next/dynamic would bring more of Next's loader into the page than it saves.

/** `status` is the case's live status (the case page follows the server), not the one the page was loaded with. */
export function QaPanel({ model, status }: { model: CasePageModel; status: CaseStatus }) {
  const ids = { inspectionId: model.inspection.id, caseId: model.case.id };
  const { approveCaseAction, returnCaseAction, reopenCaseAction } = useCaseActions();
  const [approveState, approve, approving] = useActionState(approveCaseAction, IDLE);
  const [returnState, giveBack, returning] = useActionState(returnCaseAction, IDLE);
  const { state: reopenState, pending: reopening, formRef: reopenForm, onSubmit: reopen } = useFormAction(reopenCaseAction);
  const open = model.queries.filter((q) => q.status === "open").length;
  const answered = model.queries.filter((q) => q.status === "answered").length;
  // Only the outcome of the lead's latest action is shown: after approve then reopen, the page must
  // not still say "approved and locked".
  const [last, setLast] = useState<"approve" | "return" | "reopen" | null>(null);
  const lastState = last === "approve" ? approveState : last === "return" ? returnState : last === "reopen" ? reopenState : IDLE;
  const errors = summaryOf(lastState);
  const success = lastState.status === "success" ? lastState : null;
  const reasonError = last === "reopen" ? fieldError(reopenState, "reason") : undefined;
  return (
    <section aria-labelledby="qa-heading" className="mt-10 border-4 border-link p-4">
      <h2 id="qa-heading" className="text-2xl font-bold">
        Quality assurance
      </h2>
      <ErrorSummary errors={errors.map((e) => (e.field === "main-content" || e.field === "form" ? { ...e, field: "qa-heading" } : e))} />
      {success ? <StatusNotice>{success.message}</StatusNotice> : null}
      <p className="mb-3">
        {open} open comment{open === 1 ? "" : "s"}, {answered} answered. {status === "completed" ? "Approving closes the answered ones." : null}
      </p>
      {status === "completed" ? (
        <div className="flex flex-wrap gap-6">
          <form action={approve} onSubmit={() => setLast("approve")}>
            <HiddenFields values={ids} />
            <Button id="qa-approve" disabled={approving}>
              Approve and lock the case
            </Button>
          </form>
          <form action={giveBack} onSubmit={() => setLast("return")}>
            <HiddenFields values={ids} />
            <Button id="qa-return" variant="secondary" disabled={returning}>
              Return the case to the inspector
            </Button>
            <p className="text-muted mt-1 max-w-md text-sm">Add a comment on each answer that needs attention first.</p>
          </form>
        </div>
      ) : null}
      {status === "returned" ? <p>The case is with its inspector, who will reply to your comments and complete it again.</p> : null}
      {status === "in_progress" || status === "not_started" ? <p>The inspector has not marked this case as complete yet. You can comment on answers now.</p> : null}
      {status === "approved" ? (
        <form
          method="post"
          ref={reopenForm}
          onSubmit={(event) => {
            setLast("reopen");
            reopen(event);
          }}
          className="max-w-2xl"
        >
          <HiddenFields values={ids} />
          <label htmlFor="reason" className="block font-semibold">
            Why are you reopening this case?
          </label>
          <p id="reason-hint" className="text-muted text-sm">
            Reopening unlocks the case for its inspector. The reason is kept in the case history.
          </p>
          {reasonError ? (
            <p id="reason-error" className="font-semibold text-error">
              <span className="sr-only">Error:</span> {reasonError}
            </p>
          ) : null}
          <textarea
            id="reason"
            name="reason"
            rows={2}
            aria-describedby={reasonError ? "reason-hint reason-error" : "reason-hint"}
            aria-invalid={reasonError ? true : undefined}
            className={textareaClass}
          />
          <ConfirmCheckbox
            id="confirmed"
            name="confirmed"
            label="Yes, reopen this approved case"
            hint="It goes back to in progress: its inspector can change the answers again, and it no longer counts as approved until you approve it again."
            error={last === "reopen" ? fieldError(reopenState, "confirmed") : undefined}
          />
          <Button variant="warning" disabled={reopening} className="mt-2">
            Reopen the case
          </Button>
        </form>
      ) : null}
    </section>
  );
}
