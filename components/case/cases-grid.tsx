import Link from "next/link";
import type { CaseListing, CaseRow, SectionProgress } from "@/lib/cases/queries";
import { fieldIds } from "@/lib/cases/field-ids";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";

// "My cases" and the lead's grid of cases × standards (REDCap's record status dashboard): each cell
// says the section's progress in words and opens that section.

const PROGRESS: Record<SectionProgress, { label: string; className: string }> = {
  not_started: { label: "Not started", className: "bg-panel text-ink" },
  in_progress: { label: "In progress", className: "bg-[#bbd4ea] text-[#0c2d4a]" },
  completed: { label: "Completed", className: "bg-success text-white" },
};

const STATUS_CLASS: Record<string, string> = {
  approved: "bg-[#005a30] text-white",
  completed: "bg-success text-white",
  returned: "bg-[#fcd6c3] text-[#6e3619]",
  in_progress: "bg-[#bbd4ea] text-[#0c2d4a]",
  not_started: "bg-panel text-ink",
};

function caseHref(listing: CaseListing, row: CaseRow, standardId?: string): string {
  const base = `/inspections/${listing.inspection.id}/cases/${row.id}`;
  return standardId ? `${base}#${fieldIds.section(standardId)}` : base;
}

function StatusTag({ status }: { status: string }) {
  return <span className={`inline-block px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status] ?? ""}`}>{CASE_STATUS_LABELS[status] ?? status}</span>;
}

export function MyCases({ listing, rows }: { listing: CaseListing; rows: CaseRow[] }) {
  if (rows.length === 0) return <p>No cases are allocated to you on this inspection yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-5xl border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">Cases allocated to you</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Case</th>
            <th scope="col" className="py-2 pr-4">Stream</th>
            <th scope="col" className="py-2 pr-4">Progress</th>
            <th scope="col" className="py-2 pr-4">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4">
                <Link href={caseHref(listing, row)}>{row.reference}</Link>
              </th>
              <td className="py-2 pr-4">{STREAM_LABELS[row.stream]}</td>
              <td className="py-2 pr-4">
                {Object.keys(row.progress).length === 0 ? (
                  <Link href={`/inspections/${listing.inspection.id}/evidence/4.1?case=${row.id}`}>Record evidence for this case</Link>
                ) : (
                  <ul className="flex flex-wrap gap-2">
                    {Object.entries(row.progress).map(([standardId, progress]) => (
                      <li key={standardId}>
                        <Link href={caseHref(listing, row, standardId)} className={`inline-block px-2 py-0.5 text-sm no-underline ${PROGRESS[progress].className}`}>
                          {standardId}: {PROGRESS[progress].label}
                          <span className="sr-only"> ({row.reference})</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="py-2 pr-4">
                <StatusTag status={row.status} />
                {row.openQueries > 0 ? <p className="mt-1 text-sm font-semibold">{row.openQueries} open comment{row.openQueries === 1 ? "" : "s"}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CasesGrid({ listing }: { listing: CaseListing }) {
  const resettlement = listing.rows.filter((r) => r.stream === "resettlement");
  return (
    <div className="mt-4 space-y-10">
      {listing.streams.map(({ stream, standards }) => {
        const rows = listing.rows.filter((r) => r.stream === stream);
        if (rows.length === 0) return null;
        return (
          <div key={stream} className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left text-xl font-bold">
                {STREAM_LABELS[stream]} cases ({rows.length})
              </caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">Case</th>
                  <th scope="col" className="py-2 pr-4">Inspector</th>
                  {standards.map((s) => (
                    <th key={s.id} scope="col" className="py-2 pr-4">
                      {s.id} {s.title}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-4">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-line">
                    <th scope="row" className="py-2 pr-4">
                      <Link href={caseHref(listing, row)}>{row.reference}</Link>
                    </th>
                    <td className="py-2 pr-4">{row.allocatedTo?.name ?? "Not allocated"}</td>
                    {standards.map((s) => {
                      const progress = PROGRESS[row.progress[s.id] ?? "not_started"];
                      return (
                        <td key={s.id} className="py-2 pr-4">
                          <Link href={caseHref(listing, row, s.id)} className={`inline-block px-2 py-0.5 text-sm no-underline ${progress.className}`}>
                            <span className="sr-only">
                              {row.reference} {s.id} {s.title}:{" "}
                            </span>
                            {progress.label}
                          </Link>
                        </td>
                      );
                    })}
                    <td className="py-2 pr-4">
                      <StatusTag status={row.status} />
                      {row.openQueries > 0 ? <span className="ml-2 text-sm">{row.openQueries} open</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      {resettlement.length > 0 ? (
        <table className="w-full max-w-3xl border-collapse text-left">
          <caption className="mb-2 text-left text-xl font-bold">Resettlement cases ({resettlement.length})</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Case</th>
              <th scope="col" className="py-2 pr-4">Inspector</th>
              <th scope="col" className="py-2 pr-4">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {resettlement.map((row) => (
              <tr key={row.id} className="border-b border-line">
                <th scope="row" className="py-2 pr-4">
                  <Link href={caseHref(listing, row)}>{row.reference}</Link>
                </th>
                <td className="py-2 pr-4">{row.allocatedTo?.name ?? "Not allocated"}</td>
                <td className="py-2 pr-4">
                  <Link href={`/inspections/${listing.inspection.id}/evidence/4.1?case=${row.id}`}>
                    Record evidence<span className="sr-only"> for {row.reference}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
