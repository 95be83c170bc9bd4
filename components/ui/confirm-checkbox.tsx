import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "./field";

/**
 * The explicit confirmation a destructive form carries (GOV.UK checkbox with a warning border on
 * error): its label says what will happen; the server refuses the action until it is ticked. A
 * `value` travels with the tick (what was confirmed, such as a count the server checks again).
 */
export function ConfirmCheckbox({ id, name, value, label, hint, error }: { id: string; name: string; value?: string | number; label: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <div className={`my-4 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <FieldError id={id} error={error} />
      <div className="flex items-start gap-3">
        <input id={id} type="checkbox" name={name} value={value} className="mt-0.5 h-6 w-6 shrink-0" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      <FieldHint id={id} hint={hint} className="text-muted ml-9 text-sm" />
    </div>
  );
}
