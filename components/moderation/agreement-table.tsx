import type { AgreementBreakdown, AgreementSummary, Estimate } from "@/lib/statistics/agreement";

// The agreement figures as tables: overall, per standard, per key question and per inspector, each
// with its 80% interval. Server-rendered; every table scrolls in its own box at 320 px.

function estimate(e: Estimate, percent = false): string {
  if (e.value === null) return "–";
  const f = (v: number) => (percent ? `${Math.round(v * 100)}%` : v.toFixed(2));
  return `${f(e.value)} (${f(e.interval80.lower)} to ${f(e.interval80.upper)})`;
}

function Rows({ title, rows }: { title: string; rows: [string, AgreementSummary][] }) {
  if (rows.length === 0) return null;
  return (
    <div className="relative mb-6 max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={`Agreement ${title.toLowerCase()}`}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-bold">{title}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3"><span className="sr-only">Group</span></th>
            <th scope="col" className="py-2 pr-3 text-right">Agreed</th>
            <th scope="col" className="py-2 pr-3">Agreement (80% interval)</th>
            <th scope="col" className="py-2 pr-3">Gwet&rsquo;s AC1</th>
            <th scope="col" className="py-2 pr-3">Cohen&rsquo;s kappa</th>
            <th scope="col" className="py-2 pr-3 text-right">Differed on N/A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, s]) => (
            <tr key={key} className="border-b border-line">
              <th scope="row" className="py-2 pr-3 font-normal">
                {key}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">
                {s.agreed} of {s.compared}
              </td>
              <td className="py-2 pr-3 tabular-nums">{estimate(s.percentAgreement, true)}</td>
              <td className="py-2 pr-3 tabular-nums">{estimate(s.ac1)}</td>
              <td className="py-2 pr-3 tabular-nums">{estimate(s.kappa)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.applicabilityDisagreements}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgreementTable({ breakdown, inspectorNames }: { breakdown: AgreementBreakdown; inspectorNames: ReadonlyMap<string, string> }) {
  if (breakdown.overall.pairs === 0) return <p>No second assessment is complete yet, so there is no agreement to measure.</p>;
  return (
    <>
      <p className="mb-4 max-w-3xl text-sm">
        Over the dip-sampled cases whose second assessment is complete. Only key questions both answered yes or no are compared; where one said it does not apply
        and the other answered, that is counted apart (&ldquo;Differed on N/A&rdquo;), because it is a disagreement about whether the question applies, not about
        the judgement. AC1 is shown beside kappa because kappa falls towards 0 when nearly every answer is the same, even when the two agree.
      </p>
      <Rows title="Overall" rows={[["All key questions", breakdown.overall]]} />
      <Rows title="By standard" rows={[...breakdown.byStandard]} />
      <Rows title="By key question" rows={[...breakdown.byKeyQuestion]} />
      <Rows title="By inspector" rows={[...breakdown.byInspector].map(([id, s]) => [inspectorNames.get(id) ?? id, s])} />
    </>
  );
}
