import Link from "next/link";
import { BULK_APPROVE_FORM } from "@/components/grid/bulk-approve";
import { SelectOptions } from "@/components/ui/field-parts";
import { type Column, Table } from "@/components/ui/table";
import { questionBaseId } from "@/lib/cases/field-ids";
import type { GridCell, GridColumn, GridRow, KeyQuestionGrid } from "@/lib/cases/key-question-grid";
import { STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { CASE_STATUSES, type CaseStatus } from "@/lib/statuses";

// The lead's grid of cases × key questions. Every cell says its answer in words (colour only adds to
// it) and links to that answer on the case page; the filters are a plain GET form (MoJ filter
// pattern), so the grid works without JavaScript. Each stream's table scrolls inside its own box
// (keyboard-focusable), keeping the case reference in view; the page itself never scrolls sideways.

const CELL: Record<GridCell, { text: string; sr?: string; className: string }> = {
  yes: { text: "Yes", className: "bg-[#cce2d8] text-[#005a30]" },
  no: { text: "No", className: "bg-[#f4cdc6] text-[#942514]" },
  na: { text: "N/A", sr: "Not applicable", className: "bg-panel text-ink" },
  unanswered: { text: "Not yet", sr: "Not answered yet", className: "border border-dashed border-muted text-muted" },
  does_not_apply: { text: "–", sr: "Does not apply to this case", className: "text-muted" },
};

export const CELL_LEGEND: readonly { cell: GridCell; meaning: string }[] = [
  { cell: "yes", meaning: "answered yes" },
  { cell: "no", meaning: "answered no" },
  { cell: "na", meaning: "answered not applicable" },
  { cell: "unanswered", meaning: "not answered yet" },
  { cell: "does_not_apply", meaning: "the key question does not apply to the case" },
];

const STATUS_CLASS: Record<CaseStatus, string> = {
  approved: "bg-[#005a30] text-white",
  completed: "bg-[#cce2d8] text-[#005a30]",
  returned: "bg-[#fcd6c3] text-[#6e3619]",
  in_progress: "bg-[#bbd4ea] text-[#0c2d4a]",
  not_started: "bg-panel text-ink",
};

/** MoJ badge-like status tag: text always, colour as a second cue. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  return <strong className={`inline-block px-1.5 py-0.5 text-xs font-bold tracking-wide uppercase ${STATUS_CLASS[status]}`}>{CASE_STATUS_LABELS[status]}</strong>;
}

export function CellTag({ cell }: { cell: GridCell }) {
  const c = CELL[cell];
  return (
    <span className={`inline-block min-w-10 px-1 text-center text-sm font-semibold ${c.className}`}>
      {c.sr ? <span aria-hidden="true">{c.text}</span> : c.text}
      {c.sr ? <span className="sr-only">{c.sr}</span> : null}
    </span>
  );
}

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

/** The MoJ filter pattern, as a GET form: the URL holds the filters, so a filtered grid can be shared. */
export function GridFilters({ grid }: { grid: KeyQuestionGrid }) {
  const f = grid.filters;
  const err = grid.filterErrors;
  const field = (id: keyof typeof err, label: string, options: { value: string; label: string }[], value: string | undefined) => (
    <div className={err[id] ? "border-l-4 border-error pl-2" : ""}>
      <label htmlFor={`filter-${id}`} className="block font-semibold">
        {label}
      </label>
      {err[id] ? (
        <p id={`filter-${id}-error`} className="font-semibold text-error">
          <span className="sr-only">Error:</span> {err[id]}
        </p>
      ) : null}
      <select id={`filter-${id}`} name={id} defaultValue={value ?? ""} className={selectClass} aria-describedby={err[id] ? `filter-${id}-error` : undefined} aria-invalid={err[id] ? true : undefined}>
        <SelectOptions options={options} />
      </select>
    </div>
  );
  const active = Object.values(f).some((v) => v !== undefined);
  return (
    <form method="get" role="search" aria-labelledby="filter-heading" className="mb-6 max-w-5xl bg-panel p-3">
      <h2 id="filter-heading" className="mb-2 text-xl font-bold">
        Filter
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {field("inspector", "Inspector", [{ value: "", label: "Any inspector" }, ...grid.inspectors.map((i) => ({ value: i.id, label: i.name })), { value: "unallocated", label: "Not allocated" }], f.inspector)}
        {field("stream", "Stream", [{ value: "", label: "Any stream" }, ...grid.streamChoices.map((stream) => ({ value: stream, label: STREAM_LABELS[stream] }))], f.stream)}
        {field("status", "Status", [{ value: "", label: "Any status" }, ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })), { value: "changed", label: "Changed after completion" }], f.status)}
        {field("comments", "Comments", [{ value: "", label: "With or without" }, { value: "open", label: "With open comments" }, { value: "none", label: "No open comments" }], f.comments)}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className="bg-success px-3 py-1.5 font-semibold text-white shadow-[0_2px_0_#002d18]">
          Apply filters
        </button>
        {active ? <Link href={`/inspections/${grid.inspection.id}/grid`}>Clear filters</Link> : null}
      </div>
    </form>
  );
}

export function GridTable({ inspectionId, stream, columns, rows, selectable }: { inspectionId: string; stream: Stream; columns: readonly GridColumn[]; rows: readonly GridRow[]; selectable: boolean }) {
  const headingId = `grid-${stream}-heading`;
  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="mb-2 text-2xl font-bold">
        {STREAM_LABELS[stream]} cases ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>No {STREAM_LABELS[stream].toLowerCase()} case matches the filters.</p>
      ) : (
        // Wide grids scroll in their own box, the case reference kept in view, never the page.
        <Table
          caption={`${STREAM_LABELS[stream]} cases by key question`}
          captionStyle="visually-hidden"
          region={`${STREAM_LABELS[stream]} cases grid, scrolls sideways`}
          small
          fullWidth={false}
          boxed
          stickyHeader
          className="max-h-[70vh]"
          rows={rows}
          columns={[
            selectable && {
              key: "select",
              header: <span className="sr-only">Select to approve</span>,
              cell: (row) => (row.approvable ? <input type="checkbox" name="caseId" value={row.id} form={BULK_APPROVE_FORM} aria-label={`Approve ${row.reference}`} className="h-5 w-5" /> : null),
            },
            {
              header: "Case",
              rowHeader: "bold",
              className: "sticky left-0 bg-white whitespace-nowrap",
              headerClassName: "sticky left-0 bg-white",
              cell: (row) => <Link href={`/inspections/${inspectionId}/cases/${row.id}`}>{row.reference}</Link>,
            },
            {
              header: "Status",
              cell: (row) => (
                <>
                  <StatusBadge status={row.status} />
                  {row.changedAfterCompletionAt ? (
                    <Link href={`/inspections/${inspectionId}/cases/${row.id}/history`} className="mt-1 block text-xs font-semibold whitespace-nowrap">
                      Changed after completion
                      <span className="sr-only"> ({row.reference}): see its history</span>
                    </Link>
                  ) : null}
                </>
              ),
            },
            { header: "Inspector", className: "whitespace-nowrap", cell: (row) => row.inspector?.name ?? "Not allocated" },
            { header: "Open comments", cell: (row) => row.openComments },
            ...columns.map(
              (c): Column<GridRow> => ({
                key: c.id,
                header: (
                  <>
                    <abbr title={c.text} className="no-underline">
                      {c.id}
                    </abbr>
                    <span className="sr-only"> {c.text}</span>
                  </>
                ),
                headerClassName: "whitespace-nowrap",
                className: "text-center",
                cell: (row) => {
                  const cell = row.cells[c.id] ?? "unanswered";
                  return cell === "does_not_apply" ? (
                    <CellTag cell={cell} />
                  ) : (
                    <Link href={`/inspections/${inspectionId}/cases/${row.id}#${questionBaseId(c.id)}-card`} className="no-underline" aria-label={`${row.reference} ${c.id}: ${CELL[cell].sr ?? CELL[cell].text}`}>
                      <CellTag cell={cell} />
                    </Link>
                  );
                },
              }),
            ),
          ]}
        />
      )}
    </section>
  );
}
