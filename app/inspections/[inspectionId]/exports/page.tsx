import type { Metadata } from "next";
import Link from "next/link";
import { ExportDownloads } from "@/components/exports/export-downloads";
import { PageHeading, StatusNotice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { EXPORT_FILES } from "@/lib/exports";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { panelFigures } from "@/lib/panel";
import { authorize } from "@/lib/permissions/access";

export const metadata: Metadata = { title: "Export ratings" };

export default async function ExportsPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/exports`);
  await pageData(authorize(user, inspectionId, "ratings.export"));
  const figures = await pageData(panelFigures(user, inspectionId));
  return (
    <>
      <PageHeading caption={figures.inspection.yjsName}>Export ratings</PageHeading>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}/panel`}>Ratings panel</Link>
      </p>
      {figures.signOff ? (
        <StatusNotice>
          Signed off by {figures.signOff.signedBy} on {formatDate(figures.signOff.signedAt)}: the exports carry the signed-off ratings.
        </StatusNotice>
      ) : (
        <p className="mb-4 max-w-3xl border-l-8 border-error p-3">
          <strong>DRAFT:</strong> the ratings are not signed off. Every export is marked DRAFT and uses the current final figures (completed and
          approved cases only).
        </p>
      )}
      <p className="mb-6 max-w-3xl">
        Each file carries the inspection, the date and the framework version ({figures.frameworkVersion}). Case-level answers use pseudonymous case
        references only.
      </p>
      <ExportDownloads
        baseUrl={`/inspections/${inspectionId}/exports`}
        files={EXPORT_FILES.map((f) => ({ name: f.name, label: f.label, description: f.description }))}
      />
    </>
  );
}
