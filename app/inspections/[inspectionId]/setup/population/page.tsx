import type { Metadata } from "next";
import { PopulationUpload } from "@/components/setup/population-upload";
import { SetupHeader } from "@/components/setup/setup-nav";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/inspections/labels";
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
        <table className="mb-8 w-full max-w-3xl border-collapse text-left">
          <caption className="mb-2 text-left text-xl font-bold">
            Imported: {view.latest.rowCount} cases from {view.latest.fileName}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Stream</th>
              <th scope="col" className="py-2 pr-4 text-right">Eligible cases</th>
            </tr>
          </thead>
          <tbody>
            {view.streams.map((stream) => (
              <tr key={stream} className="border-b border-line">
                <th scope="row" className="py-2 pr-4 font-normal">{STREAM_LABELS[stream]}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{count(stream)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2} className="pt-2 text-sm text-muted">
                Imported by {view.latest.importedBy.name} on {formatDate(view.latest.createdAt)}. File SHA-256 {view.latest.sha256.slice(0, 16)}…
              </td>
            </tr>
          </tfoot>
        </table>
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
            <a href="/api/population-template" download>
              Download the CSV template
            </a>{" "}
            (the header row and two example rows).
          </p>
          <PopulationUpload inspectionId={view.id} />
        </section>
      ) : view.canEdit ? (
        <p className="mb-8">Fieldwork has started: the population can no longer be replaced.</p>
      ) : null}

      <table className="mb-8 w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">The file&apos;s columns</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Column</th>
            <th scope="col" className="py-2 pr-4">Required</th>
            <th scope="col" className="py-2 pr-4">What to put in it</th>
          </tr>
        </thead>
        <tbody>
          {POPULATION_COLUMNS.map((column) => (
            <tr key={column.name} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 font-mono font-normal">{column.name}</th>
              <td className="py-2 pr-4">{column.required ? "Yes" : "No"}</td>
              <td className="py-2 pr-4">{column.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
