import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/notice";
import { type Column, Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { hasStreamWindows } from "@/lib/framework/eligibility-window";
import { sampledStreams } from "@/lib/inspections/kernel";
import { formatDate } from "@/lib/dates";
import { CASE_STATUS_LABELS, INSPECTION_STATUS_LABELS, MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";
import { inspectionOverview } from "@/lib/inspections/queries";
import { pageData } from "@/lib/http/page-data";
import { CASE_STATUSES, type CaseStatus } from "@/lib/statuses";

export const metadata: Metadata = { title: "Inspection overview" };

export default async function InspectionOverviewPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}`);
  const overview = await pageData(inspectionOverview(user, inspectionId));
  const count = (stream: string, status: CaseStatus) =>
    overview.caseCounts.find((c) => c.stream === stream && c.status === status)?.count ?? 0;
  const streamTotal = (stream: string) => overview.caseCounts.filter((c) => c.stream === stream).reduce((n, c) => n + c.count, 0);

  return (
    <>
      <PageHeading caption="Inspection">{overview.yjsName}</PageHeading>
      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0">
        <dt className="font-semibold">Framework</dt>
        <dd>
          {overview.frameworkVersion} — {overview.frameworkLabel}
        </dd>
        <dt className="font-semibold">Fieldwork starts</dt>
        <dd>{formatDate(overview.fieldworkStart)}</dd>
        {hasStreamWindows(overview.frameworkVersion) ? (
          <>
            <dt className="font-semibold">Court disposal eligibility window</dt>
            <dd>{overview.windowStart ? `${formatDate(overview.windowStart)} to ${formatDate(overview.windowEnd)}` : "Not set"}</dd>
            <dt className="font-semibold">Out-of-court disposal eligibility window</dt>
            <dd>{overview.oocWindowStart ? `${formatDate(overview.oocWindowStart)} to ${formatDate(overview.oocWindowEnd)}` : "Not set"}</dd>
          </>
        ) : (
          <>
            <dt className="font-semibold">Eligibility window</dt>
            <dd>{overview.windowStart ? `${formatDate(overview.windowStart)} to ${formatDate(overview.windowEnd)}` : "Not set"}</dd>
          </>
        )}
        <dt className="font-semibold">Status</dt>
        <dd>{INSPECTION_STATUS_LABELS[overview.status]}</dd>
      </dl>

      <nav aria-label="Inspection sections" className="mb-8 flex flex-wrap gap-4">
        {overview.rights.readCases ? <Link href={`/inspections/${overview.id}/cases`}>Cases</Link> : null}
        {overview.rights.readCases ? <Link href={`/inspections/${overview.id}/grid`}>Key question grid</Link> : null}
        {overview.rights.editSetup || overview.caller.inspectionRole !== null ? (
          <Link href={`/inspections/${overview.id}/setup`}>Set-up, sample and allocation</Link>
        ) : null}
        {overview.rights.viewPanel ? <Link href={`/inspections/${overview.id}/panel`}>Ratings panel</Link> : null}
        {overview.rights.viewModeration ? <Link href={`/inspections/${overview.id}/moderation`}>Moderation</Link> : null}
        {overview.rights.exportRatings ? <Link href={`/inspections/${overview.id}/exports`}>{overview.status === "signed_off" ? "Export the signed-off ratings" : "Export draft ratings"}</Link> : null}
      </nav>

      <Table
        caption="Cases by stream and status"
        className="mb-8 max-w-4xl"
        rows={sampledStreams(overview.frameworkVersion)}
        rowKey={(stream) => stream}
        columns={[
          { header: "Stream", rowHeader: true, cell: (stream) => STREAM_LABELS[stream] },
          ...CASE_STATUSES.map((status): Column<Stream> => ({ header: CASE_STATUS_LABELS[status], numeric: true, cell: (stream) => count(stream, status) })),
          { header: "Total", numeric: true, className: "font-semibold", cell: streamTotal },
        ]}
      />

      <h2 className="mb-2 text-xl font-bold">Team</h2>
      {overview.memberships.length === 0 ? (
        <p>No one is on the team yet.</p>
      ) : (
        <ul className="mb-8 list-disc pl-6">
          {overview.memberships.map((m) => (
            <li key={m.user.id}>
              {m.user.name} — {MEMBER_ROLE_LABELS[m.role]}
              {m.user.active ? "" : " (account disabled)"}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
