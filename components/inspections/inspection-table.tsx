import Link from "next/link";
import type { InspectionSummary } from "@/lib/inspections/queries";
import { formatDate, INSPECTION_STATUS_LABELS, MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";

export function InspectionTable({ inspections, caption }: { inspections: InspectionSummary[]; caption: string }) {
  if (inspections.length === 0) {
    return <p className="mb-6 text-muted">{caption}: none yet.</p>;
  }
  return (
    <div className="mb-8 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Youth justice service</th>
            <th scope="col" className="py-2 pr-4">Fieldwork starts</th>
            <th scope="col" className="py-2 pr-4">Framework</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Your role</th>
            <th scope="col" className="py-2 pr-4 text-right">Cases</th>
          </tr>
        </thead>
        <tbody>
          {inspections.map((inspection) => (
            <tr key={inspection.id} className="border-b border-line">
              <td className="py-2 pr-4">
                <Link href={`/inspections/${inspection.id}`}>{inspection.yjsName}</Link>
              </td>
              <td className="py-2 pr-4">{formatDate(inspection.fieldworkStart)}</td>
              <td className="py-2 pr-4">{inspection.frameworkVersion}</td>
              <td className="py-2 pr-4">{INSPECTION_STATUS_LABELS[inspection.status] ?? inspection.status}</td>
              <td className="py-2 pr-4">{inspection.myRole ? MEMBER_ROLE_LABELS[inspection.myRole] : "—"}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{inspection.caseCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
