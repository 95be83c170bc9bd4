"use client";

import { useState } from "react";

// GOV.UK date input: day, month and year as three short text fields (works with any keyboard and
// locale, unlike type=date). Reports an ISO date when the three make a real date, null when empty.

function toIso(day: string, month: string, year: string): string | null | undefined {
  if (!day && !month && !year) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || year.length !== 4) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  disabled,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
}) {
  const [parts, setParts] = useState(() => {
    const [y = "", m = "", d = ""] = value ? value.split("-") : [];
    return { day: d ? String(Number(d)) : "", month: m ? String(Number(m)) : "", year: y };
  });
  const [invalid, setInvalid] = useState(false);
  const update = (part: "day" | "month" | "year", text: string) => {
    const next = { ...parts, [part]: text.trim() };
    setParts(next);
    const iso = toIso(next.day, next.month, next.year);
    setInvalid(iso === undefined && Boolean(next.day && next.month && next.year.length === 4));
    if (iso !== undefined) onChange(iso);
  };
  const shownError = error ?? (invalid ? "Enter a real date" : undefined);
  const describedBy = [hint ? `${id}-hint` : null, shownError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const field = (part: "day" | "month" | "year", label: string, width: string) => (
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
        aria-invalid={shownError ? true : undefined}
        className={`${width} border-2 border-ink px-2 py-1 aria-[invalid=true]:border-error`}
      />
    </div>
  );
  return (
    <fieldset aria-describedby={describedBy} className={`mt-3 ${shownError ? "border-l-4 border-error pl-3" : ""}`}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      {shownError ? (
        <p id={`${id}-error`} className="font-semibold text-error">
          <span className="sr-only">Error:</span> {shownError}
        </p>
      ) : null}
      <div className="mt-1 flex gap-3">
        {field("day", "Day", "w-14")}
        {field("month", "Month", "w-14")}
        {field("year", "Year", "w-20")}
      </div>
    </fieldset>
  );
}
