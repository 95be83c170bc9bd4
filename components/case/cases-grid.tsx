import Link from "next/link";
import type { CaseListing, CaseRow, SectionProgress } from "@/lib/cases/queries";
import { fieldIds } from "@/lib/cases/field-ids";
import { type Column, Table } from "@/components/ui/table";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import type { CaseStatus } from "@/lib/statuses";

// "My cases" and the lead's grid of cases × standards (REDCap's record status dashboard): each cell
// says the section's progress in words and opens that section.

const PROGRESS: Record<SectionProgress, { label: string; className: string }> = {
  not_started: { label: "Not started", className: "bg-panel text-ink" },
  in_progress: { label: "In progress", className: "bg-[#bbd4ea] text-[#0c2d4a]" },
  completed: { label: "Completed", className: "bg-success text-white" },
};

const STATUS_CLASS: Record<CaseStatus, string> = {
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

function StatusTag({ status }: { status: CaseStatus }) {
  return <span className={`inline-block px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[status]}`}>{CASE_STATUS_LABELS[status]}</span>;
}

/** The case reference as its row's heading, linked to the case. */
function caseColumn(listing: CaseListing): Column<CaseRow> {
  return { header: "Case", rowHeader: "bold", cell: (row) => <Link href={caseHref(listing, row)}>{row.reference}</Link> };
}

const inspectorColumn: Column<CaseRow> = { header: "Inspector", cell: (row) => row.allocatedTo?.name ?? "Not allocated" };

export function MyCases({ listing, rows }: { listing: CaseListing; rows: CaseRow[] }) {
  if (rows.length === 0) return <p>No cases are allocated to you on this inspection yet.</p>;
  return (
    <Table
      caption="Cases allocated to you"
      className="max-w-5xl"
      rows={rows}
      columns={[
        caseColumn(listing),
        { header: "Stream", cell: (row) => STREAM_LABELS[row.stream] },
        {
          header: "Progress",
          cell: (row) =>
            Object.keys(row.progress).length === 0 ? (
              <Link href={`/inspections/${listing.inspection.id}/evidence/${listing.resettlementStandard}?case=${row.id}`}>Record evidence for this case</Link>
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
            ),
        },
        {
          header: "Status",
          cell: (row) => (
            <>
              <StatusTag status={row.status} />
              {row.openQueries > 0 ? <p className="mt-1 text-sm font-semibold">{row.openQueries} open comment{row.openQueries === 1 ? "" : "s"}</p> : null}
            </>
          ),
        },
      ]}
    />
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
          <Table
            key={stream}
            caption={`${STREAM_LABELS[stream]} cases (${rows.length})`}
            rows={rows}
            columns={[
              caseColumn(listing),
              inspectorColumn,
              ...standards.map(
                (s): Column<CaseRow> => ({
                  key: s.id,
                  header: `${s.id} ${s.title}`,
                  cell: (row) => {
                    const progress = PROGRESS[row.progress[s.id] ?? "not_started"];
                    return (
                      <Link href={caseHref(listing, row, s.id)} className={`inline-block px-2 py-0.5 text-sm no-underline ${progress.className}`}>
                        <span className="sr-only">
                          {row.reference} {s.id} {s.title}:{" "}
                        </span>
                        {progress.label}
                      </Link>
                    );
                  },
                }),
              ),
              {
                header: "Status",
                cell: (row) => (
                  <>
                    <StatusTag status={row.status} />
                    {row.openQueries > 0 ? <span className="ml-2 text-sm">{row.openQueries} open</span> : null}
                  </>
                ),
              },
            ]}
          />
        );
      })}
      {resettlement.length > 0 ? (
        <Table
          caption={`Resettlement cases (${resettlement.length})`}
          className="max-w-3xl"
          rows={resettlement}
          columns={[
            caseColumn(listing),
            inspectorColumn,
            {
              header: "Evidence",
              cell: (row) => (
                <Link href={`/inspections/${listing.inspection.id}/evidence/${listing.resettlementStandard}?case=${row.id}`}>
                  Record evidence<span className="sr-only"> for {row.reference}</span>
                </Link>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
