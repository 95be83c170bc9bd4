import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeForm } from "@/components/moderation/moderation-forms";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { OUTCOME_LABELS, reconciliationView, type ReconciliationRow } from "@/lib/moderation/reconciliation";
import { recordOutcomeAction } from "@/app/inspections/[inspectionId]/moderation/actions";

export const metadata: Metadata = { title: "Reconciliation" };

const VALUE_LABELS: Readonly<Record<string, string>> = { yes: "Yes", no: "No", na: "Not applicable" };

function Side({ title, value, rationale }: { title: string; value: string | null; rationale: string }) {
  return (
    <div className="min-w-0">
      <h4 className="font-semibold">{title}</h4>
      <p className="text-lg font-bold">{value ? VALUE_LABELS[value] : "Not answered yet"}</p>
      <p className="whitespace-pre-wrap break-words">{rationale || <span className="text-muted">No rationale.</span>}</p>
    </div>
  );
}

function Row({ row, inspectionId, caseId, canRecord }: { row: ReconciliationRow; inspectionId: string; caseId: string; canRecord: boolean }) {
  const anchor = `kq-${row.questionId.replaceAll(".", "-")}`;
  return (
    <article id={anchor} aria-labelledby={`${anchor}-heading`} className={`mb-6 border-l-4 p-3 ${row.disagreement ? "border-error" : "border-line"}`}>
      <h3 id={`${anchor}-heading`} className="text-lg font-bold">
        {row.questionId} {row.text}
      </h3>
      <p className={`mb-2 font-semibold ${row.disagreement ? "text-error" : ""}`}>{row.disagreement ? "Disagreement" : row.inspector.value && row.second.value ? "Agreed" : "Not comparable yet"}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Side title="Inspector" value={row.inspector.value} rationale={row.inspector.value === "na" && row.inspector.naReason ? row.inspector.naReason : row.inspector.rationale} />
        <Side title="Moderator (second assessment)" value={row.second.value} rationale={row.second.rationale} />
      </div>
      {row.outcome ? (
        <div className="mt-3 border-t border-line pt-2">
          <p>
            <strong>{OUTCOME_LABELS[row.outcome.outcome]}</strong> ({row.outcome.decidedBy}, {formatDate(row.outcome.decidedAt)}): {row.outcome.note}
          </p>
          {row.outcome.response ? (
            <p>
              Inspector&rsquo;s response: {row.outcome.response === "changed" ? "changed their answer" : "kept their answer"}
              {row.outcome.reply ? ` — ${row.outcome.reply}` : ""}
            </p>
          ) : row.outcome.outcome === "inspector_to_review" ? (
            <p className="text-muted">Awaiting the inspector&rsquo;s response.</p>
          ) : null}
        </div>
      ) : null}
      {canRecord && row.disagreement && !row.outcome?.response ? (
        <OutcomeForm recordOutcomeAction={recordOutcomeAction} inspectionId={inspectionId} caseId={caseId} questionId={row.questionId} current={row.outcome ? { outcome: row.outcome.outcome, note: row.outcome.note } : null} />
      ) : null}
    </article>
  );
}

export default async function ReconciliationPage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/moderation/cases/${caseId}`);
  const view = await pageData(reconciliationView(user, inspectionId, caseId));
  const disagreements = view.state === "ready" ? view.rows.filter((r) => r.disagreement).length : 0;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href={`/inspections/${inspectionId}/moderation`}>Moderation</Link> <span aria-hidden="true">›</span> Case {view.reference}
      </nav>
      <PageHeading caption={`${STREAM_LABELS[view.stream as keyof typeof STREAM_LABELS] ?? view.stream} case, inspector ${view.inspectorName ?? "not allocated"}`}>
        Reconciliation of case {view.reference}
      </PageHeading>
      {view.state === "not_in_sample" ? <p>This case is not in the dip sample.</p> : null}
      {view.state === "awaiting_second_assessment" ? (
        <p>
          The inspector&rsquo;s answers are shown here once the second assessment of this case is complete.{" "}
          <Link href={`/inspections/${inspectionId}/cases/${caseId}`}>Go to the second assessment</Link>
        </p>
      ) : null}
      {view.state === "ready" ? (
        <>
          <p className="mb-6">
            {disagreements === 0 ? "No disagreement: every key question both answered has the same answer." : `${disagreements} disagreement${disagreements === 1 ? "" : "s"}, shown first.`}
          </p>
          {view.rows.map((row) => (
            <Row key={row.questionId} row={row} inspectionId={inspectionId} caseId={caseId} canRecord={view.canRecordOutcomes} />
          ))}
        </>
      ) : null}
    </>
  );
}
