"use client";

import { useState } from "react";
import { describedBy as fieldDescribedBy, FieldHint } from "@/components/ui/field-parts";
import { formatDate } from "@/lib/dates";

// GOV.UK date input: day, month and year as three short text fields (works with any keyboard and
// locale, unlike type=date). It reports a date only when the three make a real one (or are all
// empty); a partial or impossible date is an error by the field, and says that the date on record
// is unchanged, so no old value stays behind silently. With `name`, it also posts the date in a
// form (as typed when it is not a real date, so the server refuses it with its own message).

type Parts = { day: string; month: string; year: string };

function partsOf(value: string | null): Parts {
  const [y = "", m = "", d = ""] = value ? value.split("-") : [];
  return { day: d ? String(Number(d)) : "", month: m ? String(Number(m)) : "", year: y };
}

function isoOf({ day, month, year }: Parts): string | null | undefined {
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** GOV.UK's date messages: what is missing first, then a year of four numbers, then a real date. */
export function dateProblem(parts: Parts, legend: string): string | null {
  if (isoOf(parts) !== undefined) return null;
  const missing = (["day", "month", "year"] as const).filter((part) => parts[part] === "");
  if (missing.length > 0) return `${legend} must include a ${missing.join(" and ")}`;
  if (!/^\d{4}$/.test(parts.year)) return "Year must include 4 numbers";
  return `${legend} must be a real date`;
}

export function DateInput({
  id,
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  disabled,
  readOnly,
}: {
  id: string;
  /** Posts the date in a form under this name. */
  name?: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  readOnly?: boolean;
}) {
  const [parts, setParts] = useState(() => partsOf(value));
  const [seen, setSeen] = useState(value);
  const [left, setLeft] = useState(false);
  // A new value from outside (a proposal, someone else's change, a conflict resolved) replaces what
  // is typed, unless it is the date the boxes already make.
  if (value !== seen) {
    setSeen(value);
    if (isoOf(parts) !== value) setParts(partsOf(value));
  }
  const update = (part: keyof Parts, text: string) => {
    const next = { ...parts, [part]: text.trim() };
    setParts(next);
    const iso = isoOf(next);
    if (iso !== undefined) {
      setSeen(iso);
      onChange(iso);
    }
  };
  const iso = isoOf(parts);
  const complete = parts.day !== "" && parts.month !== "" && parts.year.length >= 4;
  const problem = left || complete ? dateProblem(parts, legend) : null;
  const onRecord = problem && !name ? (value ? `The date on record is still ${formatDate(new Date(`${value}T00:00:00Z`))}.` : "No date is on record.") : null;
  const shownError = error ?? problem ?? undefined;
  const describedBy = fieldDescribedBy(id, hint, shownError);
  const field = (part: keyof Parts, label: string, width: string) => (
    <div className="flex flex-col">
      <label htmlFor={part === "day" ? id : `${id}-${part}`} className="text-sm">
        {label}
      </label>
      <input
        id={part === "day" ? id : `${id}-${part}`}
        inputMode="numeric"
        autoComplete="off"
        value={parts[part]}
        onChange={(e) => update(part, e.target.value)}
        disabled={disabled}
        readOnly={readOnly}
        aria-invalid={shownError ? true : undefined}
        className={`${width} border-2 border-ink px-2 py-1 aria-[invalid=true]:border-error`}
      />
    </div>
  );
  return (
    <fieldset
      aria-describedby={describedBy}
      className={`mt-3 ${shownError ? "border-l-4 border-error pl-3" : ""}`}
      onBlur={(e) => {
        // In a form, the server judges the date on submit (GOV.UK's pattern): an error shown on leaving
        // the boxes would push the submit button away from under the pointer and lose the click.
        if (!name && !e.currentTarget.contains(e.relatedTarget as Node | null)) setLeft(true);
      }}
    >
      <legend className="font-semibold">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      {shownError ? (
        <p id={`${id}-error`} className="font-semibold text-error">
          <span className="sr-only">Error:</span> {shownError}
          {onRecord ? <span className="block font-normal text-ink">{onRecord}</span> : null}
        </p>
      ) : null}
      <div className="mt-1 flex gap-3">
        {field("day", "Day", "w-14")}
        {field("month", "Month", "w-14")}
        {field("year", "Year", "w-20")}
      </div>
      {name ? <input type="hidden" name={name} value={iso ?? (iso === null ? "" : `${parts.year}-${parts.month}-${parts.day}`)} /> : null}
    </fieldset>
  );
}
