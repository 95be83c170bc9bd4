import Link from "next/link";
import { Table } from "@/components/ui/table";
import type { InspectionSummary } from "@/lib/inspections/queries";
import { formatDate } from "@/lib/dates";
import { INSPECTION_STATUS_LABELS, MEMBER_ROLE_LABELS } from "@/lib/inspections/labels";

export function InspectionTable({ inspections, caption }: { inspections: InspectionSummary[]; caption: string }) {
  if (inspections.length === 0) {
    return <p className="mb-6 text-muted">{caption}: none yet.</p>;
  }
  return (
    <Table
      caption={caption}
      className="mb-8"
      rows={inspections}
      columns={[
        { header: "Youth justice service", cell: (inspection) => <Link href={`/inspections/${inspection.id}`}>{inspection.yjsName}</Link> },
        { header: "Fieldwork starts", cell: (inspection) => formatDate(inspection.fieldworkStart) },
        { header: "Framework", cell: (inspection) => inspection.frameworkVersion },
        { header: "Status", cell: (inspection) => INSPECTION_STATUS_LABELS[inspection.status] },
        { header: "Your role", cell: (inspection) => (inspection.myRole ? MEMBER_ROLE_LABELS[inspection.myRole] : "—") },
        { header: "Cases", numeric: true, cell: (inspection) => inspection.caseCount },
      ]}
    />
  );
}
