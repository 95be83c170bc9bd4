import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/notice";
import { requireRole } from "@/lib/auth/session";
import { retentionOverview, type RetentionRow } from "@/lib/retention";

export const metadata: Metadata = { title: "Retention of case content" };

const day = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function RetentionTable({ caption, rows, last }: { caption: string; rows: RetentionRow[]; last: { heading: string; value: (row: RetentionRow) => string } }) {
  return (
    <div className="mb-10 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">
          {caption} ({rows.length})
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Inspection</th>
            <th scope="col" className="py-2 pr-4">Signed off</th>
            <th scope="col" className="py-2 pr-4">{last.heading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="border-b border-line">
              <td colSpan={3} className="py-3 pr-4 text-muted">None.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.inspectionId} className="border-b border-line align-top">
                <td className="py-3 pr-4">{row.yjsName}</td>
                <td className="py-3 pr-4">{day(row.signedOffAt)}</td>
                <td className="py-3 pr-4">{last.value(row)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
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
      <RetentionTable caption="Due for erasure" rows={overview.due} last={{ heading: "Due since", value: (r) => day(r.dueAt) }} />
      <RetentionTable caption="Kept until due" rows={overview.kept} last={{ heading: "Due on", value: (r) => day(r.dueAt) }} />
      <RetentionTable caption="Erased" rows={overview.erased} last={{ heading: "Erased on", value: (r) => (r.erasedAt ? day(r.erasedAt) : "") }} />
    </>
  );
}
