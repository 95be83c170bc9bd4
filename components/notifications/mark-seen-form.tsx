"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusNotice } from "@/components/ui/notice";
import { IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

/** Marks everything the page showed (up to its newest event) as seen; works without JavaScript. */
export function MarkSeenForm({ upTo, markNotificationsSeenAction }: { upTo: string; markNotificationsSeenAction: ServerFormAction }) {
  const [state, action, pending] = useActionState(markNotificationsSeenAction, IDLE);
  return (
    <form action={action} id="mark-seen-form" tabIndex={-1} className="mb-6">
      <ErrorSummary errors={summaryOf(state).map((e) => ({ field: "mark-seen-form", message: e.message }))} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      <input type="hidden" name="upTo" value={upTo} />
      <Button variant="secondary" disabled={pending}>
        Mark all as seen
      </Button>
    </form>
  );
}
