import type { Metadata } from "next";
import { BalancedAllocationForm, ReassignForm } from "@/components/setup/allocation-forms";
import { SetupHeader } from "@/components/setup/setup-nav";
import { type Column, Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { DISPOSAL_TYPE_LABELS, STREAM_LABELS } from "@/lib/framework/case-attributes";
import { pageData } from "@/lib/http/page-data";
import { CASE_STATUS_LABELS, MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";
import { allocationView } from "@/lib/sampling/allocation-service";
import { allocateBalancedAction, reassignCaseAction } from "@/app/inspections/[inspectionId]/setup/actions";

export const metadata: Metadata = { title: "Set-up: allocation" };

export default async function AllocationPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/allocation`);
  const view = await pageData(allocationView(user, inspectionId));
  const selectable = view.people.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, role: MEMBER_ROLE_LABELS[p.memberRole] ?? p.memberRole }));
  const mine = view.cases.filter((c) => c.allocatedToId === view.myId);
  // Each person's cases by stream, then the cases no one has yet.
  const perPerson = [
    ...view.people.map((p) => ({
      id: p.id,
      label: (
        <>
          {p.name} <span className="text-sm text-muted">({MEMBER_ROLE_LABELS[p.memberRole]}{p.active ? "" : ", account disabled"})</span>
        </>
      ),
      counts: p.counts,
      total: p.total,
    })),
    { id: "unallocated", label: "Not allocated", counts: view.unallocated, total: view.streams.reduce((n, s) => n + view.unallocated[s], 0) },
  ];

  return (
    <>
      <SetupHeader inspection={view} current="allocation" title="Allocation" readOnly={!view.editSetup} />

      {view.people.some((p) => p.id === view.myId) ? (
        <p className="mb-6 font-semibold">
          {mine.length === 0 ? "No cases are allocated to you yet." : `${mine.length} cases are allocated to you: ${mine.map((c) => c.reference).join(", ")}.`}
        </p>
      ) : null}

      <Table
        caption="Cases per person by stream"
        className="mb-8 max-w-4xl"
        rows={perPerson}
        columns={[
          { header: "Person", rowHeader: true, cell: (row) => row.label },
          ...view.streams.map((s): Column<(typeof perPerson)[number]> => ({ header: STREAM_LABELS[s], numeric: true, cell: (row) => row.counts[s] })),
          { header: "Total", numeric: true, className: "font-semibold", cell: (row) => row.total },
        ]}
      />
      {view.withFormerMembers > 0 ? <p className="mb-6 font-semibold">{view.withFormerMembers} cases are with people no longer on the team; move them below.</p> : null}

      {view.canAllocate && view.cases.length > 0 ? (
        <section aria-labelledby="balance">
          <h2 id="balance" className="mb-2 text-xl font-bold">Balanced allocation</h2>
          <BalancedAllocationForm allocateBalancedAction={allocateBalancedAction} inspectionId={view.id} />
        </section>
      ) : null}

      {view.cases.length === 0 ? (
        <p>There are no sampled cases yet.</p>
      ) : (
        <Table
          caption="Sampled cases and their inspectors"
          small
          className="mb-8"
          rows={view.cases}
          columns={[
            { header: "Reference", rowHeader: true, className: "font-mono", cell: (c) => c.reference },
            { header: "Stream", cell: (c) => STREAM_LABELS[c.stream] },
            { header: "Disposal", cell: (c) => DISPOSAL_TYPE_LABELS[c.disposalType as keyof typeof DISPOSAL_TYPE_LABELS] ?? c.disposalType },
            { header: "Status", cell: (c) => CASE_STATUS_LABELS[c.status] },
            {
              header: "Inspector",
              cell: (c) => (view.canAllocate ? <ReassignForm reassignCaseAction={reassignCaseAction} inspectionId={view.id} sampleCase={c} people={selectable} /> : (c.allocatedTo ?? "Not allocated")),
            },
          ]}
        />
      )}
    </>
  );
}
