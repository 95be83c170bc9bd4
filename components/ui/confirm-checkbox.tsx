import type { ReactNode } from "react";

/**
 * The explicit confirmation a destructive form carries (GOV.UK checkbox with a warning border on
 * error): its label says what will happen; the server refuses the action until it is ticked.
 */
export function ConfirmCheckbox({ id, name, label, hint, error }: { id: string; name: string; label: ReactNode; hint?: ReactNode; error?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`my-4 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-error">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          className="mt-0.5 h-6 w-6 shrink-0"
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted ml-9 text-sm">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
