import type { Metadata } from "next";
import Link from "next/link";
import { Proportions } from "@/components/setup/proportions";
import { AddCaseForm, DrawForm, RemoveCaseForm } from "@/components/setup/sample-forms";
import { SetupHeader } from "@/components/setup/setup-nav";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { CLASSIFICATION_LABELS, DISPOSAL_TYPE_LABELS, GENDER_LABELS, STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { samplingView } from "@/lib/sampling/draw-service";
import { addCaseAction, drawSampleAction, removeCaseAction } from "@/app/inspections/[inspectionId]/setup/actions";

export const metadata: Metadata = { title: "Set-up: sample" };

const label = (labels: Readonly<Record<string, string>>, code: string | null) => (code === null ? "—" : (labels[code] ?? code));

export default async function SamplePage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/sample`);
  const view = await pageData(samplingView(user, inspectionId));
  const active = view.cases.filter((c) => c.removedAt === null);
  const removed = view.cases.filter((c) => c.removedAt !== null);

  return (
    <>
      <SetupHeader inspection={view} current="sample" title="Sample" readOnly={!view.editSetup} />
      <p className="mb-2 max-w-3xl">
        Each stream is sampled separately: a stratified random draw that keeps the population&apos;s proportions of gender, disposal type, risk of
        serious harm and safety and wellbeing classification, each within one case.
      </p>
      <p className={`${view.streamSplit ? "mb-2" : "mb-6"} max-w-3xl text-sm`}>
        <strong>Sample size method:</strong> {view.sampleSizeMethod}.
      </p>
      {view.streamSplit ? (
        <p className="mb-6 max-w-3xl text-sm">
          <strong>Split between streams:</strong> {view.streamSplit.label}. Proposed sample: {view.streamSplit.total} of the {view.streamSplit.populationSize}{" "}
          eligible court and out-of-court cases. Change either number before drawing if this inspection needs another split.
        </p>
      ) : null}

      {view.streams.map((s) => (
        <section key={s.stream} aria-labelledby={`stream-${s.stream}`} className="mb-10 border-t-4 border-line pt-4">
          <h2 id={`stream-${s.stream}`} className="mb-2 text-2xl font-bold">
            {STREAM_LABELS[s.stream]}
          </h2>
          <dl className="mb-4 grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-1 [&>dd]:mb-2 sm:[&>dd]:mb-0">
            <dt className="font-semibold">Eligible cases</dt>
            <dd className="tabular-nums">{s.populationSize}</dd>
            <dt className="font-semibold">Proposed sample size</dt>
            <dd className="tabular-nums">
              {s.proposedSize}{" "}
              <span className="text-sm text-muted">
                {view.streamSplit
                  ? `(${view.streamSplit.name}: ${view.streamSplit.percent[s.stream] ?? 0}% of ${view.streamSplit.total}, never more than the eligible cases)`
                  : "(80% confidence, ±5, p = 0.5, finite population correction)"}
              </span>
            </dd>
            <dt className="font-semibold">In the sample</dt>
            <dd className="tabular-nums">{s.sampledCount}</dd>
            <dt className="font-semibold">Last draw</dt>
            <dd>
              {s.lastDraw
                ? `${s.lastDraw.size} of ${s.lastDraw.populationSize} with seed ${s.lastDraw.seed}, by ${s.lastDraw.drawnBy.name} on ${formatDate(s.lastDraw.createdAt)}`
                : "Not drawn yet"}
            </dd>
          </dl>
          {s.lastDraw ? (
            <details className="mb-4 max-w-3xl text-sm">
              <summary className="cursor-pointer">How this sample was drawn</summary>
              <p className="mt-2">{s.lastDraw.method}</p>
            </details>
          ) : null}
          {s.populationSize === 0 ? (
            <p className="mb-4">
              No eligible {STREAM_LABELS[s.stream].toLowerCase()} cases. <Link href={`/inspections/${view.id}/setup/population`}>Import the population</Link>{" "}
              first.
            </p>
          ) : null}
          {s.canDraw ? (
            <DrawForm drawSampleAction={drawSampleAction} inspectionId={view.id} stream={s.stream} proposedSize={s.proposedSize} populationSize={s.populationSize} redraw={s.lastDraw !== null || s.sampledCount > 0} sampledCount={s.sampledCount} />
          ) : view.editSetup && s.started ? (
            <p className="mb-4">Inspectors have started recording these cases, so this stream cannot be redrawn; change it one case at a time below.</p>
          ) : null}
          {s.sampledCount > 0 ? <Proportions stream={s.stream} rows={s.proportions} /> : null}
        </section>
      ))}

      <section className="mb-10">
        <Table
          caption={`Sampled cases (${active.length})`}
          captionStyle="2xl"
          small
          className="mb-6"
          rows={active}
          columns={[
            {
              header: "Reference",
              rowHeader: true,
              className: "font-mono",
              cell: (c) => (
                <>
                  {c.reference}
                  {c.additionReason ? <span className="block font-sans text-muted">Added: {c.additionReason}</span> : null}
                </>
              ),
            },
            { header: "Stream", cell: (c) => STREAM_LABELS[c.stream] },
            { header: "Disposal", cell: (c) => label(DISPOSAL_TYPE_LABELS, c.disposalType) },
            { header: "Gender", cell: (c) => label(GENDER_LABELS, c.gender) },
            { header: "Risk of serious harm", cell: (c) => label(CLASSIFICATION_LABELS, c.rosh) },
            { header: "Safety and wellbeing", cell: (c) => label(CLASSIFICATION_LABELS, c.safetyWellbeing) },
            { header: "Allocated to", cell: (c) => c.allocatedTo ?? "Not allocated" },
            view.canChangeCases && { header: "Remove", cell: (c) => <RemoveCaseForm removeCaseAction={removeCaseAction} inspectionId={view.id} sampleCase={c} /> },
          ]}
        />
        {view.canChangeCases ? (
          <>
            <h2 className="mb-4 text-xl font-bold">Add a case from the population</h2>
            <AddCaseForm addCaseAction={addCaseAction} inspectionId={view.id} />
          </>
        ) : null}
      </section>

      {removed.length > 0 ? (
        <Table
          caption={`Removed from the sample (${removed.length})`}
          small
          className="mb-8 max-w-4xl"
          rows={removed}
          columns={[
            { header: "Reference", rowHeader: true, className: "font-mono", cell: (c) => c.reference },
            { header: "Stream", cell: (c) => STREAM_LABELS[c.stream] },
            { header: "Removed", cell: (c) => formatDate(c.removedAt) },
            { header: "Reason", cell: (c) => c.removalReason },
          ]}
        />
      ) : null}
    </>
  );
}
