import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { getSignedInUser, requireUser } from "@/lib/auth/session";
import { readableCaseReference } from "@/lib/cases/access";
import { caseTimeline } from "@/lib/cases/queries";
import { pageData } from "@/lib/http/page-data";

// Titled by the case's reference, so that several open cases can be told apart in tabs and history.
export async function generateMetadata({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }): Promise<Metadata> {
  const { inspectionId, caseId } = await params;
  const reference = await readableCaseReference(await getSignedInUser(), caseId, inspectionId);
  return { title: reference ? `History of case ${reference}` : "Case history" };
}

// The per-case audit timeline (MoJ timeline pattern): every change of an answer, a status, an
// attribute or a comment, oldest first, with who, when, from and to. Read from the append-only table.

export default async function CaseHistoryPage({ params }: { params: Promise<{ inspectionId: string; caseId: string }> }) {
  const { inspectionId, caseId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases/${caseId}/history`);
  const timeline = await pageData(caseTimeline(user, inspectionId, caseId));
  return (
    <>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}/cases/${caseId}`}>Back to case {timeline.reference}</Link>
      </p>
      <PageHeading caption={timeline.yjsName}>History of case {timeline.reference}</PageHeading>
      {timeline.entries.length === 0 ? (
        <p>Nothing has been recorded for this case yet.</p>
      ) : (
        <ol aria-label="Case history, oldest first" className="max-w-4xl border-l-4 border-link pl-6">
          {timeline.entries.map((entry) => (
            <li key={entry.id} className="relative mb-6">
              <span aria-hidden="true" className="absolute -left-[34px] top-1.5 h-4 w-4 rounded-full border-4 border-link bg-white" />
              <h2 className="text-lg font-bold">{entry.title}</h2>
              <p className="text-muted text-sm">
                {entry.actorName},{" "}
                <time dateTime={entry.at}>
                  {new Date(entry.at).toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/London" })}
                </time>
              </p>
              {entry.note ? <p className="mt-1 whitespace-pre-wrap">{entry.note}</p> : null}
              {entry.changes.length > 0 ? (
                <Table
                  caption={`What changed: ${entry.title}`}
                  captionStyle="visually-hidden"
                  small
                  className="mt-2"
                  rows={entry.changes}
                  rowKey={(change) => change.field}
                  columns={[
                    { header: "Field", rowHeader: true, cell: (change) => change.field },
                    { header: "From", className: "whitespace-pre-wrap", cell: (change) => change.from },
                    { header: "To", className: "whitespace-pre-wrap", cell: (change) => change.to },
                  ]}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
