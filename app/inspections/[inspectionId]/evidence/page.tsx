import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { evidencePage } from "@/lib/evidence";
import { pageData } from "@/lib/http/page-data";

export const metadata: Metadata = { title: "Evidence" };

export default async function EvidenceIndexPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/evidence`);
  const data = await pageData(evidencePage(user, inspectionId));
  const count = (standardId: string, kind: string) => data.items.filter((i) => i.standardId === standardId && i.kind === kind).length;
  return (
    <>
      <PageHeading caption={data.inspection.yjsName}>Evidence for the judgement-rated standards</PageHeading>
      <p className="mb-4 max-w-3xl">
        These standards are judged from documents, meetings and interviews, and published as Strengths and Areas for improvement.{" "}
        <Link href={`/inspections/${inspectionId}/panel`}>Ratings panel</Link>
      </p>
      <Table
        caption="Standards and evidence recorded"
        className="max-w-4xl"
        rows={data.targets.map((target) => target.standard)}
        columns={[
          {
            header: "Standard",
            rowHeader: true,
            cell: (standard) => (
              <Link href={`/inspections/${inspectionId}/evidence/${standard.id}`}>
                {standard.id} {standard.title}
              </Link>
            ),
          },
          { header: "Strengths", numeric: true, cell: (standard) => count(standard.id, "strength") },
          { header: "Areas for improvement", numeric: true, cell: (standard) => count(standard.id, "area_for_improvement") },
        ]}
      />
    </>
  );
}
