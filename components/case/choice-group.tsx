import type { ReactNode } from "react";
import { describedBy, FieldError } from "@/components/ui/field-parts";

// A GOV.UK radio group: a real fieldset + legend, labelled native radios (arrow keys move within the
// group, one tab stop), the hint and the error announced with the group.

export interface Choice {
  value: string;
  label: string;
}

export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  disabled,
  inline = true,
  legendClassName = "font-semibold",
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string) => void;
  disabled?: boolean;
  inline?: boolean;
  legendClassName?: string;
}) {
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)} className={error ? "border-l-4 border-error pl-3" : undefined}>
      <legend className={legendClassName}>{legend}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="text-muted text-sm">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} error={error} />
      <div className={`mt-2 flex ${inline ? "flex-wrap gap-x-6 gap-y-2" : "flex-col gap-2"}`}>
        {choices.map((choice) => (
          <div key={choice.value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              disabled={disabled}
              className="h-6 w-6 accent-ink"
            />
            <label htmlFor={`${id}-${choice.value}`} className="cursor-pointer py-1">
              {choice.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export const YES_NO: readonly Choice[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export function fromBoolean(value: unknown): string | null {
  return value === true ? "yes" : value === false ? "no" : null;
}
