import type { Metadata } from "next";
import Link from "next/link";
import { FunnelPlot } from "@/components/charts/funnel-plot";
import { percentLabel } from "@/components/charts/geometry";
import { PageHeading } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { findKeyQuestion, findStandard, getFramework, isFrameworkVersion } from "@/lib/framework";
import { pageData } from "@/lib/http/page-data";
import { inspectionConsistency } from "@/lib/moderation/consistency";
import { describeFunnelPosition } from "@/lib/statistics/funnel";

export const metadata: Metadata = { title: "Consistency between inspectors" };

const anchorOf = (keyQuestionId: string) => `kq-${keyQuestionId.replaceAll(".", "-")}`;

export default async function ConsistencyPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel/consistency`);
  const data = await pageData(inspectionConsistency(user, inspectionId));
  const framework = isFrameworkVersion(data.frameworkVersion) ? getFramework(data.frameworkVersion) : null;
  const flags = data.keyQuestions.flatMap((kq) =>
    kq.inspectors.filter((i) => i.position !== null && i.position !== "within").map((i) => ({ kq, inspector: i })),
  );
  const standards = [...new Set(data.keyQuestions.map((kq) => kq.standardId))];

  return (
    <>
      <PageHeading caption={data.yjsName}>Consistency between inspectors</PageHeading>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}/panel`}>Back to the ratings panel</Link>
      </p>
      <div className="mb-6 max-w-3xl space-y-2">
        <p>
          For each key question, each inspector&apos;s share of &lsquo;yes&rsquo; answers is compared with the rest of the team&apos;s on the same key
          question. With few cases, rates differ by chance: an inspector is flagged only when, had they judged like the rest of the team, a
          difference this large would happen less than once in 40 (beyond the 95% limits) or once in 1,000 (beyond 99.8%), given how many
          answers each side has.
        </p>
        <p>
          A flag asks for a look at the answers and their rationales, for example in a moderation dip sample. It does not mean the answers are wrong,
          and it changes nothing: cases may differ. Figures are from every answer so far, counting applicable &lsquo;yes&rsquo; and &lsquo;no&rsquo; answers
          only, each on the cases allocated to the inspector.
        </p>
        {data.unallocatedAnswers > 0 ? (
          <p>
            {data.unallocatedAnswers} {data.unallocatedAnswers === 1 ? "answer is" : "answers are"} on cases allocated to no one and not counted for anyone.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="flags-heading" className="mb-10">
        <h2 id="flags-heading" className="mb-2 text-2xl font-bold">
          Flags
        </h2>
        {data.keyQuestions.length === 0 ? (
          <p>No applicable answers yet.</p>
        ) : flags.length === 0 ? (
          <p>No inspector&apos;s rate is beyond the 95% limits on any key question.</p>
        ) : (
          <Table
            caption={`${flags.length} ${flags.length === 1 ? "rate is" : "rates are"} beyond the limits.`}
            captionStyle="plain"
            className="max-w-3xl"
            rows={flags}
            rowKey={({ kq, inspector }) => `${kq.keyQuestionId}-${inspector.inspectorId}`}
            columns={[
              { header: "Key question", rowHeader: true, cell: ({ kq }) => <a href={`#${anchorOf(kq.keyQuestionId)}`}>{kq.keyQuestionId}</a> },
              { header: "Inspector", cell: ({ inspector }) => inspector.inspectorName },
              {
                header: "Their rate",
                numeric: true,
                cell: ({ inspector }) => `${inspector.yes} of ${inspector.applicable} (${percentLabel(inspector.yes / inspector.applicable)})`,
              },
              {
                header: "Rest of team",
                numeric: true,
                cell: ({ inspector }) => `${inspector.restYes} of ${inspector.restApplicable} (${percentLabel(inspector.restRate ?? 0)})`,
              },
              { header: "Against the limits", className: "font-semibold", cell: ({ inspector }) => describeFunnelPosition(inspector.position!) },
            ]}
          />
        )}
      </section>

      {standards.map((standardId) => {
        const standard = framework ? findStandard(framework, standardId) : undefined;
        return (
          <section key={standardId} aria-labelledby={`standard-${standardId.replace(".", "-")}`} className="mb-10">
            <h2 id={`standard-${standardId.replace(".", "-")}`} className="mb-4 text-2xl font-bold">
              {standardId} {standard?.title ?? ""}
            </h2>
            {data.keyQuestions
              .filter((kq) => kq.standardId === standardId)
              .map((kq) => {
                const text = framework ? findKeyQuestion(framework, kq.keyQuestionId)?.text : undefined;
                return (
                  <div key={kq.keyQuestionId} id={anchorOf(kq.keyQuestionId)}>
                    <h3 className="mb-2 text-xl font-bold">{kq.keyQuestionId}</h3>
                    {text ? <p className="mb-2 max-w-3xl">{text}</p> : null}
                    <FunnelPlot
                      id={`funnel-${anchorOf(kq.keyQuestionId)}`}
                      title={`${kq.keyQuestionId}: each inspector's yes-rate against the rest of the team`}
                      target={kq.teamYes / kq.teamApplicable}
                      targetLabel={`the whole team's rate, ${kq.teamYes} of ${kq.teamApplicable}`}
                      units={kq.inspectors.map((i) => ({
                        id: i.inspectorId,
                        label: i.inspectorName,
                        yes: i.yes,
                        n: i.applicable,
                        rest: i.restApplicable > 0 ? { yes: i.restYes, n: i.restApplicable } : null,
                      }))}
                    />
                  </div>
                );
              })}
          </section>
        );
      })}
    </>
  );
}
