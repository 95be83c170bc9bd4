"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE, type ServerFormAction } from "@/lib/http/form-state";
import { Button } from "./button";
import { HiddenFields } from "./hidden-fields";
import { InlineOutcome } from "./inline-outcome";

/**
 * A small form in a row (a table row, a list item): the ids it acts on, any control of its own
 * (`children`), one button whose accessible name says what it acts on (`name`, "Remove Ann Lee from
 * the team", where its text says only "Remove"), and its result announced beside it.
 */
export function InlineActionForm({
  action,
  values,
  label,
  name,
  variant = "secondary",
  className = "flex flex-wrap items-end gap-3",
  children,
}: {
  action: ServerFormAction;
  values: Readonly<Record<string, string>>;
  label: string;
  name: string;
  variant?: "secondary" | "warning";
  className?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className}>
      <HiddenFields values={values} />
      {children}
      <Button variant={variant} disabled={pending} aria-label={name}>
        {label}
      </Button>
      <InlineOutcome state={state} />
    </form>
  );
}
