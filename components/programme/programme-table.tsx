import Link from "next/link";
import { RatingText } from "@/components/panel/standard-tables";
import { formatDate } from "@/lib/inspections/labels";
import { isFinal } from "@/lib/programme-page/distributions";
import { PROGRAMME_STATUS_LABELS, programmeSearch, SORT_COLUMNS, type ProgrammeQuery, type ProgrammeStatus, type SortColumn } from "@/lib/programme-page/query";

// Every inspection of the programme, sorted on the server: each column heading is a link that sorts
// by it (again to reverse), with aria-sort on the heading that is sorted, so it works without
// JavaScript and screen readers hear the order. The table scrolls inside its own labelled region at
// narrow widths, never the page.

export interface ProgrammeTableRow {
  readonly id: string;
  readonly name: string;
  readonly frameworkVersion: string;
  readonly fieldworkStart: Date | string | null;
  readonly status: string;
  readonly source: "live" | "published";
  readonly overallRating: string | null;
  readonly score: number | null;
}

const HEADINGS: Readonly<Record<SortColumn, string>> = {
  name: "Inspection",
  frameworkVersion: "Framework",
  fieldworkStart: "Fieldwork starts",
  status: "Status",
  overallRating: "Overall rating",
  score: "Score",
};

const NUMERIC: readonly SortColumn[] = ["score"];

function SortableHeading({ column, query, basePath }: { column: SortColumn; query: ProgrammeQuery; basePath: string }) {
  const sorted = query.sort === column;
  const next = sorted && query.order === "asc" ? "desc" : "asc";
  const label = HEADINGS[column];
  return (
    <th scope="col" aria-sort={sorted ? (query.order === "asc" ? "ascending" : "descending") : "none"} className={`p-2 whitespace-nowrap ${NUMERIC.includes(column) ? "text-right" : ""}`}>
      <Link href={`${basePath}${programmeSearch(query, { sort: column, order: next })}`} className="font-bold">
        {label}
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
        <span aria-hidden="true" className="ml-1 inline-block w-3">
          {sorted ? (query.order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
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
        // Its own scroll box at narrow widths (WCAG 1.4.10 allows it for data tables); focusable so
        // keyboard users can scroll it.
        <div role="region" aria-labelledby="programme-table-caption" tabIndex={0} className="relative max-w-full overflow-x-auto border border-line">
          <table className="w-full border-collapse text-left">
            <caption id="programme-table-caption" className="sr-only">
              Inspections in the programme, sorted by {HEADINGS[query.sort].toLowerCase()} {query.order === "asc" ? "ascending" : "descending"}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                {SORT_COLUMNS.map((column) => (
                  <SortableHeading key={column} column={column} query={query} basePath={basePath} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line">
                  <th scope="row" className="p-2 font-normal">
                    {row.source === "live" ? <Link href={`/inspections/${row.id}`}>{row.name}</Link> : row.name}
                  </th>
                  <td className="p-2 whitespace-nowrap">{row.frameworkVersion}</td>
                  <td className="p-2 whitespace-nowrap">{formatDate(row.fieldworkStart === null ? null : new Date(row.fieldworkStart))}</td>
                  <td className="p-2">{PROGRAMME_STATUS_LABELS[row.status as ProgrammeStatus] ?? row.status}</td>
                  <td className="p-2">{isFinal(row) ? <RatingText rating={row.overallRating} /> : <span className="text-muted">Not signed off yet</span>}</td>
                  <td className="p-2 text-right tabular-nums">{row.score === null ? <span className="text-muted">—</span> : `${row.score}/36`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
