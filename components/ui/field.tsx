import type { ReactNode } from "react";
import { controlClass, describedBy, FieldError, FieldHint, inputClass, SelectOptions, type Option } from "./field-parts";

// GOV.UK Design System form patterns: a visible label (a legend for a group), an optional hint, and
// an error message that is announced with the field (aria-describedby) and named in the page's
// error summary.

interface BaseProps {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export { describedBy, FieldError, FieldHint, inputClass, SelectOptions, type Option } from "./field-parts";

/** What a control carries to be named, described and marked invalid with its label, hint and error. */
function controlProps(id: string, name: string, hint: unknown, error: unknown) {
  return { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) };
}

export function FieldShell({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}


/** A field's control inside its FieldShell, given what ties it to the label, hint and error. */
function shelled({ id, name, label, hint, error }: BaseProps, control: (props: ReturnType<typeof controlProps>) => ReactNode) {
  const fieldId = id ?? name;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error}>
      {control(controlProps(fieldId, name, hint, error))}
    </FieldShell>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  required,
  className,
  maxLength,
  ...field
}: BaseProps & { type?: string; defaultValue?: string; autoComplete?: string; required?: boolean; className?: string; maxLength?: number }) {
  return shelled(field, (props) => (
    <input {...props} type={type} defaultValue={defaultValue} autoComplete={autoComplete} required={required} maxLength={maxLength} className={`${inputClass} ${className ?? ""}`} />
  ));
}

/** A multi-line answer; `wide` lets it run to the width of a page's text rather than of a form. */
export function TextAreaField({ defaultValue, rows = 3, maxLength, wide = false, ...field }: BaseProps & { defaultValue?: string; rows?: number; maxLength: number; wide?: boolean }) {
  return shelled(field, (props) => <textarea {...props} rows={rows} defaultValue={defaultValue} maxLength={maxLength} className={wide ? `${controlClass} max-w-3xl` : inputClass} />);
}

export function SelectField({ options, defaultValue, ...field }: BaseProps & { options: readonly Option[]; defaultValue?: string }) {
  return shelled(field, (props) => (
    <select {...props} defaultValue={defaultValue} className={`${inputClass} bg-white`}>
      <SelectOptions options={options} />
    </select>
  ));
}

/**
 * A GOV.UK radio group for a form that posts: a fieldset and legend around native radios (one tab
 * stop, arrow keys within), the error announced with the group. The fieldset takes the error
 * summary's link (tabIndex −1). The case page's controlled groups are components/case/choice-group.tsx.
 */
export function RadiosField({ id, name, legend, hint, error, options, defaultValue }: Omit<BaseProps, "label"> & { legend: ReactNode; options: readonly Option[]; defaultValue?: string | null }) {
  const fieldId = id ?? name;
  return (
    <fieldset id={fieldId} tabIndex={-1} aria-describedby={describedBy(fieldId, hint, error)} className={`mb-5 ${error ? "border-l-4 border-error pl-3" : ""}`}>
      <legend className="font-semibold">{legend}</legend>
      <FieldHint id={fieldId} hint={hint} />
      <FieldError id={fieldId} error={error} />
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={option.value} defaultChecked={defaultValue === option.value} className="h-6 w-6" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A select in a row of controls, such as a table row's form: a small label above it (or one for
 * screen readers only, where the table's column names it), and a hint beside. Keyed on its saved
 * value, so a change saved elsewhere shows once the page refreshes.
 */
export function InlineSelect({ id, name, label, hint, options, defaultValue, labelHidden = false }: { id: string; name: string; label: ReactNode; hint?: ReactNode; options: readonly Option[]; defaultValue: string; labelHidden?: boolean }) {
  return (
    <div className={`flex flex-col ${labelHidden ? "" : "text-sm"}`}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "font-semibold"}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} className="text-muted max-w-sm" />
      <select key={defaultValue} id={id} name={name} defaultValue={defaultValue} aria-describedby={describedBy(id, hint, null)} className="border-2 border-ink bg-white px-2 py-1">
        <SelectOptions options={options} />
      </select>
    </div>
  );
}

/** A text box in a row of controls, such as a table row's form, its small label above it. */
export function InlineInput({ id, name, label, type = "text", autoComplete = "off", maxLength }: { id: string; name: string; label: ReactNode; type?: string; autoComplete?: string; maxLength?: number }) {
  return (
    <label className="flex flex-col text-sm" htmlFor={id}>
      <span className="font-semibold">{label}</span>
      <input id={id} type={type} name={name} maxLength={maxLength} autoComplete={autoComplete} className="border-2 border-ink px-2 py-1" />
    </label>
  );
}
