import type { Metadata } from "next";
import Link from "next/link";
import { ActionButtonForm } from "@/components/setup/action-button-form";
import { InspectionDetailsForm } from "@/components/setup/inspection-form";
import { SetupHeader } from "@/components/setup/setup-nav";
import { StatusNotice } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { setupOverview } from "@/lib/inspections/setup-views";
import { hasStreamWindows } from "@/lib/framework/eligibility-window";
import { startFieldworkAction, updateDetailsAction } from "./actions";

export const metadata: Metadata = { title: "Inspection set-up" };

const asDate = (iso: string | null) => (iso ? formatDate(new Date(iso)) : "—");
const windowText = (start: string | null, end: string | null) => (start ? `${asDate(start)} to ${asDate(end)}` : "Not set");

export default async function SetupOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { inspectionId } = await params;
  const { created } = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}/setup`);
  const setup = await pageData(setupOverview(user, inspectionId));
  const base = `/inspections/${setup.id}/setup`;
  const canEdit = setup.rights.editSetup && setup.status !== "signed_off";
  const sampled = setup.streams.reduce((n, s) => n + s.sampled, 0);
  const unallocated = setup.streams.reduce((n, s) => n + s.unallocated, 0);

  const steps = [
    { done: setup.lead !== null, text: setup.lead ? `Lead inspector: ${setup.lead}; ${setup.inspectorCount} inspectors` : "Appoint a lead inspector", href: `${base}/team`, link: "Team" },
    {
      done: setup.population !== null,
      text: setup.population ? `Eligible population: ${setup.population.rowCount} cases from ${setup.population.fileName}` : "Import the eligible population",
      href: `${base}/population`,
      link: "Eligible population",
    },
    { done: sampled > 0, text: sampled > 0 ? `Sample: ${sampled} cases` : "Draw the sample", href: `${base}/sample`, link: "Sample" },
    {
      done: sampled > 0 && unallocated === 0,
      text: sampled === 0 ? "Allocate the sample" : unallocated === 0 ? "Every case is allocated" : `${unallocated} cases to allocate`,
      href: `${base}/allocation`,
      link: "Allocation",
    },
  ];

  return (
    <>
      <SetupHeader
        inspection={setup}
        current="overview"
        title={hasStreamWindows(setup.frameworkVersion) ? "Details and windows" : "Details and window"}
        readOnly={!setup.rights.editSetup} />
      {created ? <StatusNotice>{setup.yjsName} created. Next, add the team.</StatusNotice> : null}

      <h2 className="mb-2 text-xl font-bold">Progress</h2>
      <Table
        caption="Set-up progress"
        captionStyle="visually-hidden"
        className="mb-6 max-w-4xl"
        rows={steps}
        rowKey={(step) => step.link}
        columns={[
          { header: "Step", cell: (step) => step.text },
          { header: "State", cell: (step) => <span className={`font-semibold ${step.done ? "text-success" : "text-muted"}`}>{step.done ? "Done" : "To do"}</span> },
          { header: "Where", cell: (step) => <Link href={step.href}>{step.link}</Link> },
        ]}
      />

      <Table
        caption="Cases by stream"
        captionStyle="lg"
        className="mb-8 max-w-3xl"
        rows={setup.streams}
        rowKey={(s) => s.stream}
        columns={[
          { header: "Stream", rowHeader: true, cell: (s) => STREAM_LABELS[s.stream] },
          { header: "Eligible", numeric: true, cell: (s) => s.population },
          { header: "Sampled", numeric: true, cell: (s) => s.sampled },
          { header: "Not allocated", numeric: true, cell: (s) => s.unallocated },
        ]}
      />

      {setup.status === "setup" && setup.rights.editSetup ? (
        <section aria-labelledby="start-fieldwork" className="mb-8">
          <h2 id="start-fieldwork" className="mb-2 text-xl font-bold">Start fieldwork</h2>
          <p className="mb-3 max-w-2xl">
            Needs one lead inspector, a sample, and every sampled case allocated. Afterwards the population can no longer be replaced and the sample
            changes only one case at a time, with a reason.
          </p>
          <ActionButtonForm action={startFieldworkAction} hidden={{ inspectionId: setup.id }} label="Start fieldwork" />
        </section>
      ) : null}

      <h2 className="mb-4 text-xl font-bold">Details</h2>
      {canEdit ? (
        <InspectionDetailsForm
          saveAction={updateDetailsAction}
          inspectionId={setup.id}
          datesLocked={setup.status !== "setup"}
          initial={{
            yjsName: setup.yjsName,
            frameworkVersion: setup.frameworkVersion,
            fieldworkStart: setup.fieldworkStart,
            windowStart: setup.windowStart ?? "",
            windowEnd: setup.windowEnd ?? "",
            oocWindowStart: setup.oocWindowStart ?? "",
            oocWindowEnd: setup.oocWindowEnd ?? "",
          }}
        />
      ) : (
        <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0">
          <dt className="font-semibold">Youth justice service</dt>
          <dd>{setup.yjsName}</dd>
          <dt className="font-semibold">Framework</dt>
          <dd>
            {setup.frameworkVersion} — {setup.frameworkLabel}
          </dd>
          <dt className="font-semibold">Fieldwork starts</dt>
          <dd>{asDate(setup.fieldworkStart)}</dd>
          {setup.streamWindows ? (
            <>
              <dt className="font-semibold">Court disposal eligibility window</dt>
              <dd>{windowText(setup.windowStart, setup.windowEnd)}</dd>
              <dt className="font-semibold">Out-of-court disposal eligibility window</dt>
              <dd>{windowText(setup.oocWindowStart, setup.oocWindowEnd)}</dd>
            </>
          ) : (
            <>
              <dt className="font-semibold">Eligibility window</dt>
              <dd>{windowText(setup.windowStart, setup.windowEnd)}</dd>
            </>
          )}
        </dl>
      )}
      {!canEdit && setup.windowAssumption ? (
        <p className="mb-8 max-w-3xl text-sm">
          <strong>How the windows are proposed:</strong> {setup.windowAssumption}.
        </p>
      ) : null}
    </>
  );
}
