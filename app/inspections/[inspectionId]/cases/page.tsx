import type { Metadata } from "next";
import Link from "next/link";
import { CasesGrid, MyCases } from "@/components/case/cases-grid";
import { MakeCasesAvailableOffline } from "@/components/case/offline-prepare-button";
import { OutboxSync } from "@/components/case/outbox-sync";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { offlineCaseStamps } from "@/lib/cases/offline-stamps";
import { listCases } from "@/lib/cases/queries";
import { pageData } from "@/lib/http/page-data";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/cases`);
  const [listing, offlineCases] = await pageData(Promise.all([listCases(user, inspectionId), offlineCaseStamps(user, inspectionId)]));
  const mine = listing.rows.filter((r) => r.mine);
  return (
    <>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}`}>Back to {listing.inspection.yjsName}</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/grid`}>Key question grid</Link>
      </p>
      <PageHeading caption={listing.inspection.yjsName}>{listing.seesGridFirst ? "Cases" : "My cases"}</PageHeading>
      <OutboxSync userId={user.id} references={Object.fromEntries(listing.rows.map((row) => [row.id, row.reference]))} />
      {/* Rendered with no case too: a device that kept cases since reallocated then deletes them. */}
      <MakeCasesAvailableOffline inspectionId={inspectionId} userId={user.id} cases={offlineCases} />
      {listing.seesGridFirst ? (
        <CasesGrid listing={listing} />
      ) : (
        <>
          <MyCases listing={listing} rows={mine} />
          <details className="mt-8">
            <summary className="cursor-pointer text-lg font-semibold text-link underline">All cases on this inspection</summary>
            <p className="text-muted mt-1">You can read every case; only your own can be changed.</p>
            <CasesGrid listing={listing} />
          </details>
        </>
      )}
    </>
  );
}
