import type { ReactNode } from "react";

// GOV.UK Design System form patterns: a visible label, an optional hint, and an error message that
// is announced with the field (aria-describedby) and named in the page's error summary.

interface BaseProps {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldShell({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-error">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export const inputClass =
  "mt-1 block w-full max-w-xl border-2 border-ink px-2 py-1.5 aria-[invalid=true]:border-error";

export function TextField({
  id,
  name,
  label,
  hint,
  error,
  type = "text",
  defaultValue,
  autoComplete,
  required,
  className,
  maxLength,
}: BaseProps & { type?: string; defaultValue?: string; autoComplete?: string; required?: boolean; className?: string; maxLength?: number }) {
  const fieldId = id ?? name;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={`${inputClass} ${className ?? ""}`}
      />
    </FieldShell>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: BaseProps & { options: readonly { value: string; label: string }[]; defaultValue?: string }) {
  const fieldId = id ?? name;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      <select
        id={fieldId}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={`${inputClass} bg-white`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
