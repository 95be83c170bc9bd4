import { PageHeading, StatusNotice } from "@/components/ui/notice";
import { DISPOSAL_TYPE_LABELS, STREAM_LABELS, type DisposalType, type Stream } from "@/lib/framework/case-attributes";
import type { ServerFormAction } from "@/lib/http/form-state";
import { formatDate } from "@/lib/dates";
import type { SecondAssessmentView } from "@/lib/moderation/second-assessment";
import { CompleteSecondAssessmentForm, SecondAnswerForm } from "./case-page-forms";

/** The case page as its moderator sees it: the case's details and their own blind answers, nothing of the inspector's. */
export function SecondAssessment({
  inspectionId,
  caseId,
  view,
  saveSecondAnswerAction,
  completeSecondAssessmentAction,
}: {
  inspectionId: string;
  caseId: string;
  view: SecondAssessmentView;
  saveSecondAnswerAction: ServerFormAction;
  completeSecondAssessmentAction: ServerFormAction;
}) {
  const missing = view.questions.length - view.answered;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <a href={`/inspections/${inspectionId}/moderation`}>Moderation</a> <span aria-hidden="true">›</span> Case {view.reference}
      </nav>
      <PageHeading caption={`${STREAM_LABELS[view.stream as Stream] ?? view.stream} case, ${DISPOSAL_TYPE_LABELS[view.disposalType as DisposalType] ?? view.disposalType}`}>
        Second assessment of case {view.reference}
      </PageHeading>
      {!view.inDipSample ? (
        <p>This case is not in the dip sample. Add it on the moderation page to second-assess it.</p>
      ) : view.completedAt ? (
        <>
          <StatusNotice>You completed the second assessment on {formatDate(view.completedAt)}.</StatusNotice>
          <p>
            <a href={`/inspections/${inspectionId}/moderation/cases/${caseId}`}>Compare with the inspector&rsquo;s answers</a>
          </p>
        </>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            Answer each key question from the case records, as the inspector did. The inspector&rsquo;s answers are not shown until you complete your second
            assessment; your answers are kept apart and do not count in the ratings.
          </p>
          {view.questions.map((q) => (
            <SecondAnswerForm key={q.id} saveSecondAnswerAction={saveSecondAnswerAction} inspectionId={inspectionId} caseId={caseId} question={q} />
          ))}
          <h2 className="mb-2 text-xl font-bold">Complete</h2>
          <CompleteSecondAssessmentForm completeSecondAssessmentAction={completeSecondAssessmentAction} inspectionId={inspectionId} caseId={caseId} missing={missing} />
        </>
      )}
    </>
  );
}
