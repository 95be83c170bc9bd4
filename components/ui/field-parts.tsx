import type { ReactNode } from "react";

// What every field is made of (field.tsx): the ids it is described by, its hint, its error message,
// its control's look. Apart from field.tsx's whole fields, so that a page whose controls are its own
// (the case page) loads only these.

/** The ids a field is described by: its hint and its error, those it shows. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's error message, "Error:" first for screen readers; nothing when there is no error. */
export function FieldError({ id, error, colour = "text-error" }: { id: string; error?: string; colour?: string }) {
  return error ? (
    <p id={`${id}-error`} className={`font-semibold ${colour}`}>
      <span className="sr-only">Error:</span> {error}
    </p>
  ) : null;
}

/** A field's hint, which its control is described by; nothing when there is none. */
export function FieldHint({ id, hint, className = "text-muted text-sm" }: { id: string; hint?: ReactNode; className?: string }) {
  return hint ? (
    <p id={`${id}-hint`} className={className}>
      {hint}
    </p>
  ) : null;
}

export const controlClass = "mt-1 block w-full border-2 border-ink px-2 py-1.5 aria-[invalid=true]:border-error";
export const inputClass = `${controlClass} max-w-xl`;

export interface Option {
  value: string;
  label: string;
}

/** A select's options, in the order given. */
export function SelectOptions({ options }: { options: readonly Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}
