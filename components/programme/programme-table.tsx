import Link from "next/link";
import { RatingText } from "@/components/panel/standard-tables";
import { type Column, Table } from "@/components/ui/table";
import { formatDate } from "@/lib/dates";
import { isFinal } from "@/lib/programme-page/distributions";
import { PROGRAMME_STATUS_LABELS, programmeSearch, SORT_COLUMNS, type ProgrammeQuery, type SortColumn } from "@/lib/programme-page/query";
import type { ProgrammeStatus } from "@/lib/statuses";

// Every inspection of the programme, sorted on the server: each column heading is a link that sorts
// by it (again to reverse), with aria-sort on the heading that is sorted, so it works without
// JavaScript and screen readers hear the order.

export interface ProgrammeTableRow {
  readonly id: string;
  readonly name: string;
  readonly frameworkVersion: string;
  readonly fieldworkStart: Date | string | null;
  readonly status: ProgrammeStatus;
  readonly source: "live" | "published";
  readonly overallRating: string | null;
  readonly score: number | null;
  /** The score's maximum, the version's (36 for twelve scored standards) once complete. */
  readonly maxScore: number | null;
}

const HEADINGS: Readonly<Record<SortColumn, string>> = {
  name: "Inspection",
  frameworkVersion: "Framework",
  fieldworkStart: "Fieldwork starts",
  status: "Status",
  overallRating: "Overall rating",
  score: "Score",
};

/** Each column's cells; the headings are sort links. */
const CELLS: Readonly<Record<SortColumn, Omit<Column<ProgrammeTableRow>, "header">>> = {
  name: { rowHeader: true, cell: (row) => (row.source === "live" ? <Link href={`/inspections/${row.id}`}>{row.name}</Link> : row.name) },
  frameworkVersion: { className: "whitespace-nowrap", cell: (row) => row.frameworkVersion },
  fieldworkStart: { className: "whitespace-nowrap", cell: (row) => formatDate(row.fieldworkStart === null ? null : new Date(row.fieldworkStart)) },
  status: { cell: (row) => PROGRAMME_STATUS_LABELS[row.status] },
  overallRating: { cell: (row) => (isFinal(row) ? <RatingText rating={row.overallRating} /> : <span className="text-muted">Not signed off yet</span>) },
  score: { numeric: true, cell: (row) => (row.score === null ? <span className="text-muted">—</span> : `${row.score}/${row.maxScore}`) },
};

function SortLink({ column, query, basePath }: { column: SortColumn; query: ProgrammeQuery; basePath: string }) {
  const sorted = query.sort === column;
  const next = sorted && query.order === "asc" ? "desc" : "asc";
  return (
    <Link href={`${basePath}${programmeSearch(query, { sort: column, order: next })}`} className="font-bold">
      {HEADINGS[column]}
      <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
      <span aria-hidden="true" className="ml-1 inline-block w-3">
        {sorted ? (query.order === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  );
}

export function ProgrammeTable({ rows, query, basePath = "/programme" }: { rows: readonly ProgrammeTableRow[]; query: ProgrammeQuery; basePath?: string }) {
  return (
    <section aria-labelledby="programme-table-heading" className="mb-10">
      <h2 id="programme-table-heading" className="mb-2 text-2xl font-bold">
        Inspections ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>No inspection matches the filters.</p>
      ) : (
        <Table
          caption={`Inspections in the programme, sorted by ${HEADINGS[query.sort].toLowerCase()} ${query.order === "asc" ? "ascending" : "descending"}`}
          captionStyle="visually-hidden"
          region
          boxed
          rows={rows}
          columns={SORT_COLUMNS.map((column) => ({
            ...CELLS[column],
            key: column,
            header: <SortLink column={column} query={query} basePath={basePath} />,
            headerClassName: "whitespace-nowrap",
            sort: query.sort === column ? (query.order === "asc" ? "ascending" : "descending") : "none",
          }))}
        />
      )}
    </section>
  );
}
