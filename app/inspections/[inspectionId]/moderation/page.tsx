import type { Metadata } from "next";
import Link from "next/link";
import { AddDipCaseForm, AddModeratorForm, DrawDipSampleForm, RemoveDipCaseForm, RemoveModeratorForm } from "@/components/moderation/moderation-forms";
import { AgreementTable } from "@/components/moderation/agreement-table";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { moderationAgreement } from "@/lib/moderation/agreement";
import { moderationOverview } from "@/lib/moderation/overview";
import { addDipCaseAction, addModeratorAction, drawDipSampleAction, removeDipCaseAction, removeModeratorAction } from "@/app/inspections/[inspectionId]/moderation/actions";

export const metadata: Metadata = { title: "Moderation" };

export default async function ModerationPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/moderation`);
  const overview = await pageData(moderationOverview(user, inspectionId));
  const agreement = await pageData(moderationAgreement(user, inspectionId));
  const { rights } = overview;
  const base = `/inspections/${inspectionId}`;

  return (
    <>
      <PageHeading caption={overview.inspection.yjsName}>Moderation</PageHeading>
      <p className="mb-6">
        <Link href={base}>Back to the inspection</Link>
      </p>
      <p className="mb-6 max-w-3xl">
        A quality assurer second-assesses a dip sample of the cases without seeing the inspector&rsquo;s answers, then compares the two. Second answers are kept
        apart from the inspector&rsquo;s and never count in the ratings panel&rsquo;s figures.
      </p>

      <section aria-labelledby="moderators-heading" className="mb-10">
        <h2 id="moderators-heading" className="mb-2 text-2xl font-bold">
          Moderators
        </h2>
        {overview.moderators.length === 0 ? (
          <p className="mb-4">No one moderates this inspection yet.</p>
        ) : (
          <ul className="mb-4 space-y-2">
            {overview.moderators.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {m.name} ({m.email}){m.holdsRight ? "" : " — no longer an active quality assurer, so moderates nothing"}, added by {m.addedBy} on {formatDate(m.since)}
                </span>
                {rights.manage ? <RemoveModeratorForm removeModeratorAction={removeModeratorAction} inspectionId={inspectionId} userId={m.id} name={m.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        {rights.manage ? (
          overview.candidates.length > 0 ? (
            <AddModeratorForm addModeratorAction={addModeratorAction} inspectionId={inspectionId} candidates={overview.candidates} />
          ) : (
            <p className="text-muted">There is no other active quality assurer to add. An administrator gives people that role.</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="sample-heading" className="mb-10">
        <h2 id="sample-heading" className="mb-2 text-2xl font-bold">
          Dip sample
        </h2>
        {overview.draws.length > 0 ? (
          <ul className="mb-4 list-disc pl-6 text-sm">
            {overview.draws.map((d) => (
              <li key={d.id}>
                {formatDate(d.createdAt)}: {d.drawnBy.name} asked for {d.requestValue}
                {d.requestKind === "percent" ? "%" : d.requestValue === 1 ? " case" : " cases"} and drew {d.size} of {d.populationSize} with seed <code>{d.seed}</code>. {d.method}
              </li>
            ))}
          </ul>
        ) : null}
        {overview.dipCases.length === 0 ? (
          <p className="mb-4">No case is in the dip sample yet.</p>
        ) : (
          <Table
            caption={`${overview.dipCases.length} dip-sampled cases`}
            captionStyle="bold"
            region="Dip-sampled cases"
            small
            className="mb-6"
            rows={overview.dipCases}
            rowKey={(d) => d.caseId}
            columns={[
              {
                header: "Case",
                rowHeader: true,
                cell: (d) =>
                  rights.assess && !d.completedAt ? (
                    <Link href={`${base}/cases/${d.caseId}`}>Second-assess {d.reference}</Link>
                  ) : (
                    <Link href={`${base}/moderation/cases/${d.caseId}`}>Reconcile {d.reference}</Link>
                  ),
              },
              { header: "Stream", cell: (d) => STREAM_LABELS[d.stream] },
              { header: "Inspector", cell: (d) => d.inspectorName ?? "Not allocated" },
              { header: "Case status", cell: (d) => CASE_STATUS_LABELS[d.caseStatus] },
              { header: "How", cell: (d) => (d.how === "drawn" ? "Drawn" : `By hand: ${d.additionReason ?? ""}`) },
              {
                header: "Second assessment",
                cell: (d) => (d.completedAt ? `Complete (${formatDate(d.completedAt)})` : d.secondAnswers > 0 ? `In progress (${d.secondAnswers} answered)` : "Not started"),
              },
              {
                header: "Outcomes",
                cell: (d) => (d.outcomes === 0 ? "None" : `${d.outcomes} recorded${d.awaitingResponse > 0 ? `, ${d.awaitingResponse} awaiting the inspector` : ""}`),
              },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                cell: (d) =>
                  rights.assess && !d.completedAt && d.secondAnswers === 0 ? <RemoveDipCaseForm removeDipCaseAction={removeDipCaseAction} inspectionId={inspectionId} caseId={d.caseId} reference={d.reference} /> : null,
              },
            ]}
          />
        )}
        {rights.assess ? (
          <div className="grid gap-8 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-xl font-bold">Draw cases</h3>
              <DrawDipSampleForm drawDipSampleAction={drawDipSampleAction} inspectionId={inspectionId} />
            </div>
            <div>
              <h3 className="mb-2 text-xl font-bold">Add a case by hand</h3>
              <AddDipCaseForm addDipCaseAction={addDipCaseAction} inspectionId={inspectionId} />
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="agreement-heading" className="mb-10">
        <h2 id="agreement-heading" className="mb-2 text-2xl font-bold">
          Agreement
        </h2>
        <AgreementTable breakdown={agreement.breakdown} inspectorNames={agreement.inspectorNames} />
        {rights.manage ? (
          <p className="mt-4">
            <a href={`${base}/exports/moderation.csv`} download>
              Download the moderation sample, outcomes and statistics (CSV)
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
