"use client";

import { useState } from "react";
import { inputClass, SelectOptions } from "@/components/ui/field-parts";
import type { Scalar } from "@/lib/flat-fields";
import type { CasePageModel } from "@/lib/cases/queries";
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, GENDERS, GENDER_LABELS } from "@/lib/framework/case-attributes";
import { DateInput } from "./date-input";
import type { CaseStore } from "./use-case-store";

// Corrections to the case's details (disposal, classifications, the child's gender and age), under
// "Correct the case's details" on the case page: loaded when that is opened (on-demand-parts.ts).

const selectClass = `${inputClass} bg-white`;

const CASE = { target: "case" as const };

/**
 * The child's age at disposal: what is typed stays in the box (so it can be cleared and retyped);
 * only an age of 10 to 18, or an empty box, is saved, and anything else is an error by the field
 * saying the age on record is unchanged.
 */
function AgeInput({ value, onChange }: { value: number | null; onChange: (age: number | null) => void }) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [seen, setSeen] = useState(value);
  const [left, setLeft] = useState(false);
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== (value === null ? "" : String(value))) setText(value === null ? "" : String(value));
  }
  const trimmed = text.trim();
  const age = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : NaN;
  const error = !left || trimmed === "" || (age >= 10 && age <= 18) ? null : "Enter an age between 10 and 18";
  return (
    <div className={error ? "border-l-4 border-error pl-3" : undefined}>
      <label htmlFor="case-age" className="block font-semibold">
        Age at disposal
      </label>
      {error ? (
        <p id="case-age-error" className="font-semibold text-error">
          <span className="sr-only">Error:</span> {error}
          <span className="block font-normal text-ink">{value === null ? "No age is on record." : `The age on record is still ${value}.`}</span>
        </p>
      ) : null}
      <input
        id="case-age"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "case-age-error" : undefined}
        onBlur={() => setLeft(true)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const typed = next.trim();
          const n = /^\d{1,2}$/.test(typed) ? Number(typed) : NaN;
          if (typed === "") {
            setSeen(null);
            onChange(null);
          } else if (n >= 10 && n <= 18) {
            setSeen(n);
            onChange(n);
          }
        }}
        className={`${inputClass} w-20`}
      />
    </div>
  );
}

export function CaseCorrections({
  fields,
  disposalOptions,
  edit,
  disabled,
}: {
  fields: Readonly<Record<string, Scalar>>;
  disposalOptions: CasePageModel["disposalOptions"];
  edit: CaseStore["edit"];
  /** A conflict on the case's details waits to be resolved. */
  disabled: boolean;
}) {
  const select = (name: "disposalType" | "rosh" | "safetyWellbeing" | "gender", label: string, options: readonly { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`case-${name}`} className="block font-semibold">
        {label}
      </label>
      <select
        id={`case-${name}`}
        value={(fields[name] as string | null) ?? ""}
        onChange={(e) => edit(CASE, { [name]: e.target.value === "" ? null : e.target.value })}
        disabled={disabled}
        className={selectClass}
      >
        {name !== "disposalType" ? <option value="">Not recorded</option> : null}
        <SelectOptions options={options} />
      </select>
    </div>
  );
  return (
    <>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        {select("disposalType", "Disposal type", disposalOptions)}
        {select("rosh", "Risk of serious harm", CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] })))}
        {select("safetyWellbeing", "Safety and wellbeing", CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] })))}
        {select("gender", "Gender", GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] })))}
        <div>
          <AgeInput value={typeof fields.age === "number" ? fields.age : null} onChange={(age) => edit(CASE, { age }, "typing")} />
        </div>
      </div>
      <DateInput
        id="case-disposal-date"
        legend="Disposal date"
        value={(fields.disposalDate as string | null) ?? null}
        onChange={(iso) => edit(CASE, { disposalDate: iso }, "typing")}
      />
    </>
  );
}
