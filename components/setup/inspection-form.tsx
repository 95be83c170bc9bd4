"use client";

import { useState } from "react";
import { createInspectionAction } from "@/app/inspections/new/actions";
import { updateDetailsAction } from "@/app/inspections/[inspectionId]/setup/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldShell, inputClass } from "@/components/ui/field";
import { StatusNotice } from "@/components/ui/notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { fieldError, summaryOf } from "@/lib/http/form-state";
import { FRAMEWORK_LABELS } from "@/lib/inspections/labels";
import { hasStreamWindows, proposeInspectionWindows, YJS_2018_WINDOW_ASSUMPTION } from "@/lib/framework/eligibility-window";

export interface InspectionDetailsValues {
  yjsName: string;
  frameworkVersion: string;
  fieldworkStart: string;
  /** yjs-2021: the one window; yjs-2018: the court disposal window. */
  windowStart: string;
  windowEnd: string;
  /** yjs-2018 only: the out-of-court disposal window. */
  oocWindowStart: string;
  oocWindowEnd: string;
}

const WINDOW_FIELDS = ["windowStart", "windowEnd", "oocWindowStart", "oocWindowEnd"] as const;

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
 * the user types their own dates: for yjs-2021 one window (start − 364 days, end − 66 days); for
 * yjs-2018 a court disposal window (9 to 6 months before) and an out-of-court one (5 to 3 months).
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
  const { state, pending, formRef, onSubmit } = useFormAction(inspectionId ? updateDetailsAction : createInspectionAction);
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
  const streamWindows = hasStreamWindows(values.frameworkVersion);
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
        className={`${inputClass} ${type === "date" ? "max-w-xs" : ""}`}
      />
    );
  };
  const windowHint = proposal
    ? `Proposed from the fieldwork date: 364 days before it to 66 days before it (${proposal.windowStart} to ${proposal.windowEnd}), the pattern of the 2021 framework's reports. Change it if this inspection's window differs.`
    : "Enter the first and last eligible disposal dates, or leave both blank to use the proposal.";
  const dateFields = (start: keyof InspectionDetailsValues, end: keyof InspectionDetailsValues, what: string) => (
    // Two equal columns, so both windows' dates line up however long their labels are.
    <div className="grid gap-x-6 sm:grid-cols-2">
      <FieldShell id={start} label={`First eligible ${what} date`} error={fieldError(state, start)}>
        {input(start, "date")}
      </FieldShell>
      <FieldShell id={end} label={`Last eligible ${what} date`} error={fieldError(state, end)}>
        {input(end, "date")}
      </FieldShell>
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
      {streamWindows ? (
        <div className="mb-5">
          <p id="window-assumption" className="mb-3 text-sm">
            <strong>How the windows are proposed:</strong> {YJS_2018_WINDOW_ASSUMPTION}. Change either window if this inspection&apos;s differs.
          </p>
          <fieldset className="mb-3 border-0 p-0" aria-describedby="court-window-hint window-assumption">
            <legend className="text-lg font-bold">Court disposal eligibility window</legend>
            <p id="court-window-hint" className="text-muted mb-2 text-sm">
              {proposal ? `Proposed: nine to six months before fieldwork (${proposal.windowStart} to ${proposal.windowEnd}).` : "Enter the fieldwork date to see the proposal."}
            </p>
            {dateFields("windowStart", "windowEnd", "court disposal")}
          </fieldset>
          <fieldset className="mb-3 border-0 p-0" aria-describedby="ooc-window-hint window-assumption">
            <legend className="text-lg font-bold">Out-of-court disposal eligibility window</legend>
            <p id="ooc-window-hint" className="text-muted mb-2 text-sm">
              {proposal
                ? `Proposed: five to three months before fieldwork (${proposal.oocWindowStart} to ${proposal.oocWindowEnd}).`
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
