"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusNotice } from "@/components/ui/notice";
import { IDLE, summaryOf, type ServerFormAction } from "@/lib/http/form-state";

/** A form that is only a button (plus hidden fields), with the outcome announced beside it. */
export function ActionButtonForm({
  action,
  hidden,
  label,
  variant = "primary",
}: {
  action: ServerFormAction;
  hidden: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "warning";
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-4">
      {state.status === "error" ? <ErrorSummary errors={summaryOf(state).map((e) => ({ ...e, field: "main-content" }))} /> : null}
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
