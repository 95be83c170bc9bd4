import type { Metadata } from "next";
import { formatDate } from "@/lib/dates";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { retentionOverview, type RetentionRow } from "@/lib/retention";

export const metadata: Metadata = { title: "Retention of case content" };

function RetentionTable({ caption, rows, last }: { caption: string; rows: RetentionRow[]; last: { heading: string; value: (row: RetentionRow) => string } }) {
  return (
    <Table
      caption={`${caption} (${rows.length})`}
      className="mb-10"
      rows={rows}
      rowKey={(row) => row.inspectionId}
      empty="None."
      columns={[
        { header: "Inspection", cell: (row) => row.yjsName },
        { header: "Signed off", cell: (row) => formatDate(row.signedOffAt) },
        { header: last.heading, cell: last.value },
      ]}
    />
  );
}

export default async function RetentionPage() {
  const actor = await requireRole(["admin"], "/admin/retention");
  const overview = await retentionOverview(actor);
  return (
    <>
      <PageHeading caption="Administration">Retention of case content</PageHeading>
      <div className="mb-8 max-w-3xl space-y-4">
        <p>
          Case text is kept for <strong>{overview.months} months</strong> after an inspection is signed off (set by{" "}
          <code>CASE_CONTENT_RETENTION_MONTHS</code>). After that, the operator&apos;s scheduled <code>npm run retention -- --erase</code>{" "}
          erases the rationales, notes, comments, reasons and evidence text, and the moderation&apos;s second rationales, notes
          and replies, in the audit trail too. The figures, ratings, sign-off and
          every audit event stay, and the erasure itself is recorded.
        </p>
      </div>
      <RetentionTable caption="Due for erasure" rows={overview.due} last={{ heading: "Due since", value: (r) => formatDate(r.dueAt) }} />
      <RetentionTable caption="Kept until due" rows={overview.kept} last={{ heading: "Due on", value: (r) => formatDate(r.dueAt) }} />
      <RetentionTable caption="Erased" rows={overview.erased} last={{ heading: "Erased on", value: (r) => (r.erasedAt ? formatDate(r.erasedAt) : "") }} />
    </>
  );
}
