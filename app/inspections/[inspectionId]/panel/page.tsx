import type { Metadata } from "next";
import Link from "next/link";
import { BandChart } from "@/components/panel/band-chart";
import { ClearDecisionForm, DiscretionForm, JudgementForm, ReopenForm, SignOffForm } from "@/components/panel/decision-forms";
import { ModerationSummary } from "@/components/moderation/panel-summary";
import { LiveRefresh } from "@/components/panel/live-refresh";
import { KeyQuestionTable, MissingFiguresNote, RatingText, RatingsOverview } from "@/components/panel/standard-tables";
import { PageHeading, StatusNotice } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { listEvidence } from "@/lib/evidence";
import { getFramework } from "@/lib/framework";
import { pageData } from "@/lib/http/page-data";
import { formatDate } from "@/lib/dates";
import { CASE_STATUS_LABELS } from "@/lib/inspections/labels";
import { moderationAgreement } from "@/lib/moderation/agreement";
import { moderationLine } from "@/lib/moderation/summary";
import { panelFigures } from "@/lib/panel";
import { signOffChecks, type SignOffChecks } from "@/lib/panel/sign-off-checks";
import { governanceCapNote, governanceCapStatus, whyWithoutFigures } from "@/lib/rating";
import { clearDecisionAction, recordDiscretionAction, recordJudgementAction, reopenAction, signOffAction } from "@/app/inspections/[inspectionId]/panel/actions";

export const metadata: Metadata = { title: "Ratings panel" };

export default async function PanelPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel`);
  const [figures, evidence, moderation] = await pageData(
    Promise.all([panelFigures(user, inspectionId), listEvidence(user, inspectionId), moderationAgreement(user, inspectionId, "panel.view")]),
  );
  // Second answers never enter the figures above; the dip sample's agreement is shown beside them.
  const moderationLines = (standardId: string) =>
    (final.result.standards.find((s) => s.id === standardId)?.keyQuestions ?? [])
      .filter((k) => moderation.breakdown.byKeyQuestion.has(k.id))
      .map((k) => moderationLine(k.id, moderation.breakdown.byKeyQuestion.get(k.id)!, k.percentYes));
  const framework = getFramework(figures.frameworkVersion);
  const { final, provisional } = figures;
  const signedOff = figures.signOff !== null;
  const canDecide = figures.rights.decide && !signedOff;
  const checks = canDecide ? await pageData(signOffChecks(user, inspectionId)) : null;
  const decisionOf = (standardId: string, kind: "judgement" | "discretion") =>
    figures.decisions.find((d) => d.standardId === standardId && d.kind === kind) ?? null;
  const finalRating = (id: string) => final.result.standards.find((s) => s.id === id)?.rating ?? null;
  const cap = governanceCapStatus(figures.frameworkVersion, finalRating);
  const bars = final.result.standards.flatMap((s) =>
    s.keyQuestions.map((k) => ({ id: k.id, percent: k.percentYes, band: k.band, lowest: s.lowestKeyQuestion === k.id })),
  );

  return (
    <>
      <PageHeading caption={figures.inspection.yjsName}>Ratings panel</PageHeading>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}`}>Back to the inspection</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/evidence`}>Evidence for the judgement-rated standards</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/panel/report`}>Draft report: recommendations and narrative</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/panel/benchmark`}>Key questions against the programme</Link>
        {" · "}
        <Link href={`/inspections/${inspectionId}/panel/consistency`}>Consistency between inspectors</Link>
        {figures.rights.export ? (
          <>
            {" · "}
            <Link href={`/inspections/${inspectionId}/exports`}>{signedOff ? "Export the signed-off ratings" : "Export draft ratings"}</Link>
          </>
        ) : null}
      </p>

      {figures.signOff ? (
        <StatusNotice>
          Signed off by {figures.signOff.signedBy} on {formatDate(figures.signOff.signedAt)}. The signed-off ratings are frozen: exports use them.
        </StatusNotice>
      ) : (
        <p className="mb-4 inline-block border-4 border-error px-3 py-1 text-lg font-bold text-error">DRAFT — not signed off</p>
      )}
      <LiveRefresh url={`/api/inspections/${inspectionId}/panel`} fingerprint={figures.fingerprint} />

      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="mb-2 text-2xl font-bold">
          Score and overall rating
        </h2>
        <dl className="grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0">
          <dt className="font-semibold">Final score</dt>
          <dd>
            {final.result.complete ? `${final.result.score}/${final.result.maxScore}` : `${final.result.score}/${final.result.maxScore} so far — not rated yet: ${final.result.missing.join(", ")}`}
          </dd>
          <dt className="font-semibold">Overall rating</dt>
          <dd>
            <RatingText rating={final.result.overallRating} />
          </dd>
          {/* The 2018 framework has no resettlement standard: no row at all rather than one saying so. */}
          {Object.keys(final.result.unscoredRatings).length > 0 ? (
            <>
              <dt className="font-semibold">Resettlement (not in the score)</dt>
              <dd>{Object.entries(final.result.unscoredRatings).map(([id, r]) => (r ? `${id} ${r}` : `${id} not rated`)).join(", ")}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Provisional score</dt>
          <dd>
            {provisional.result.score}/{provisional.result.maxScore} including answers of cases still in progress (for progress only)
          </dd>
          <dt className="font-semibold">Cases</dt>
          <dd>
            {figures.cases.final} of {figures.cases.total} completed or approved (final figures)
            {figures.cases.notFinal > 0 ? `; ${figures.cases.notFinal} still open (provisional figures only)` : ""}
          </dd>
        </dl>
      </section>

      {final.setAside.length > 0 ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="text-xl font-bold">Decisions that no longer fit the figures</h2>
          <ul className="list-disc pl-6">
            {final.setAside.map((d) => (
              <li key={`${d.kind}-${d.standardId}`}>
                The {d.kind} on {d.standardId} (&apos;{d.rating}&apos;) is left out: {d.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <RatingsOverview final={final} provisional={provisional} framework={framework} />

      <section aria-labelledby="chart-heading" className="mb-8">
        <h2 id="chart-heading" className="mb-2 text-2xl font-bold">
          Key questions against the band thresholds
        </h2>
        <BandChart bars={bars} caption="Final % 'yes' of each key question" />
      </section>

      {framework.domains.map((domain) => (
        <section key={domain.id} aria-labelledby={`domain-${domain.id}`} className="mb-10">
          <h2 id={`domain-${domain.id}`} className="mb-4 text-2xl font-bold">
            Domain {domain.id}: {domain.title}
          </h2>
          {domain.standards.map((standard) => {
            const result = final.result.standards.find((s) => s.id === standard.id);
            const anchor = `standard-${standard.id.replace(".", "-")}`;
            if (standard.basis === "cases") {
              const support = final.support.standards.find((s) => s.id === standard.id);
              const discretion = decisionOf(standard.id, "discretion");
              return (
                <article key={standard.id} id={anchor} aria-labelledby={`${anchor}-heading`} className="mb-8 border-t-2 border-line pt-4">
                  <h3 id={`${anchor}-heading`} className="mb-2 text-xl font-bold">
                    {standard.id} {standard.title}
                  </h3>
                  <KeyQuestionTable
                    inspectionId={inspectionId}
                    standard={standard}
                    final={result}
                    provisional={provisional.result.standards.find((s) => s.id === standard.id)}
                    support={final.support}
                  />
                  <ModerationSummary standardId={standard.id} lines={moderationLines(standard.id)} />
                  <MissingFiguresNote
                    standardId={standard.id}
                    missing={whyWithoutFigures(result?.keyQuestionsWithoutFigures ?? [], figures.coverage, figures.excluded)}
                  />
                  <p>
                    Calculated rating: <RatingText rating={result?.calculatedRating ?? null} />. Final rating: <RatingText rating={result?.rating ?? null} />
                    {result?.discretion ? ` — discretion from '${result.discretion.from}' to '${result.discretion.to}': ${result.discretion.note}` : ""}
                  </p>
                  {support?.eligible ? (
                    <p className="mt-1 border-l-4 border-link pl-2">
                      <strong>Discretion allowed</strong> to {support.allowedRatings.map((r) => `'${r}'`).join(" or ")}. {support.explanation}
                    </p>
                  ) : support && support.calculatedRating ? (
                    <p className="text-muted mt-1">Not eligible for discretion. {support.explanation}</p>
                  ) : null}
                  {canDecide && result?.calculatedRating ? (
                    <>
                      {support?.eligible && support.allowedRatings.length > 0 ? (
                        <DiscretionForm
                          recordDiscretionAction={recordDiscretionAction}
                          inspectionId={inspectionId}
                          standardId={standard.id}
                          standardTitle={standard.title}
                          current={discretion}
                          allowed={support.allowedRatings}
                          hint={`The rule allows ${support.allowedRatings.join(" or ")}.`}
                        />
                      ) : null}
                      {discretion ? <ClearDecisionForm clearDecisionAction={clearDecisionAction} inspectionId={inspectionId} standardId={standard.id} kind="discretion" /> : null}
                    </>
                  ) : null}
                </article>
              );
            }
            const judgement = decisionOf(standard.id, "judgement");
            const items = evidence.filter((e) => e.standardId === standard.id);
            return (
              <article key={standard.id} id={anchor} aria-labelledby={`${anchor}-heading`} className="mb-8 border-t-2 border-line pt-4">
                <h3 id={`${anchor}-heading`} className="mb-2 text-xl font-bold">
                  {standard.id} {standard.title}
                </h3>
                <p className="mb-2">{standard.statement}</p>
                <p>
                  Judgement: <RatingText rating={result?.rating ?? null} />
                  {judgement ? ` — ${judgement.note} (${judgement.decidedBy}, ${formatDate(judgement.decidedAt)})` : ""}
                </p>
                <div className="mt-2 grid gap-4 md:grid-cols-2">
                  {(["strength", "area_for_improvement"] as const).map((kind) => {
                    const list = items.filter((i) => i.kind === kind);
                    const heading = kind === "strength" ? "Strengths" : "Areas for improvement";
                    return (
                      <div key={kind}>
                        <h4 className="font-semibold">
                          {heading} ({list.length})
                        </h4>
                        {list.length === 0 ? (
                          <p className="text-muted text-sm">None recorded yet.</p>
                        ) : (
                          <ul className="list-disc pl-6 text-sm">
                            {list.map((i) => (
                              <li key={i.id}>
                                {i.text} <span className="text-muted">({i.topic}, {i.source}{i.caseReference ? `, case ${i.caseReference}` : ""})</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                    );
                  })}
                </div>
                <p className="mt-2 text-sm">
                  <Link href={`/inspections/${inspectionId}/evidence/${standard.id}`}>Evidence for {standard.id}</Link>
                </p>
                {canDecide ? (
                  <>
                    <JudgementForm
                      recordJudgementAction={recordJudgementAction}
                      inspectionId={inspectionId}
                      standardId={standard.id}
                      standardTitle={standard.title}
                      current={judgement}
                      capNote={governanceCapNote(cap, standard.id)}
                    />
                    {judgement ? <ClearDecisionForm clearDecisionAction={clearDecisionAction} inspectionId={inspectionId} standardId={standard.id} kind="judgement" /> : null}
                  </>
                ) : null}
              </article>
            );
          })}
        </section>
      ))}

      {figures.rights.decide ? (
        <section aria-labelledby="sign-off-heading" className="mb-10 border-t-4 border-ink pt-4">
          <h2 id="sign-off-heading" className="mb-2 text-2xl font-bold">
            {signedOff ? "Reopen the ratings" : "Sign off the ratings"}
          </h2>
          {signedOff ? (
            <ReopenForm reopenAction={reopenAction} inspectionId={inspectionId} />
          ) : (
            <>
              {figures.signOffBlockers.length > 0 ? (
                <div className="mb-4">
                  <p className="font-semibold">The ratings cannot be signed off yet:</p>
                  <ul className="list-disc pl-6">
                    {figures.signOffBlockers.map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {checks ? <SignOffChecklist inspectionId={inspectionId} checks={checks} /> : null}
              <SignOffForm signOffAction={signOffAction} inspectionId={inspectionId} completedNotApproved={figures.qa.completedNotApproved} />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

/** Before sign-off: every case not approved yet and the comments still open, each linked to its case. */
function SignOffChecklist({ inspectionId, checks }: { inspectionId: string; checks: SignOffChecks }) {
  if (checks.notApproved.length === 0 && checks.openComments === 0) {
    return <p className="mb-4">Every case is approved and every comment is closed.</p>;
  }
  const n = checks.notApproved.length;
  const heading = n === 0 ? "Every case is approved" : `${n} ${n === 1 ? "case is" : "cases are"} not approved`;
  return (
    <div className="mb-6">
      <h3 className="mb-1 text-xl font-bold">{heading}</h3>
      <p className="mb-2">
        {checks.openComments === 0
          ? "No comment is open."
          : `${checks.openComments} ${checks.openComments === 1 ? "comment is" : "comments are"} still open: the ratings cannot be signed off until ${checks.openComments === 1 ? "it is" : "they are"} closed.`}
      </p>
      {n > 0 ? (
        <Table
          caption="Cases not approved"
          captionStyle="visually-hidden"
          region={heading}
          small
          boxed
          stickyHeader
          className="max-h-96 max-w-3xl"
          rows={checks.notApproved}
          columns={[
            { header: "Case", rowHeader: true, cell: (c) => <Link href={`/inspections/${inspectionId}/cases/${c.id}`}>{c.reference}</Link> },
            { header: "Status", cell: (c) => CASE_STATUS_LABELS[c.status] },
            { header: "Inspector", cell: (c) => c.inspector ?? "Not allocated" },
            { header: "Open comments", cell: (c) => c.openComments },
          ]}
        />
      ) : null}
    </div>
  );
}
