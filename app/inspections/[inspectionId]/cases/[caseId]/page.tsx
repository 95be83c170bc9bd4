import type { Metadata } from "next";
import { CaseActionsProvider } from "@/components/case/case-actions";
import { CaseWorkspace } from "@/components/case/case-workspace";
import { ModerationNotes } from "@/components/moderation/moderation-notes";
import { SecondAssessment } from "@/components/moderation/second-assessment";
import { OfflineCache } from "@/components/case/offline-cache";
import { PageHeading } from "@/components/ui/notice";
import { getSignedInUser, requireUser } from "@/lib/auth/session";
import { readableCaseReference } from "@/lib/cases/access";
import { loadCasePage } from "@/lib/cases/queries";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { moderationNotesForCase } from "@/lib/moderation/response";
import { secondAssessmentView } from "@/lib/moderation/second-assessment";
import { approveCaseAction, closeQueryAction, completeAction, raiseQueryAction, reopenCaseAction, replyQueryAction, returnCaseAction } from "./actions";
import { completeSecondAssessmentAction, respondToOutcomeAction, saveSecondAnswerAction } from "@/app/inspections/[inspectionId]/moderation/actions";

// Titled by the case's reference, so that several open cases can be told apart in tabs and history.
export async function generateMetadata({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }): Promise<Metadata> {
  const { inspectionId, caseId } = await params;
  const reference = await readableCaseReference(await getSignedInUser(), caseId, inspectionId);
  return { title: reference ? `Case ${reference}` : "Case assessment" };
}

export default async function CasePage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}`);
  // A quality assurer reads no case (cases.read): as the inspection's moderator they get the blind
  // second assessment, built from lib/moderation, which holds nothing of the inspector's answers.
  if (user.role === "quality_assurer") {
    const view = await pageData(secondAssessmentView(user, inspectionId, caseId));
    return <SecondAssessment inspectionId={inspectionId} caseId={caseId} view={view} saveSecondAnswerAction={saveSecondAnswerAction} completeSecondAssessmentAction={completeSecondAssessmentAction} />;
  }
  const [model, moderationNotes] = await pageData(Promise.all([loadCasePage(user, inspectionId, caseId), moderationNotesForCase(user, inspectionId, caseId)]));
  return (
    <>
      {/* Plain links, as the header's (app/layout.tsx). */}
      <nav aria-label="Breadcrumb" className="no-print mb-4 text-sm">
        <ol className="flex flex-wrap gap-2">
          <li>
            <a href={`/inspections/${inspectionId}`}>{model.inspection.yjsName}</a> <span aria-hidden="true">›</span>
          </li>
          <li>
            <a href={`/inspections/${inspectionId}/cases`}>Cases</a> <span aria-hidden="true">›</span>
          </li>
          <li aria-current="page">{model.case.reference}</li>
        </ol>
      </nav>
      <PageHeading caption={`${STREAM_LABELS[model.case.stream]} case`}>Case {model.case.reference}</PageHeading>
      <ModerationNotes inspectionId={inspectionId} caseId={caseId} notes={moderationNotes} respondToOutcomeAction={respondToOutcomeAction} />
      <OfflineCache inspectionId={inspectionId} userId={user.id} />
      <CaseActionsProvider actions={{ completeAction, approveCaseAction, returnCaseAction, reopenCaseAction, raiseQueryAction, replyQueryAction, closeQueryAction }}>
        <CaseWorkspace model={model} />
      </CaseActionsProvider>
    </>
  );
}
