import type { Metadata } from "next";
import Link from "next/link";
import { DeleteEvidenceForm, RecordEvidenceForm } from "@/components/evidence/evidence-forms";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { EVIDENCE_KIND_LABELS, EVIDENCE_SOURCE_LABELS, evidencePage } from "@/lib/evidence";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { deleteEvidenceAction, recordEvidenceAction } from "@/app/inspections/[inspectionId]/evidence/actions";

export const metadata: Metadata = { title: "Evidence for a standard" };

export default async function StandardEvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ inspectionId: string; standardId: string }>;
  searchParams: Promise<{ case?: string }>;
}) {
  const { inspectionId, standardId } = await params;
  const { case: caseParam } = await searchParams;
  const user = await requireUser(`/inspections/${inspectionId}/evidence/${standardId}`);
  const data = await pageData(evidencePage(user, inspectionId, { standardId, ...(caseParam ? { caseId: caseParam } : {}) }));
  const resettlement = standardId === data.resettlementStandard;
  const caseId = resettlement && caseParam ? caseParam : null;
  const target = data.targets.find((t) => t.standard.id === standardId);
  if (!target) return null;
  const filteredCase = caseId ? data.resettlementCases.find((c) => c.id === caseId) : undefined;

  return (
    <>
      <PageHeading caption={`${data.inspection.yjsName} · evidence`}>
        {target.standard.id} {target.standard.title}
      </PageHeading>
      <p className="mb-2 max-w-3xl">{target.standard.statement}</p>
      <p className="mb-6">
        <Link href={`/inspections/${inspectionId}/evidence`}>All evidence</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/panel#standard-${standardId.replace(".", "-")}`}>Ratings panel</Link>
      </p>
      {caseId ? (
        <p className="mb-4 border-l-4 border-link pl-2">
          Showing evidence for resettlement case {filteredCase?.reference ?? "(not a resettlement case of this inspection)"}.{" "}
          <Link href={`/inspections/${inspectionId}/evidence/${standardId}`}>Show all evidence for {standardId}</Link>
        </p>
      ) : null}

      {(["strength", "area_for_improvement"] as const).map((kind) => {
        const items = data.items.filter((i) => i.kind === kind);
        return (
          <section key={kind} aria-labelledby={`${kind}-heading`} className="mb-8">
            <h2 id={`${kind}-heading`} className="mb-2 text-xl font-bold">
              {kind === "strength" ? "Strengths" : "Areas for improvement"} ({items.length})
            </h2>
            {items.length === 0 ? (
              <p className="text-muted">None recorded yet.</p>
            ) : (
              <ul className="space-y-3">
                {items.map((item) => (
                  <li key={item.id} className="border-l-4 border-line pl-3">
                    <p className="whitespace-pre-line">{item.text}</p>
                    <p className="text-muted text-sm">
                      {item.topicLabel} · {EVIDENCE_KIND_LABELS[item.kind]} · {EVIDENCE_SOURCE_LABELS[item.source]} · {formatDate(item.occurredOn)}
                      {item.caseReference ? ` · case ${item.caseReference}` : ""} · recorded by {item.author}
                    </p>
                    {item.canDelete ? <DeleteEvidenceForm deleteEvidenceAction={deleteEvidenceAction} inspectionId={inspectionId} evidenceId={item.id} label={item.text.slice(0, 60)} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      {data.canRecord ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading" className="mb-2 text-xl font-bold">
            Record evidence for {standardId}
          </h2>
          <RecordEvidenceForm
            recordEvidenceAction={recordEvidenceAction}
            inspectionId={inspectionId}
            standardId={standardId}
            topics={target.topics}
            cases={resettlement ? data.resettlementCases.map((c) => ({ value: c.id, label: c.reference })) : null}
            caseId={filteredCase?.id ?? null}
          />
        </section>
      ) : data.inspection.status === "signed_off" ? (
        <p>The ratings are signed off, so their evidence is frozen.</p>
      ) : null}
    </>
  );
}
