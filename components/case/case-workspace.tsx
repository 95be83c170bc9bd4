"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field-parts";
import { StatusNotice } from "@/components/ui/notice";
import type { Scalar } from "@/lib/flat-fields";
import { fieldIds } from "@/lib/cases/field-ids";
import type { CasePageModel } from "@/lib/cases/queries";
import { CLASSIFICATION_LABELS, DISPOSAL_TYPE_LABELS, GENDER_LABELS, STREAM_LABELS } from "@/lib/framework/case-attributes";
import { IDLE, summaryOf } from "@/lib/http/form-state";
import { formatDate } from "@/lib/dates";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { useCaseActions } from "./case-actions";
import { ChoiceGroup, fromBoolean, YES_NO } from "./choice-group";
import { OnDemand } from "@/components/ui/on-demand";
import { DateInput } from "./date-input";
import { CaseConflictPanel, CaseCorrections, ErrorSummary, QaPanel } from "./on-demand-parts";
import { casesPath } from "./offline-cache-names";
import type { LocalState } from "./outbox-logic";
import { QuestionCard, questionApplicability } from "./question-card";
import { SaveStatus } from "./save-status";
import { SessionWarning } from "./session-warning";
import { ShortcutsHelp, useQuestionShortcuts } from "./shortcuts";
import { useCaseStore } from "./use-case-store";

// The case page: attributes at the top, one section per standard of the stream, the case manager
// interview, overall notes, completion, the lead's quality assurance. Everything typed goes to the
// IndexedDB outbox first (use-case-store), so nothing depends on the network being there.

const NO_ERRORS = {};

/**
 * The completion errors still true of the page as it is now: an error about a question that no longer
 * applies, or one the inspector has since fixed, leaves the summary (and its link, whose control may
 * be gone). Errors the page cannot judge (a lead's comment) stay until the next attempt.
 */
function stillOpen(model: CasePageModel, local: LocalState, errors: Readonly<Record<string, string>>): Record<string, string> {
  const fields = local.caseFields;
  const open: Record<string, string> = {};
  const byField = new Map<string, { question: CasePageModel["sections"][number]["questions"][number]; kind: "answer" | "rationale" | "naReason" }>();
  for (const section of model.sections) {
    for (const question of section.questions) {
      byField.set(fieldIds.answer(question.id), { question, kind: "answer" });
      byField.set(fieldIds.rationale(question.id), { question, kind: "rationale" });
      byField.set(fieldIds.naReason(question.id), { question, kind: "naReason" });
    }
  }
  for (const [field, message] of Object.entries(errors)) {
    const target = byField.get(field);
    let stays = true;
    if (target) {
      const answer = local.answers[target.question.id] ?? {};
      const blank = (v: Scalar | undefined) => typeof v !== "string" || v.trim() === "";
      stays =
        questionApplicability(target.question, model.case.stream, fields).applies &&
        (target.kind === "answer"
          ? answer.value == null || (answer.value === "na" && !target.question.notApplicableAllowed)
          : target.kind === "rationale"
            ? answer.value === "no" && blank(answer.rationale)
            : answer.value === "na" && blank(answer.naReason));
    } else if (field === fieldIds.harmFactors) stays = fields.harmFactors == null;
    else if (field === fieldIds.safetyWellbeingFactors) stays = fields.safetyWellbeingFactors == null;
    else if (field === fieldIds.interviewed) stays = fields.caseManagerInterviewed == null;
    else if (field === fieldIds.interviewDate) stays = fields.caseManagerInterviewed === true && !fields.caseManagerInterviewDate;
    if (stays) open[field] = message;
  }
  return open;
}

export function CaseWorkspace({ model }: { model: CasePageModel }) {
  const store = useCaseStore(model);
  const { completeAction } = useCaseActions();
  const [state, complete, completing] = useActionState(completeAction, IDLE);
  const [unsent, setUnsent] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const canEdit = model.rights.canAnswer;
  const caseTarget = { target: "case" as const };
  const fields = store.local.caseFields;
  const edit = store.edit;
  const onAnswer = useCallback((questionId: string, value: "yes" | "no" | "na") => edit({ target: "answer", questionId }, { value }), [edit]);
  const [shortcutsOn, setShortcutsOn] = useQuestionShortcuts(onAnswer);
  // What the browser scrolls into view (an error-summary link's field, a focused control) stops below
  // the sticky save bar, however tall it has wrapped (320 px, a conflict message): its height + a gap.
  // Set on the element itself, not through state: a re-render of the whole page for a CSS variable
  // was one of the long tasks after the page loaded.
  const page = useRef<HTMLDivElement>(null);
  const saveBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = saveBar.current;
    if (!bar || !page.current || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => page.current?.style.setProperty("--save-bar-offset", `${Math.ceil(bar.getBoundingClientRect().height) + 16}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  const errors = state.status === "error" ? stillOpen(model, store.local, state.fieldErrors) : {};
  const summary = unsent
    ? [{ field: "save-status", message: unsent }]
    : summaryOf(state)
        .filter((e) => e.field === "form" || e.field in errors)
        .map((e) => (e.field === "form" ? { ...e, field: "completion" } : e));
  // Each card's errors, the same object while they are unchanged (so that its card is not rendered again).
  const errorsOf = (questionId: string) => {
    const answer = errors[fieldIds.answer(questionId)];
    const rationale = errors[fieldIds.rationale(questionId)];
    const naReason = errors[fieldIds.naReason(questionId)];
    return answer || rationale || naReason ? { answer, rationale, naReason } : NO_ERRORS;
  };
  const caseConflict = store.conflicts[`${model.case.id}|case`];
  const caseStatus = store.caseStatus;

  useEffect(() => {
    const base = document.title.replace(/^Error: /, "");
    document.title = summary.length > 0 ? `Error: ${base}` : base;
  }, [summary.length]);

  async function submitCompletion(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setUnsent(null);
    const waiting = await store.flushNow();
    if (waiting > 0) {
      setUnsent(
        `${waiting} ${waiting === 1 ? "change has" : "changes have"} not reached the server yet. They are kept in this browser; mark complete once they are saved.`,
      );
      return;
    }
    startTransition(() => complete(form));
  }

  const completionForm = (scope: string, label: string, variant: "primary" | "secondary" = "secondary") => (
    <form method="post" onSubmit={submitCompletion} className="mt-4">
      <input type="hidden" name="inspectionId" value={model.inspection.id} />
      <input type="hidden" name="caseId" value={model.case.id} />
      <input type="hidden" name="scope" value={scope} />
      <Button variant={variant} disabled={completing}>
        {label}
      </Button>
    </form>
  );

  const choice = (name: "harmFactors" | "safetyWellbeingFactors" | "caseManagerInterviewed", id: string, legend: string, hint?: string) => (
    <ChoiceGroup
      id={id}
      name={id}
      legend={legend}
      hint={hint}
      error={errors[`${id}-yes`]}
      choices={YES_NO}
      value={fromBoolean(fields[name])}
      onChange={(v) => edit(caseTarget, { [name]: v === "yes" })}
      disabled={!canEdit || Boolean(caseConflict)}
    />
  );

  return (
    <div ref={page} className="[&_:is(input,textarea,select,button,a,summary,label,legend,h2,h3)]:scroll-mt-[var(--save-bar-offset,6rem)]">
      {/* Sticky here, not inside SaveStatus: a sticky element only sticks within its parent. */}
      <div ref={saveBar} id="save-status" tabIndex={-1} className="no-print sticky top-0 z-20">
        <SaveStatus store={store} conflictCount={Object.keys(store.conflicts).length} listPath={casesPath(model.inspection.id)} />
      </div>
      <SessionWarning returnTo={`/inspections/${model.inspection.id}/cases/${model.case.id}`} />
      {summary.length > 0 ? (
        <OnDemand what="the list of problems">
          <ErrorSummary errors={summary} />
        </OnDemand>
      ) : null}
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
      {model.rights.lockMessage ? <StatusNotice tone="info">{model.rights.lockMessage}</StatusNotice> : null}
      {!model.rights.lockMessage && model.rights.readOnlyReason ? <StatusNotice tone="info">{model.rights.readOnlyReason}</StatusNotice> : null}
      {caseStatus === "completed" && canEdit ? (
        <StatusNotice tone="info">
          This case is marked as complete. If you change anything, it goes back to in progress (the lead inspector sees this in the case history) and counts only
          as provisional until you mark it complete again.
        </StatusNotice>
      ) : null}
      {model.case.status === "completed" && caseStatus === "in_progress" ? (
        <StatusNotice tone="info">
          This case was changed after it was completed, so it is back in progress. Mark it as complete again when you have finished.
        </StatusNotice>
      ) : null}
      {model.case.changedAfterCompletion && model.rights.canQualityAssure ? (
        <StatusNotice tone="info">
          Changed after completion by {model.case.changedAfterCompletion.byName ?? "someone"} on {formatDate(new Date(model.case.changedAfterCompletion.at))}. See the{" "}
          <a href={`/inspections/${model.inspection.id}/cases/${model.case.id}/history`}>case history</a> for what changed.
        </StatusNotice>
      ) : null}
      {caseStatus === "returned" && canEdit && !model.rights.canQualityAssure ? (
        <StatusNotice tone="info">
          The lead inspector returned this case with comments. Reply to each comment, change answers if needed, then mark the case as complete again.
        </StatusNotice>
      ) : null}

      {/* Nothing can be answered until the changes kept in this browser are on the page (use-case-store):
          the server's render is inert, so a click before the scripts arrive cannot tick a radio that
          React then does not know of, and the outbox's load makes it live with one attribute. It was
          each control's `disabled`, a hundred DOM changes in one task at load, which the browser's style
          engine and assistive technology each follow (bench/RESULTS.md: most of the case page's blocking
          time). Meanwhile the save bar above says the page is loading. */}
      <div inert={!store.ready}>
        <section aria-labelledby="attributes-heading" className="mb-8">
          <h2 id="attributes-heading" className="mb-2 text-2xl font-bold">
            About this case
          </h2>
          <dl className="grid max-w-4xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
            <dt className="font-semibold">Status</dt>
            <dd data-testid="case-status">{CASE_STATUS_LABELS[caseStatus]}</dd>
            <dt className="font-semibold">Stream</dt>
            <dd>{STREAM_LABELS[model.case.stream]}</dd>
            <dt className="font-semibold">Disposal</dt>
            <dd>
              {(DISPOSAL_TYPE_LABELS as Record<string, string>)[String(fields.disposalType)] ?? String(fields.disposalType)}
              {fields.disposalDate ? `, ${formatDate(new Date(`${String(fields.disposalDate)}T00:00:00Z`))}` : ""}
            </dd>
            <dt className="font-semibold">Child</dt>
            <dd>
              {fields.gender ? GENDER_LABELS[fields.gender as keyof typeof GENDER_LABELS] : "Gender not recorded"}, {fields.age ? `aged ${String(fields.age)}` : "age not recorded"}
              {model.case.ethnicity ? `, ${model.case.ethnicity}` : ""}
            </dd>
            <dt className="font-semibold">Risk of serious harm</dt>
            <dd>{fields.rosh ? CLASSIFICATION_LABELS[fields.rosh as keyof typeof CLASSIFICATION_LABELS] : "Not recorded"}</dd>
            <dt className="font-semibold">Safety and wellbeing</dt>
            <dd>{fields.safetyWellbeing ? CLASSIFICATION_LABELS[fields.safetyWellbeing as keyof typeof CLASSIFICATION_LABELS] : "Not recorded"}</dd>
            <dt className="font-semibold">Inspector</dt>
            <dd>{model.case.allocatedTo?.name ?? "Not allocated"}</dd>
          </dl>
          <p className="mt-2">
            <a href={`/inspections/${model.inspection.id}/cases/${model.case.id}/history`}>Case history (every change, who and when)</a>
          </p>
          {caseConflict ? (
            <OnDemand what="the change to the case's details made by someone else">
              <CaseConflictPanel
                conflict={caseConflict}
                title="The case's details were changed by someone else"
                onResolve={(c) => void store.resolveConflict(caseConflict, c)}
              />
            </OnDemand>
          ) : null}
          {model.factorJudgements.harmFactors || model.factorJudgements.safetyWellbeingFactors ? (
            <div className="mt-4 max-w-3xl space-y-4">
              {model.factorJudgements.harmFactors
                ? choice("harmFactors", "case-harm-factors", "Are there harm factors in this case?", "Your judgement, not the service's classification. Key questions about keeping other people safe apply only if there are.")
                : null}
              {model.factorJudgements.safetyWellbeingFactors
                ? choice("safetyWellbeingFactors", "case-safety-wellbeing-factors", "Are there safety and wellbeing factors in this case?", "Your judgement. Key questions about keeping the child safe apply only if there are.")
                : null}
            </div>
          ) : null}
          {canEdit ? (
            <details className="mt-4 max-w-3xl" onToggle={(e) => setCorrecting(e.currentTarget.open)}>
              <summary className="cursor-pointer text-link underline">Correct the case&apos;s details</summary>
              <p className="text-muted mt-1 text-sm">Corrections are saved as you make them and kept in the case history.</p>
              {correcting ? (
                <OnDemand what="the case's details">
                  <CaseCorrections fields={fields} disposalOptions={model.disposalOptions} edit={edit} disabled={Boolean(caseConflict)} />
                </OnDemand>
              ) : null}
            </details>
          ) : null}
        </section>

        {model.resettlement ? (
          <section aria-labelledby="resettlement-heading" className="mb-8 max-w-3xl border-l-8 border-link bg-[#e8f1f8] p-4">
            <h2 id="resettlement-heading" className="text-2xl font-bold">
              Resettlement evidence
            </h2>
            <p className="mt-2">
              Resettlement cases have no key questions. They illustrate the judgement of standard {model.resettlement.standardId}: record what this case shows against the resettlement topics.
            </p>
            <p className="mt-3 text-lg font-semibold">
              <a href={model.resettlement.evidenceHref}>Record evidence for this case</a>
            </p>
          </section>
        ) : (
          <ShortcutsHelp enabled={shortcutsOn} onToggle={setShortcutsOn} />
        )}

        {model.sections.map((section) => {
          const sectionId = fieldIds.section(section.id);
          const sectionComplete = store.markedSections.includes(section.id);
          return (
            <section key={section.id} id={sectionId} aria-labelledby={`${sectionId}-heading`} className="mb-10 scroll-mt-24">
              <h2 id={`${sectionId}-heading`} className="text-2xl font-bold">
                {section.id} {section.title}
                {sectionComplete ? <span className="ml-3 inline-block bg-success px-2 py-0.5 align-middle text-base text-white">Completed</span> : null}
              </h2>
              <p className="text-muted mb-2 max-w-3xl">{section.statement}</p>
              {section.questions.map((question) => {
                const conflict = store.conflicts[`${model.case.id}|answer|${question.id}`];
                const applicability = questionApplicability(question, model.case.stream, fields);
                return (
                  <QuestionCard
                    key={question.id}
                    question={question}
                    answer={store.local.answers[question.id]}
                    applies={applicability.applies}
                    notApplyingReason={applicability.applies ? undefined : applicability.reason}
                    pendingJudgement={applicability.applies ? applicability.pendingJudgement : undefined}
                    conflict={conflict}
                    remote={store.remoteChanges[`${model.case.id}|answer|${question.id}`]}
                    disabled={!canEdit || Boolean(conflict)}
                    canEdit={canEdit}
                    errors={errorsOf(question.id)}
                    rationaleNorm={model.rationaleNorm}
                    edit={edit}
                    resolveConflict={store.resolveConflict}
                    queries={model.queries}
                    inspectionId={model.inspection.id}
                    caseId={model.case.id}
                    canQualityAssure={model.rights.canQualityAssure && model.case.status !== "approved"}
                  />
                );
              })}
              {canEdit && !sectionComplete ? completionForm(section.id, `Mark section ${section.id} ${section.title} as complete`) : null}
            </section>
          );
        })}

        {model.case.stream !== "resettlement" ? (
          <section aria-labelledby="interview-heading" className="mb-10 max-w-3xl">
            <h2 id="interview-heading" className="text-2xl font-bold">
              Case manager interview
            </h2>
            <div className="mt-2">{choice("caseManagerInterviewed", "case-interviewed", "Was the case manager interviewed?")}</div>
            {fields.caseManagerInterviewed === true ? (
              <DateInput
                id={fieldIds.interviewDate}
                legend="Date of the interview"
                hint="For example, 24 11 2026"
                error={errors[fieldIds.interviewDate]}
                value={(fields.caseManagerInterviewDate as string | null) ?? null}
                onChange={(iso) => edit(caseTarget, { caseManagerInterviewDate: iso }, "typing")}
                disabled={!canEdit}
              />
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="notes-heading" className="mb-10 max-w-3xl">
          <h2 id="notes-heading" className="text-2xl font-bold">
            Overall notes
          </h2>
          <label htmlFor="case-overall-notes" className="mt-2 block font-semibold">
            Your overall notes on this case
          </label>
          <p id="case-overall-notes-hint" className="text-muted text-sm">
            For the team and the ratings panel. Saved as you type.
          </p>
          <textarea
            id="case-overall-notes"
            rows={5}
            aria-describedby="case-overall-notes-hint"
            value={(fields.overallNotes as Scalar as string) ?? ""}
            onChange={(e) => edit(caseTarget, { overallNotes: e.target.value }, "typing")}
            disabled={!canEdit || Boolean(caseConflict)}
            className={`${inputClass} max-w-3xl`}
          />
        </section>

        {canEdit && model.case.stream !== "resettlement" ? (
          <section id="completion" aria-labelledby="completion-heading" className="mb-10 max-w-3xl">
            <h2 id="completion-heading" className="text-2xl font-bold">
              Complete the case
            </h2>
            {caseStatus === "completed" ? (
              <p className="mt-2">
                {model.rights.canQualityAssure
                  ? "This case is marked as complete and waits for your review below."
                  : "This case is marked as complete and waits for the lead inspector’s review."}
              </p>
            ) : (
              <>
                <p className="mt-2">
                  Every key question needs an answer, a “no” needs a rationale and “not applicable” needs a reason. If anything is missing you will get a list of what to fix.
                </p>
                {completionForm("case", "Mark the case as complete", "primary")}
              </>
            )}
          </section>
        ) : null}

        {model.rights.canQualityAssure && model.case.stream !== "resettlement" ? (
          <OnDemand what="the quality assurance panel">
            <QaPanel model={model} status={caseStatus} />
          </OnDemand>
        ) : null}
      </div>
    </div>
  );
}
