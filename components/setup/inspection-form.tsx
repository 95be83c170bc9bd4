"use client";

import { useActionState, useState } from "react";
import { createInspectionAction } from "@/app/inspections/new/actions";
import { updateDetailsAction } from "@/app/inspections/[inspectionId]/setup/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { fieldError, IDLE, summaryOf } from "@/lib/http/form-state";
import { FRAMEWORK_LABELS } from "@/lib/inspections/labels";
import { isRealIsoDate, proposeEligibilityWindow } from "@/lib/sampling/eligibility-window";

export interface InspectionDetailsValues {
  yjsName: string;
  frameworkVersion: string;
  fieldworkStart: string;
  windowStart: string;
  windowEnd: string;
}

function proposalFor(frameworkVersion: string, fieldworkStart: string) {
  return frameworkVersion === "yjs-2021" && isRealIsoDate(fieldworkStart) ? proposeEligibilityWindow(fieldworkStart) : null;
}

/**
 * Create an inspection, or edit its details. For yjs-2021 the eligibility window follows the
 * fieldwork date (start − 364 days, end − 66 days) until the user types their own dates.
 */
export function InspectionDetailsForm({
  inspectionId,
  initial,
  datesLocked = false,
}: {
  inspectionId?: string;
  initial: InspectionDetailsValues;
  /** After set-up, only the name can change. */
  datesLocked?: boolean;
}) {
  const [state, action, pending] = useActionState(inspectionId ? updateDetailsAction : createInspectionAction, IDLE);
  const [values, setValues] = useState(initial);
  const [windowEdited, setWindowEdited] = useState(inspectionId !== undefined);
  const proposal = proposalFor(values.frameworkVersion, values.fieldworkStart);

  const change = (field: keyof InspectionDetailsValues, value: string) => {
    setValues((current) => {
      const next = { ...current, [field]: value };
      if ((field === "fieldworkStart" || field === "frameworkVersion") && !windowEdited) {
        const proposed = proposalFor(next.frameworkVersion, next.fieldworkStart);
        next.windowStart = proposed?.start ?? "";
        next.windowEnd = proposed?.end ?? "";
      }
      return next;
    });
    if (field === "windowStart" || field === "windowEnd") setWindowEdited(true);
  };
  const useProposal = () => {
    if (!proposal) return;
    setValues((current) => ({ ...current, windowStart: proposal.start, windowEnd: proposal.end }));
    setWindowEdited(false);
  };

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
        className={`${inputClass} ${type === "date" ? "max-w-xs" : ""}`}
      />
    );
  };
  const windowHint = proposal
    ? `Proposed from the fieldwork date: 364 days before it to 66 days before it (${proposal.start} to ${proposal.end}), the pattern of the 2021 framework's reports. Change it if this inspection's window differs.`
    : values.frameworkVersion === "yjs-2018"
      ? "The 2018 framework's reports give no fixed window (court cases six to nine months before, out-of-court three to five); enter the dates, or leave both blank."
      : "Enter the first and last eligible disposal dates.";

  return (
    <form action={action} noValidate className="max-w-2xl">
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
          {Object.entries(FRAMEWORK_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {value} — {label}
            </option>
          ))}
        </select>
        {datesLocked ? <input type="hidden" name="frameworkVersion" value={values.frameworkVersion} /> : null}
      </FieldShell>
      <FieldShell id="fieldworkStart" label="Fieldwork starts" hint="The first day of fieldwork, for example 2024-01-22." error={fieldError(state, "fieldworkStart")}>
        {input("fieldworkStart", "date", true)}
      </FieldShell>
      <fieldset className="mb-5 border-0 p-0" aria-describedby="window-hint">
        <legend className="text-lg font-bold">Eligibility window</legend>
        <p id="window-hint" className="text-muted mb-2 text-sm">
          {windowHint}
        </p>
        <div className="flex flex-wrap gap-6">
          <FieldShell id="windowStart" label="First eligible disposal date" error={fieldError(state, "windowStart")}>
            {input("windowStart", "date")}
          </FieldShell>
          <FieldShell id="windowEnd" label="Last eligible disposal date" error={fieldError(state, "windowEnd")}>
            {input("windowEnd", "date")}
          </FieldShell>
        </div>
        {proposal && windowEdited && !datesLocked && (values.windowStart !== proposal.start || values.windowEnd !== proposal.end) ? (
          <Button type="button" variant="secondary" onClick={useProposal}>
            Use the proposed window
          </Button>
        ) : null}
      </fieldset>
      <Button disabled={pending}>{inspectionId ? "Save details" : "Create inspection"}</Button>
    </form>
  );
}
