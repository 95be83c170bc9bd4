"use client";

import { useState } from "react";
import { DateInput } from "@/components/case/date-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, summaryOf, type ServerFormAction } from "@/lib/http/form-state";
import { formatDate } from "@/lib/dates";
import { FRAMEWORK_VERSION_LABELS } from "@/lib/framework";
import { describeWindowSpan, proposeInspectionWindows, windowRule } from "@/lib/framework/eligibility-window";

export interface InspectionDetailsValues {
  yjsName: string;
  frameworkVersion: string;
  fieldworkStart: string;
  /** The one window, or (for a version with an out-of-court window) the court disposal window. */
  windowStart: string;
  windowEnd: string;
  /** Only for a version with an out-of-court window. */
  oocWindowStart: string;
  oocWindowEnd: string;
}

const WINDOW_FIELDS = ["windowStart", "windowEnd", "oocWindowStart", "oocWindowEnd"] as const;
type DateField = "fieldworkStart" | (typeof WINDOW_FIELDS)[number];

/** A form's ISO date as people read it, e.g. 23 January 2023. */
const dayOf = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

/** The proposal as form values ("" where there is none). */
function proposalFor(frameworkVersion: string, fieldworkStart: string): Pick<InspectionDetailsValues, (typeof WINDOW_FIELDS)[number]> | null {
  const proposal = proposeInspectionWindows(frameworkVersion, fieldworkStart);
  if (!proposal) return null;
  return {
    windowStart: proposal.window?.start ?? "",
    windowEnd: proposal.window?.end ?? "",
    oocWindowStart: proposal.oocWindow?.start ?? "",
    oocWindowEnd: proposal.oocWindow?.end ?? "",
  };
}

/**
 * Create an inspection, or edit its details. The eligibility windows follow the fieldwork date until
 * the user types their own dates, as the version's window rule proposes them (one window, or one for
 * court and one for out-of-court disposals: MethodRules.windows in lib/framework).
 */
export function InspectionDetailsForm({
  saveAction,
  inspectionId,
  initial,
  datesLocked = false,
}: {
  /** Creates the inspection, or (with inspectionId) saves its details. */
  saveAction: ServerFormAction;
  inspectionId?: string;
  initial: InspectionDetailsValues;
  /** After set-up, only the name can change. */
  datesLocked?: boolean;
}) {
  const { state, pending, formRef, onSubmit } = useFormAction(saveAction);
  const [values, setValues] = useState(initial);
  const [windowEdited, setWindowEdited] = useState(inspectionId !== undefined);
  const proposal = proposalFor(values.frameworkVersion, values.fieldworkStart);

  const change = (field: keyof InspectionDetailsValues, value: string) => {
    setValues((current) => {
      const next = { ...current, [field]: value };
      if ((field === "fieldworkStart" || field === "frameworkVersion") && !windowEdited) {
        const proposed = proposalFor(next.frameworkVersion, next.fieldworkStart);
        for (const windowField of WINDOW_FIELDS) next[windowField] = proposed?.[windowField] ?? "";
      }
      return next;
    });
    if ((WINDOW_FIELDS as readonly string[]).includes(field)) setWindowEdited(true);
  };
  const useProposal = () => {
    if (!proposal) return;
    setValues((current) => ({ ...current, ...proposal }));
    setWindowEdited(false);
  };
  const rule = windowRule(values.frameworkVersion);
  const streamWindows = (rule?.outOfCourt ?? null) !== null;
  const differsFromProposal =
    proposal !== null && WINDOW_FIELDS.some((field) => (streamWindows || !field.startsWith("ooc")) && values[field] !== proposal[field]);

  const input = (field: keyof InspectionDetailsValues, type: string, hasHint = false) => {
    const error = fieldError(state, field);
    const describedBy = [hasHint ? `${field}-hint` : null, error ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <input
        id={field}
        name={field}
        type={type}
        value={values[field]}
        onChange={(event) => change(field, event.target.value)}
        readOnly={datesLocked && field !== "yjsName"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
    );
  };
  // GOV.UK date inputs (day, month, year), as on the case page: a partial or impossible date is
  // posted as typed, so the server refuses it by the field instead of a browser picker guessing.
  const dateInput = (field: DateField, legend: string, hint?: string) => (
    <div className="mb-5">
      <DateInput
        id={field}
        name={field}
        legend={legend}
        hint={hint}
        error={fieldError(state, field)}
        value={values[field] || null}
        onChange={(iso) => change(field, iso ?? "")}
        readOnly={datesLocked}
      />
    </div>
  );
  const windowHint =
    proposal && rule
      ? `Proposed from the fieldwork date: ${describeWindowSpan(rule.window)} (${dayOf(proposal.windowStart)} to ${dayOf(proposal.windowEnd)}), ${rule.basis}. Change it if this inspection's window differs.`
      : "Enter the first and last eligible disposal dates, or leave both blank to use the proposal.";
  const dateFields = (start: (typeof WINDOW_FIELDS)[number], end: (typeof WINDOW_FIELDS)[number], what: string) => (
    // Two equal columns, so both windows' dates line up however long their labels are.
    <div className="grid gap-x-6 sm:grid-cols-2">
      {dateInput(start, `First eligible ${what} date`)}
      {dateInput(end, `Last eligible ${what} date`)}
    </div>
  );

  return (
    <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="max-w-2xl">
      <ErrorSummary errors={summaryOf(state)} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      {inspectionId ? <input type="hidden" name="inspectionId" value={inspectionId} /> : null}
      <FieldShell id="yjsName" label="Youth justice service" error={fieldError(state, "yjsName")}>
        {input("yjsName", "text")}
      </FieldShell>
      <FieldShell
        id="frameworkVersion"
        label="Framework version"
        error={fieldError(state, "frameworkVersion")}
        hint={datesLocked ? "Fieldwork has started: the framework, dates and window can no longer change." : undefined}
      >
        <select
          id="frameworkVersion"
          name="frameworkVersion"
          value={values.frameworkVersion}
          onChange={(event) => change("frameworkVersion", event.target.value)}
          disabled={datesLocked}
          aria-invalid={fieldError(state, "frameworkVersion") ? true : undefined}
          className={`${inputClass} bg-white`}
        >
          {Object.entries(FRAMEWORK_VERSION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {value} — {label}
            </option>
          ))}
        </select>
        {datesLocked ? <input type="hidden" name="frameworkVersion" value={values.frameworkVersion} /> : null}
      </FieldShell>
      {dateInput("fieldworkStart", "Fieldwork starts", "The first day of fieldwork. For example, 22 1 2024")}
      {rule?.outOfCourt ? (
        <div className="mb-5">
          <p id="window-assumption" className="mb-3 text-sm">
            <strong>How the windows are proposed:</strong> {rule.assumption ?? rule.basis}. Change either window if this inspection&apos;s differs.
          </p>
          <fieldset className="mb-3 border-0 p-0" aria-describedby="court-window-hint window-assumption">
            <legend className="text-lg font-bold">Court disposal eligibility window</legend>
            <p id="court-window-hint" className="text-muted mb-2 text-sm">
              {proposal ? `Proposed: ${describeWindowSpan(rule.window)} (${dayOf(proposal.windowStart)} to ${dayOf(proposal.windowEnd)}).` : "Enter the fieldwork date to see the proposal."}
            </p>
            {dateFields("windowStart", "windowEnd", "court disposal")}
          </fieldset>
          <fieldset className="mb-3 border-0 p-0" aria-describedby="ooc-window-hint window-assumption">
            <legend className="text-lg font-bold">Out-of-court disposal eligibility window</legend>
            <p id="ooc-window-hint" className="text-muted mb-2 text-sm">
              {proposal
                ? `Proposed: ${describeWindowSpan(rule.outOfCourt)} (${dayOf(proposal.oocWindowStart)} to ${dayOf(proposal.oocWindowEnd)}).`
                : "Enter the fieldwork date to see the proposal."}
            </p>
            {dateFields("oocWindowStart", "oocWindowEnd", "out-of-court disposal")}
          </fieldset>
        </div>
      ) : (
        <fieldset className="mb-5 border-0 p-0" aria-describedby="window-hint">
          <legend className="text-lg font-bold">Eligibility window</legend>
          <p id="window-hint" className="text-muted mb-2 text-sm">
            {windowHint}
          </p>
          {dateFields("windowStart", "windowEnd", "disposal")}
        </fieldset>
      )}
      {proposal && windowEdited && !datesLocked && differsFromProposal ? (
        <div className="mb-5">
          <Button type="button" variant="secondary" onClick={useProposal}>
            {streamWindows ? "Use the proposed windows" : "Use the proposed window"}
          </Button>
        </div>
      ) : null}
      <Button disabled={pending}>{inspectionId ? "Save details" : "Create inspection"}</Button>
    </form>
  );
}
