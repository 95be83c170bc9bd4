import type { Metadata } from "next";
import Link from "next/link";
import { BulkApproveForm } from "@/components/grid/bulk-approve";
import { CELL_LEGEND, CellTag, GridFilters, GridTable } from "@/components/grid/key-question-grid";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { keyQuestionGrid } from "@/lib/cases/key-question-grid";
import { pageData } from "@/lib/http/page-data";
import { approveCasesAction } from "@/app/inspections/[inspectionId]/grid/actions";

export const metadata: Metadata = { title: "Key question grid" };

export default async function GridPage({ params, searchParams }: { params: Promise<{ inspectionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/grid`);
  const grid = await pageData(keyQuestionGrid(user, inspectionId, await searchParams));
  const shown = grid.streams.flatMap((s) => s.rows);
  const approvable = shown.filter((r) => r.approvable).map((r) => r.id);
  return (
    <>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}`}>Back to {grid.inspection.yjsName}</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/cases`}>Cases</Link>
      </p>
      <PageHeading caption={grid.inspection.yjsName}>Key question grid</PageHeading>
      <ErrorSummary errors={Object.entries(grid.filterErrors).map(([field, message]) => ({ field: `filter-${field}`, message }))} />
      <GridFilters grid={grid} />
      <p className="mb-2" role="status">
        Showing {shown.length} of {grid.totalCases} cases.
      </p>
      <ul aria-label="Key to the cells" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {CELL_LEGEND.map(({ cell, meaning }) => (
          <li key={cell}>
            <CellTag cell={cell} /> {meaning}
          </li>
        ))}
      </ul>
      {grid.canApprove ? <BulkApproveForm approveCasesAction={approveCasesAction} inspectionId={inspectionId} shownIds={approvable} /> : null}
      {grid.streams.map((s) => (
        <GridTable key={s.stream} inspectionId={inspectionId} stream={s.stream} columns={s.columns} rows={s.rows} selectable={grid.canApprove} />
      ))}
    </>
  );
}
