import type { Metadata } from "next";
import Link from "next/link";
import { BenchmarkPlot } from "@/components/charts/benchmark-plot";
import { BenchmarkTable } from "@/components/programme/benchmark-table";
import { PageHeading, StatusNotice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { findKeyQuestion, findStandard, getFramework } from "@/lib/framework";
import { pageData } from "@/lib/http/page-data";
import { inspectionOverview } from "@/lib/inspections/queries";
import { keyQuestionBenchmark } from "@/lib/programme";

export const metadata: Metadata = { title: "Key questions against the programme" };

export default async function BenchmarkPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel/benchmark`);
  const benchmark = await pageData(keyQuestionBenchmark(user, inspectionId));
  const inspection = await pageData(inspectionOverview(user, inspectionId));
  const framework = getFramework(benchmark.frameworkVersion);
  const rows = benchmark.keyQuestions.map((kq) => {
    const question = findKeyQuestion(framework, kq.id);
    const standard = question ? findStandard(framework, question.standardId) : undefined;
    return { ...kq, text: question?.text ?? "", standardId: standard?.id ?? "", standardTitle: standard?.title ?? "" };
  });
  const compared = Math.max(0, ...rows.map((r) => r.comparedWith));
  return (
    <>
      <PageHeading caption={inspection.yjsName}>Key questions against the programme</PageHeading>
      <p className="mb-4">
        <Link href={`/inspections/${inspectionId}/panel`}>Back to the ratings panel</Link>
        {" · "}
        <Link href={`/programme?framework=${benchmark.frameworkVersion}`}>The whole programme ({benchmark.frameworkVersion})</Link>
      </p>
      {benchmark.figures === "signed_off" ? (
        <StatusNotice tone="info">This inspection&apos;s figures are those it was signed off with.</StatusNotice>
      ) : (
        <p className="mb-4 max-w-3xl border-l-4 border-error pl-2 font-semibold">
          Not signed off yet: this inspection&apos;s figures are the ratings panel&apos;s final figures so far (completed and approved cases only), and may still change.
        </p>
      )}
      <p className="mb-6 max-w-3xl">
        Each key question is compared with the signed-off and published inspections of the same framework version ({benchmark.frameworkVersion}; at most{" "}
        {compared} with figures for a key question, this one included). The median and interquartile range are theirs; the percentile is where this inspection&apos;s %
        &apos;yes&apos; falls among them, ties sharing a rank. Inspections of the other framework version are never counted: their key questions differ.
      </p>
      <BenchmarkPlot
        id="benchmark-plot"
        title={`${inspection.yjsName}'s key questions against the programme (${benchmark.frameworkVersion})`}
        rows={rows.map((r) => ({ id: r.id, value: r.percentYes, median: r.programmeMedian, q1: r.q1, q3: r.q3, percentile: r.percentile, n: r.comparedWith }))}
        figuresAt="the table below"
      />
      <BenchmarkTable rows={rows} />
    </>
  );
}
