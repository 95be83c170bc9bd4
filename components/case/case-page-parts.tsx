"use client";

import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field-parts";
import { StatusNotice } from "@/components/ui/notice";
import { OnDemand } from "@/components/ui/on-demand";
import { fieldIds } from "@/lib/cases/field-ids";
import { CLASSIFICATION_LABELS, DISPOSAL_TYPE_LABELS, GENDER_LABELS } from "@/lib/framework/case-attributes";
import { formatDate } from "@/lib/dates";
import { summaryOf } from "@/lib/http/form-state";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import type { CaseStatus } from "@/lib/statuses";
import { useCasePage } from "./case-page-state";
import { ChoiceGroup, fromBoolean, YES_NO } from "./choice-group";
import { DateInput } from "./date-input";
import { CaseConflictPanel, CaseCorrections, ErrorSummary, QaPanel } from "./on-demand-parts";
import { QuestionCard, questionApplicability } from "./question-card";
import { ShortcutsHelp, useQuestionShortcuts } from "./shortcuts";

// The case page's interactive parts, each placed by the server's rendering of the page
// (case-workspace.tsx) and reading the page's live state (case-page-state.tsx).

const NO_ERRORS = {};
const CASE_TARGET = { target: "case" } as const;

/** The list of problems from the last completion (or the wait for unsent changes), and its success. */
export function CompletionFeedback() {
  const { completion, errors, unsent } = useCasePage();
  const summary = unsent
    ? [{ field: "save-status", message: unsent }]
    : summaryOf(completion)
        .filter((e) => e.field === "form" || e.field in errors)
        .map((e) => (e.field === "form" ? { ...e, field: "completion" } : e));
  useEffect(() => {
    const base = document.title.replace(/^Error: /, "");
    document.title = summary.length > 0 ? `Error: ${base}` : base;
  }, [summary.length]);
  return (
    <>
      {summary.length > 0 ? (
        <OnDemand what="the list of problems">
          <ErrorSummary errors={summary} />
        </OnDemand>
      ) : null}
      {completion.status === "success" ? <StatusNotice>{completion.message}</StatusNotice> : null}
    </>
  );
}

/** `children` (rendered on the server) while the case's status, as the server last said, is (or is not) one of these. */
export function WhenCaseStatus({ is, isNot, children }: { is?: readonly CaseStatus[]; isNot?: readonly CaseStatus[]; children: ReactNode }) {
  const status = useCasePage().store.caseStatus;
  return (is === undefined || is.includes(status)) && !isNot?.includes(status) ? children : null;
}

/**
 * Nothing can be answered until the changes kept in this browser are on the page (use-case-store):
 * the server's render is inert, so a click before the scripts arrive cannot tick a radio that React
 * then does not know of, and the outbox's load makes it live with one attribute. It was each control's
 * `disabled`, a hundred DOM changes in one task at load, which the browser's style engine and assistive
 * technology each follow (bench/RESULTS.md). Meanwhile the save bar says the page is loading.
 */
export function InertUntilReady({ children }: { children: ReactNode }) {
  return <div inert={!useCasePage().store.ready}>{children}</div>;
}

export function LiveCaseStatus() {
  return <>{CASE_STATUS_LABELS[useCasePage().store.caseStatus]}</>;
}

/** The case's details that a correction changes, as the page shows them now. */
export function LiveCaseDetails() {
  const { model, store } = useCasePage();
  const fields = store.local.caseFields;
  const label = (labels: Readonly<Record<string, string>>, value: unknown) => labels[String(value)];
  return (
    <>
      <dt className="font-semibold">Disposal</dt>
      <dd>
        {label(DISPOSAL_TYPE_LABELS, fields.disposalType) ?? String(fields.disposalType)}
        {fields.disposalDate ? `, ${formatDate(new Date(`${String(fields.disposalDate)}T00:00:00Z`))}` : ""}
      </dd>
      <dt className="font-semibold">Child</dt>
      <dd>
        {label(GENDER_LABELS, fields.gender) ?? "Gender not recorded"}, {fields.age ? `aged ${String(fields.age)}` : "age not recorded"}
        {model.case.ethnicity ? `, ${model.case.ethnicity}` : ""}
      </dd>
      <dt className="font-semibold">Risk of serious harm</dt>
      <dd>{label(CLASSIFICATION_LABELS, fields.rosh) ?? "Not recorded"}</dd>
      <dt className="font-semibold">Safety and wellbeing</dt>
      <dd>{label(CLASSIFICATION_LABELS, fields.safetyWellbeing) ?? "Not recorded"}</dd>
    </>
  );
}

/** Someone else's change to the case's details, waiting for the inspector's choice. */
export function CaseDetailsConflict() {
  const { model, store } = useCasePage();
  const conflict = store.conflicts[`${model.case.id}|case`];
  return conflict ? (
    <OnDemand what="the change to the case's details made by someone else">
      <CaseConflictPanel conflict={conflict} title="The case's details were changed by someone else" onResolve={(c) => void store.resolveConflict(conflict, c)} />
    </OnDemand>
  ) : null;
}

/** A yes / no judgement stored on the case: its harm factors, safety and wellbeing factors, or the interview. */
export function CaseJudgement({
  name,
  id,
  legend,
  hint,
}: {
  name: "harmFactors" | "safetyWellbeingFactors" | "caseManagerInterviewed";
  id: string;
  legend: string;
  hint?: string;
}) {
  const { model, store, errors } = useCasePage();
  return (
    <ChoiceGroup
      id={id}
      name={id}
      legend={legend}
      hint={hint}
      error={errors[`${id}-yes`]}
      choices={YES_NO}
      value={fromBoolean(store.local.caseFields[name])}
      onChange={(v) => store.edit(CASE_TARGET, { [name]: v === "yes" })}
      disabled={!model.rights.canAnswer || Boolean(store.conflicts[`${model.case.id}|case`])}
    />
  );
}

/** Corrections to the case's details, loaded when opened. */
export function CaseCorrectionsDisclosure() {
  const { model, store } = useCasePage();
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-4 max-w-3xl" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-link underline">Correct the case&apos;s details</summary>
      <p className="text-muted mt-1 text-sm">Corrections are saved as you make them and kept in the case history.</p>
      {open ? (
        <OnDemand what="the case's details">
          <CaseCorrections
            fields={store.local.caseFields}
            disposalOptions={model.disposalOptions}
            edit={store.edit}
            disabled={Boolean(store.conflicts[`${model.case.id}|case`])}
          />
        </OnDemand>
      ) : null}
    </details>
  );
}

/** The keyboard shortcuts for key questions, and their help. */
export function CaseShortcuts() {
  const { edit } = useCasePage().store;
  const onAnswer = useCallback((questionId: string, value: "yes" | "no" | "na") => edit({ target: "answer", questionId }, { value }), [edit]);
  const [enabled, setEnabled] = useQuestionShortcuts(onAnswer);
  return <ShortcutsHelp enabled={enabled} onToggle={setEnabled} />;
}

export function SectionCompletedBadge({ sectionId }: { sectionId: string }) {
  return useCasePage().store.markedSections.includes(sectionId) ? (
    <span className="ml-3 inline-block bg-success px-2 py-0.5 align-middle text-base text-white">Completed</span>
  ) : null;
}

/** A button that marks the case (`scope` "case") or one section complete, once the outbox has sent everything. */
export function CompletionForm({ scope, label, primary = false }: { scope: string; label: string; primary?: boolean }) {
  const { model, store, completing, submitCompletion } = useCasePage();
  if (scope !== "case" && store.markedSections.includes(scope)) return null;
  return (
    <form method="post" onSubmit={submitCompletion} className="mt-4">
      <input type="hidden" name="inspectionId" value={model.inspection.id} />
      <input type="hidden" name="caseId" value={model.case.id} />
      <input type="hidden" name="scope" value={scope} />
      <Button variant={primary ? "primary" : "secondary"} disabled={completing}>
        {label}
      </Button>
    </form>
  );
}

/** One key question's card, given what the page knows of it now; the card itself is rendered again only when that changes. */
export function LiveQuestionCard({ sectionIndex, questionIndex }: { sectionIndex: number; questionIndex: number }) {
  const { model, store, errors } = useCasePage();
  const question = model.sections[sectionIndex]!.questions[questionIndex]!;
  const key = `${model.case.id}|answer|${question.id}`;
  const conflict = store.conflicts[key];
  const applicability = questionApplicability(question, model.case.stream, store.local.caseFields);
  const answer = errors[fieldIds.answer(question.id)];
  const rationale = errors[fieldIds.rationale(question.id)];
  const naReason = errors[fieldIds.naReason(question.id)];
  return (
    <QuestionCard
      question={question}
      answer={store.local.answers[question.id]}
      applies={applicability.applies}
      notApplyingReason={applicability.applies ? undefined : applicability.reason}
      pendingJudgement={applicability.applies ? applicability.pendingJudgement : undefined}
      conflict={conflict}
      remote={store.remoteChanges[key]}
      disabled={!model.rights.canAnswer || Boolean(conflict)}
      canEdit={model.rights.canAnswer}
      // The same object while there are none, so that the card is not rendered again.
      errors={answer || rationale || naReason ? { answer, rationale, naReason } : NO_ERRORS}
      rationaleNorm={model.rationaleNorm}
      edit={store.edit}
      resolveConflict={store.resolveConflict}
      queries={model.queries}
      inspectionId={model.inspection.id}
      caseId={model.case.id}
      canQualityAssure={model.rights.canQualityAssure && model.case.status !== "approved"}
    />
  );
}

/** The interview's date, asked once the case manager was interviewed. */
export function InterviewDate() {
  const { model, store, errors } = useCasePage();
  const fields = store.local.caseFields;
  return fields.caseManagerInterviewed === true ? (
    <DateInput
      id={fieldIds.interviewDate}
      legend="Date of the interview"
      hint="For example, 24 11 2026"
      error={errors[fieldIds.interviewDate]}
      value={(fields.caseManagerInterviewDate as string | null) ?? null}
      onChange={(iso) => store.edit(CASE_TARGET, { caseManagerInterviewDate: iso }, "typing")}
      disabled={!model.rights.canAnswer}
    />
  ) : null;
}

/** The overall notes' box; its label and hint are the server's (`id`, `${id}-hint`). */
export function OverallNotes({ id }: { id: string }) {
  const { model, store } = useCasePage();
  return (
    <textarea
      id={id}
      rows={5}
      aria-describedby={`${id}-hint`}
      value={(store.local.caseFields.overallNotes as string | null) ?? ""}
      onChange={(e) => store.edit(CASE_TARGET, { overallNotes: e.target.value }, "typing")}
      disabled={!model.rights.canAnswer || Boolean(store.conflicts[`${model.case.id}|case`])}
      className={`${inputClass} max-w-3xl`}
    />
  );
}

/** The lead's quality assurance, loaded when shown. */
export function CaseQualityAssurance() {
  const { model, store } = useCasePage();
  return (
    <OnDemand what="the quality assurance panel">
      <QaPanel model={model} status={store.caseStatus} />
    </OnDemand>
  );
}
