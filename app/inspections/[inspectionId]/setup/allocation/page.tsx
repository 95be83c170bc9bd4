import type { Metadata } from "next";
import { BalancedAllocationForm, ReassignForm } from "@/components/setup/allocation-forms";
import { SetupHeader } from "@/components/setup/setup-nav";
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

  return (
    <>
      <SetupHeader inspection={view} current="allocation" title="Allocation" readOnly={!view.editSetup} />

      {view.people.some((p) => p.id === view.myId) ? (
        <p className="mb-6 font-semibold">
          {mine.length === 0 ? "No cases are allocated to you yet." : `${mine.length} cases are allocated to you: ${mine.map((c) => c.reference).join(", ")}.`}
        </p>
      ) : null}

      <table className="mb-8 w-full max-w-4xl border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">Cases per person by stream</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Person</th>
            {view.streams.map((s) => (
              <th key={s} scope="col" className="py-2 pr-4 text-right">
                {STREAM_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="py-2 pr-4 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {view.people.map((p) => (
            <tr key={p.id} className="border-b border-line">
              <th scope="row" className="py-2 pr-4 font-normal">
                {p.name} <span className="text-sm text-muted">({MEMBER_ROLE_LABELS[p.memberRole]}{p.active ? "" : ", account disabled"})</span>
              </th>
              {view.streams.map((s) => (
                <td key={s} className="py-2 pr-4 text-right tabular-nums">
                  {p.counts[s]}
                </td>
              ))}
              <td className="py-2 pr-4 text-right font-semibold tabular-nums">{p.total}</td>
            </tr>
          ))}
          <tr className="border-b border-line">
            <th scope="row" className="py-2 pr-4 font-normal">Not allocated</th>
            {view.streams.map((s) => (
              <td key={s} className="py-2 pr-4 text-right tabular-nums">
                {view.unallocated[s]}
              </td>
            ))}
            <td className="py-2 pr-4 text-right font-semibold tabular-nums">{view.streams.reduce((n, s) => n + view.unallocated[s], 0)}</td>
          </tr>
        </tbody>
      </table>
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
        <table className="mb-8 w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-xl font-bold">Sampled cases and their inspectors</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">Reference</th>
              <th scope="col" className="py-2 pr-3">Stream</th>
              <th scope="col" className="py-2 pr-3">Disposal</th>
              <th scope="col" className="py-2 pr-3">Status</th>
              <th scope="col" className="py-2 pr-3">Inspector</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((c) => (
              <tr key={c.id} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-3 font-mono font-normal">{c.reference}</th>
                <td className="py-2 pr-3">{STREAM_LABELS[c.stream]}</td>
                <td className="py-2 pr-3">{DISPOSAL_TYPE_LABELS[c.disposalType as keyof typeof DISPOSAL_TYPE_LABELS] ?? c.disposalType}</td>
                <td className="py-2 pr-3">{CASE_STATUS_LABELS[c.status] ?? c.status}</td>
                <td className="py-2 pr-3">
                  {view.canAllocate ? <ReassignForm reassignCaseAction={reassignCaseAction} inspectionId={view.id} sampleCase={c} people={selectable} /> : (c.allocatedTo ?? "Not allocated")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
