import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { ANSWER_FILTERS, keyQuestionCases, type AnswerFilter } from "@/lib/panel";

export const metadata: Metadata = { title: "Cases behind a key question" };

const FILTER_LABELS: Readonly<Record<AnswerFilter, string>> = {
  all: "All answers",
  yes: "Yes",
  no: "No",
  na: "Not applicable",
  unanswered: "Not answered yet",
  does_not_apply: "Does not apply",
};

export default async function KeyQuestionCasesPage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string; questionId: string }>;
  searchParams: Promise<{ answer?: string }>;
}) {
  const { inspectionId, questionId } = await params;
  const { answer } = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}/panel/questions/${questionId}`);
  const data = await pageData(keyQuestionCases(user, inspectionId, questionId, answer));
  const { keyQuestion: kq } = data;

  return (
    <>
      <PageHeading caption={`${data.inspection.yjsName} · key question ${kq.id}`}>{kq.text}</PageHeading>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}/panel#standard-${kq.standardId.replace(".", "-")}`}>Back to the ratings panel</Link>
      </p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <fieldset>
          <legend className="mb-1 font-semibold">Show answers</legend>
          <div className="flex flex-wrap gap-4">
            {ANSWER_FILTERS.map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input type="radio" name="answer" value={f} defaultChecked={data.filter === f} className="h-5 w-5" />
                {FILTER_LABELS[f]} ({data.totals[f]})
              </label>
            ))}
          </div>
        </fieldset>
        <Button variant="secondary">Filter</Button>
      </form>
      <Table
        caption={`${FILTER_LABELS[data.filter]}: ${data.rows.length} case${data.rows.length === 1 ? "" : "s"}`}
        captionStyle="lg"
        small
        rows={data.rows}
        rowKey={(row) => row.caseId}
        columns={[
          { header: "Case", rowHeader: "bold", cell: (row) => <Link href={`/inspections/${inspectionId}/cases/${row.caseId}`}>{row.reference}</Link> },
          { header: "Case status", cell: (row) => CASE_STATUS_LABELS[row.caseStatus] },
          {
            header: "Answer",
            className: "font-semibold",
            cell: (row) =>
              row.notApplicableReason !== null ? (
                <>
                  Does not apply
                  {row.answer ? <span className="block font-normal">Earlier answer {FILTER_LABELS[row.answer]}, not counted</span> : null}
                </>
              ) : row.answer ? (
                FILTER_LABELS[row.answer]
              ) : (
                "Not answered yet"
              ),
          },
          {
            header: "Rationale",
            className: "whitespace-pre-line",
            cell: (row) => (
              <>
                {row.rationale || <span className="text-muted">No rationale</span>}
                {row.naReason ? <span className="block">N/A reason: {row.naReason}</span> : null}
              </>
            ),
          },
          { header: "Inspector", cell: (row) => row.inspector ?? "—" },
          { header: "In final figures", cell: (row) => (row.countsInFinal ? "Yes" : (row.notApplicableReason ?? "No")) },
        ]}
      />
    </>
  );
}
