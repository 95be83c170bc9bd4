import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/notice";
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
      <table className="w-full max-w-4xl border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">Standards and evidence recorded</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">Standard</th>
            <th scope="col" className="py-2 pr-4 text-right">Strengths</th>
            <th scope="col" className="py-2 pr-4 text-right">Areas for improvement</th>
          </tr>
        </thead>
        <tbody>
          {data.targets.map(({ standard }) => (
            <tr key={standard.id} className="border-b border-line">
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={`/inspections/${inspectionId}/evidence/${standard.id}`}>
                  {standard.id} {standard.title}
                </Link>
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{count(standard.id, "strength")}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{count(standard.id, "area_for_improvement")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
