import type { Metadata } from "next";
import { PopulationUpload } from "@/components/setup/population-upload";
import { SetupHeader } from "@/components/setup/setup-nav";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { POPULATION_COLUMNS } from "@/lib/population/columns";
import { populationView } from "@/lib/population/import";

export const metadata: Metadata = { title: "Set-up: eligible population" };

const windowText = (start: string | null, end: string | null) =>
  start ? ` (${formatDate(new Date(start))} to ${formatDate(new Date(end ?? start))})` : " (not set yet)";

export default async function PopulationPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/population`);
  const view = await pageData(populationView(user, inspectionId));
  const count = (stream: string) => view.byStream.find((s) => s.stream === stream)?.count ?? 0;

  return (
    <>
      <SetupHeader inspection={view} current="population" title="Eligible population" readOnly={!view.canEdit} />
      {view.streamWindows ? (
        <p className="mb-4 max-w-3xl">
          The youth justice service&apos;s list of eligible cases: every child whose court disposal fell in the court disposal eligibility window
          {windowText(view.windowStart, view.windowEnd)}, or whose out-of-court disposal was delivered in the out-of-court disposal eligibility window
          {windowText(view.oocWindowStart, view.oocWindowEnd)}. Each case&apos;s date is checked against the window of its stream.
        </p>
      ) : (
        <p className="mb-4 max-w-3xl">
          The youth justice service&apos;s list of eligible cases: every child whose sentence or licence began, out-of-court disposal was delivered, or
          resettlement sentence or release fell in the eligibility window
          {windowText(view.windowStart, view.windowEnd)}.
        </p>
      )}

      {view.latest ? (
        <Table
          caption={`Imported: ${view.latest.rowCount} cases from ${view.latest.fileName}`}
          className="mb-8 max-w-3xl"
          rows={view.streams}
          rowKey={(stream) => stream}
          columns={[
            { header: "Stream", rowHeader: true, cell: (stream) => STREAM_LABELS[stream] },
            { header: "Eligible cases", numeric: true, cell: count },
          ]}
          footer={`Imported by ${view.latest.importedBy.name} on ${formatDate(view.latest.createdAt)}. File SHA-256 ${view.latest.sha256.slice(0, 16)}…`}
        />
      ) : (
        <p className="mb-8 font-semibold">No population has been imported yet.</p>
      )}

      {view.canImport ? (
        <section aria-labelledby="upload-heading" className="mb-10">
          <h2 id="upload-heading" className="mb-2 text-xl font-bold">
            {view.latest ? "Replace the population" : "Import the population"}
          </h2>
          <p className="mb-4 max-w-3xl">
            Every row is checked before anything is written; a file with any problem imports nothing and lists each problem by row. Uploading the same
            file again changes nothing.{" "}
            {view.sampled > 0
              ? `A sample of ${view.sampled} cases has been drawn from this population, so a different file will be refused.`
              : view.latest
                ? "A different file replaces the current population, as no sample has been drawn from it yet."
                : ""}
          </p>
          <p className="mb-4">
            <a href={`/api/population-template?inspection=${view.id}`} download>
              Download the CSV template
            </a>{" "}
            (the header row and two example rows).
          </p>
          <PopulationUpload inspectionId={view.id} />
        </section>
      ) : view.canEdit ? (
        <p className="mb-8">Fieldwork has started: the population can no longer be replaced.</p>
      ) : null}

      <Table
        caption="The file's columns"
        className="mb-8"
        rows={POPULATION_COLUMNS}
        rowKey={(column) => column.name}
        columns={[
          { header: "Column", rowHeader: true, className: "font-mono", cell: (column) => column.name },
          { header: "Required", cell: (column) => (column.required ? "Yes" : "No") },
          { header: "What to put in it", cell: (column) => column.description },
        ]}
      />
    </>
  );
}
