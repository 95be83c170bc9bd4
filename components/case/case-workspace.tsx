import { StatusNotice } from "@/components/ui/notice";
import { fieldIds } from "@/lib/cases/field-ids";
import type { CasePageModel } from "@/lib/cases/queries";
import { formatDate } from "@/lib/dates";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import {
  CaseCorrectionsDisclosure,
  CaseDetailsConflict,
  CaseJudgement,
  CaseQualityAssurance,
  CaseShortcuts,
  CompletionFeedback,
  CompletionForm,
  InertUntilReady,
  InterviewDate,
  LiveCaseDetails,
  LiveCaseStatus,
  LiveQuestionCard,
  OverallNotes,
  SectionCompletedBadge,
  WhenCaseStatus,
} from "./case-page-parts";
import { CasePageProvider } from "./case-page-state";
import { SessionWarning } from "./session-warning";

// The case page: attributes at the top, one section per standard of the stream, the case manager
// interview, overall notes, completion, the lead's quality assurance. Rendered on the server: its
// text and structure never reach the browser as code, only the parts that change or take input
// (case-page-parts.tsx), which share the page's live state (case-page-state.tsx). Everything typed
// goes to the IndexedDB outbox first (use-case-store), so nothing depends on the network being there.

export function CaseWorkspace({ model }: { model: CasePageModel }) {
  const canEdit = model.rights.canAnswer;
  const historyHref = `/inspections/${model.inspection.id}/cases/${model.case.id}/history`;
  const assessed = model.case.stream !== "resettlement";
  return (
    <CasePageProvider model={model}>
      <SessionWarning returnTo={`/inspections/${model.inspection.id}/cases/${model.case.id}`} />
      <CompletionFeedback />
      {model.rights.lockMessage ? <StatusNotice tone="info">{model.rights.lockMessage}</StatusNotice> : null}
      {!model.rights.lockMessage && model.rights.readOnlyReason ? <StatusNotice tone="info">{model.rights.readOnlyReason}</StatusNotice> : null}
      {canEdit ? (
        <WhenCaseStatus is={["completed"]}>
          <StatusNotice tone="info">
            This case is marked as complete. If you change anything, it goes back to in progress (the lead inspector sees this in the case history) and counts only
            as provisional until you mark it complete again.
          </StatusNotice>
        </WhenCaseStatus>
      ) : null}
      {model.case.status === "completed" ? (
        <WhenCaseStatus is={["in_progress"]}>
          <StatusNotice tone="info">
            This case was changed after it was completed, so it is back in progress. Mark it as complete again when you have finished.
          </StatusNotice>
        </WhenCaseStatus>
      ) : null}
      {model.case.changedAfterCompletion && model.rights.canQualityAssure ? (
        <StatusNotice tone="info">
          Changed after completion by {model.case.changedAfterCompletion.byName ?? "someone"} on {formatDate(new Date(model.case.changedAfterCompletion.at))}. See the{" "}
          <a href={historyHref}>case history</a> for what changed.
        </StatusNotice>
      ) : null}
      {canEdit && !model.rights.canQualityAssure ? (
        <WhenCaseStatus is={["returned"]}>
          <StatusNotice tone="info">
            The lead inspector returned this case with comments. Reply to each comment, change answers if needed, then mark the case as complete again.
          </StatusNotice>
        </WhenCaseStatus>
      ) : null}

      <InertUntilReady>
        <section aria-labelledby="attributes-heading" className="mb-8">
          <h2 id="attributes-heading" className="mb-2 text-2xl font-bold">
            About this case
          </h2>
          <dl className="grid max-w-4xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
            <dt className="font-semibold">Status</dt>
            <dd data-testid="case-status">
              <LiveCaseStatus />
            </dd>
            <dt className="font-semibold">Stream</dt>
            <dd>{STREAM_LABELS[model.case.stream]}</dd>
            <LiveCaseDetails />
            <dt className="font-semibold">Inspector</dt>
            <dd>{model.case.allocatedTo?.name ?? "Not allocated"}</dd>
          </dl>
          <p className="mt-2">
            <a href={historyHref}>Case history (every change, who and when)</a>
          </p>
          <CaseDetailsConflict />
          {model.factorJudgements.harmFactors || model.factorJudgements.safetyWellbeingFactors ? (
            <div className="mt-4 max-w-3xl space-y-4">
              {model.factorJudgements.harmFactors ? (
                <CaseJudgement
                  name="harmFactors"
                  id="case-harm-factors"
                  legend="Are there harm factors in this case?"
                  hint="Your judgement, not the service's classification. Key questions about keeping other people safe apply only if there are."
                />
              ) : null}
              {model.factorJudgements.safetyWellbeingFactors ? (
                <CaseJudgement
                  name="safetyWellbeingFactors"
                  id="case-safety-wellbeing-factors"
                  legend="Are there safety and wellbeing factors in this case?"
                  hint="Your judgement. Key questions about keeping the child safe apply only if there are."
                />
              ) : null}
            </div>
          ) : null}
          {canEdit ? <CaseCorrectionsDisclosure /> : null}
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
          <CaseShortcuts />
        )}

        {model.sections.map((section, sectionIndex) => {
          const sectionId = fieldIds.section(section.id);
          return (
            <section key={section.id} id={sectionId} aria-labelledby={`${sectionId}-heading`} className="mb-10 scroll-mt-24">
              <h2 id={`${sectionId}-heading`} className="text-2xl font-bold">
                {section.id} {section.title}
                <SectionCompletedBadge sectionId={section.id} />
              </h2>
              <p className="text-muted mb-2 max-w-3xl">{section.statement}</p>
              {section.questions.map((question, questionIndex) => (
                <LiveQuestionCard key={question.id} sectionIndex={sectionIndex} questionIndex={questionIndex} />
              ))}
              {canEdit ? <CompletionForm scope={section.id} label={`Mark section ${section.id} ${section.title} as complete`} /> : null}
            </section>
          );
        })}

        {assessed ? (
          <section aria-labelledby="interview-heading" className="mb-10 max-w-3xl">
            <h2 id="interview-heading" className="text-2xl font-bold">
              Case manager interview
            </h2>
            <div className="mt-2">
              <CaseJudgement name="caseManagerInterviewed" id="case-interviewed" legend="Was the case manager interviewed?" />
            </div>
            <InterviewDate />
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
          <OverallNotes id="case-overall-notes" />
        </section>

        {canEdit && assessed ? (
          <section id="completion" aria-labelledby="completion-heading" className="mb-10 max-w-3xl">
            <h2 id="completion-heading" className="text-2xl font-bold">
              Complete the case
            </h2>
            <WhenCaseStatus is={["completed"]}>
              <p className="mt-2">
                {model.rights.canQualityAssure
                  ? "This case is marked as complete and waits for your review below."
                  : "This case is marked as complete and waits for the lead inspector’s review."}
              </p>
            </WhenCaseStatus>
            <WhenCaseStatus isNot={["completed"]}>
              <p className="mt-2">
                Every key question needs an answer, a “no” needs a rationale and “not applicable” needs a reason. If anything is missing you will get a list of what to fix.
              </p>
              <CompletionForm scope="case" label="Mark the case as complete" primary />
            </WhenCaseStatus>
          </section>
        ) : null}

        {model.rights.canQualityAssure && assessed ? <CaseQualityAssurance /> : null}
      </InertUntilReady>
    </CasePageProvider>
  );
}
