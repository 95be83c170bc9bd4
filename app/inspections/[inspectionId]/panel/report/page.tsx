import type { Metadata } from "next";
import Link from "next/link";
import { AddRecommendationForm, EditRecommendationForm, NarrativeForm, RecommendationControls } from "@/components/report/report-forms";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { partyHeading, reportPage } from "@/lib/report";
import { addRecommendationAction, deleteRecommendationAction, editRecommendationAction, moveRecommendationAction, saveNarrativeAction } from "@/app/inspections/[inspectionId]/panel/report/actions";

export const metadata: Metadata = { title: "Draft report: recommendations and narrative" };

// The lead keeps the draft report's own records here, beside the panel: the recommendations, in
// order and each addressed to a party, and every standard's strengths and areas for improvement,
// with the prompt aggregates and the recorded evidence to write them from. The team and managers read.

export default async function ReportRecordsPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel/report`);
  const page = await pageData(reportPage(user, inspectionId));
  const { recommendations, canWrite, framework } = page;
  return (
    <>
      <PageHeading caption={page.inspection.yjsName}>Draft report: recommendations and narrative</PageHeading>
      <p className="mb-6">
        <Link href={`/inspections/${inspectionId}/panel`}>Back to the ratings panel</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/evidence`}>Evidence recorded by the team</Link>
      </p>
      {page.inspection.status === "signed_off" ? (
        <p className="mb-6 border-l-4 border-link pl-3">The ratings are signed off, so these records are frozen until the lead reopens them.</p>
      ) : null}

      <section aria-labelledby="recommendations-heading" className="mb-10">
        <h2 id="recommendations-heading" className="mb-2 text-2xl font-bold">
          Recommendations
        </h2>
        {recommendations.length === 0 ? (
          <p className="mb-4">No recommendations yet.</p>
        ) : (
          <ol className="mb-6 max-w-3xl">
            {recommendations.map((r, i) => (
              <li key={r.id} className="mb-4 border-b border-line pb-4">
                <p>
                  <span className="font-bold">{r.position}.</span> <span className="font-semibold">{partyHeading(r)} should:</span> {r.text}
                </p>
                {canWrite ? (
                  <>
                    <RecommendationControls deleteRecommendationAction={deleteRecommendationAction} moveRecommendationAction={moveRecommendationAction} inspectionId={inspectionId} id={r.id} position={r.position} first={i === 0} last={i === recommendations.length - 1} />
                    <EditRecommendationForm editRecommendationAction={editRecommendationAction} inspectionId={inspectionId} id={r.id} position={r.position} current={{ party: r.party, partyName: r.partyName, text: r.text }} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {canWrite ? <AddRecommendationForm addRecommendationAction={addRecommendationAction} inspectionId={inspectionId} /> : null}
      </section>

      <section aria-labelledby="narrative-heading" className="mb-10">
        <h2 id="narrative-heading" className="mb-2 text-2xl font-bold">
          Strengths and areas for improvement
        </h2>
        <p className="mb-4 max-w-3xl">
          Every standard has its narrative in the report, case-rated ones included. Until one is written, the report lists the evidence the team recorded
          against the standard.
        </p>
        {framework.domains.map((domain) => (
          <div key={domain.id} className="mb-8">
            <h3 className="mb-3 text-xl font-bold">{framework.report.domainHeadings[domain.id] ?? domain.title}</h3>
            {domain.standards.map((standard) => {
              const narrative = page.narratives[standard.id] ?? null;
              const evidence = page.evidenceCounts[standard.id];
              const figures = standard.keyQuestions.flatMap((kq) => (page.promptAggregates[kq.id] ?? []).map((p) => ({ ...p, kq })));
              return (
                <article key={standard.id} aria-labelledby={`narrative-${standard.id}-heading`} className="mb-6 border-t-2 border-line pt-3">
                  <h4 id={`narrative-${standard.id}-heading`} className="mb-2 text-lg font-bold">
                    {standard.id}. {standard.title}
                  </h4>
                  {evidence ? (
                    <p className="text-sm">
                      Evidence recorded: {evidence.strengths} {evidence.strengths === 1 ? "strength" : "strengths"}, {evidence.areasForImprovement}{" "}
                      {evidence.areasForImprovement === 1 ? "area" : "areas"} for improvement.
                    </p>
                  ) : null}
                  {figures.length > 0 ? (
                    <div className="mb-3">
                      <p className="font-semibold">Figures to cite (prompt marks in final cases)</p>
                      <ul className="list-disc pl-6 text-sm">
                        {figures.map((p) => (
                          <li key={`${p.questionId}-${p.promptIndex}`}>
                            {p.questionId}: {p.citation}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : standard.basis === "cases" ? (
                    <p className="text-muted mb-3 text-sm">No prompt marks in final cases yet.</p>
                  ) : null}
                  {canWrite ? (
                    <NarrativeForm saveNarrativeAction={saveNarrativeAction} inspectionId={inspectionId} standardId={standard.id} standardTitle={standard.title} current={narrative} />
                  ) : narrative ? (
                    <div className="grid gap-4 md:grid-cols-2">
                      <div>
                        <p className="font-semibold">Strengths</p>
                        <p className="whitespace-pre-line text-sm">{narrative.strengths || "None written."}</p>
                      </div>
                      <div>
                        <p className="font-semibold">Areas for improvement</p>
                        <p className="whitespace-pre-line text-sm">{narrative.areasForImprovement || "None written."}</p>
                      </div>
                    </div>
                  ) : (
                    <p className="text-muted text-sm">No narrative written yet.</p>
                  )}
                </article>
              );
            })}
          </div>
        ))}
      </section>
    </>
  );
}
