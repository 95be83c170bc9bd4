import { benchmarkSentence, figure, inspectionsCount } from "./wording";

// One inspection's key questions beside the programme's: its % 'yes', the median and interquartile
// range of the signed-off and published inspections of its framework version, and its percentile,
// said in words ("2.1.3: 62%, 31st percentile of 40 inspections"). Grouped by standard.

export interface BenchmarkRow {
  readonly id: string;
  readonly text: string;
  readonly standardId: string;
  readonly standardTitle: string;
  readonly percentYes: number | null;
  readonly programmeMedian: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  readonly percentile: number | null;
  readonly comparedWith: number;
}

function percentileText(row: BenchmarkRow): string {
  if (row.percentYes === null) return "No figure for this inspection";
  if (row.percentile === null) return "Nothing to compare with";
  return benchmarkSentence(row.id, row.percentYes, row.percentile, row.comparedWith);
}

export function BenchmarkTable({ rows }: { rows: readonly BenchmarkRow[] }) {
  const standards = [...new Map(rows.map((r) => [r.standardId, r.standardTitle])).entries()];
  return (
    <div role="region" aria-labelledby="benchmark-caption" tabIndex={0} className="relative mb-8 max-w-full overflow-x-auto">
      <table className="border-collapse text-left text-sm">
        <caption id="benchmark-caption" className="mb-2 text-left text-xl font-bold">
          Each key question&apos;s % &apos;yes&apos; against the programme
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2">
              Key question
            </th>
            <th scope="col" className="p-2 text-right">
              This inspection
            </th>
            <th scope="col" className="p-2 text-right">
              Programme median
            </th>
            <th scope="col" className="p-2 text-right">
              Interquartile range
            </th>
            <th scope="col" className="p-2">
              Percentile
            </th>
          </tr>
        </thead>
        {standards.map(([standardId, title]) => (
          <tbody key={standardId}>
            <tr className="border-b border-ink bg-panel">
              <th scope="colgroup" colSpan={5} className="p-2 font-bold">
                {standardId} {title}
              </th>
            </tr>
            {rows
              .filter((r) => r.standardId === standardId)
              .map((row) => (
                <tr key={row.id} className="border-b border-line align-top">
                  <th scope="row" className="p-2 font-normal">
                    <span className="font-semibold">{row.id}</span> <span className="block max-w-md">{row.text}</span>
                  </th>
                  <td className="p-2 text-right tabular-nums">{row.percentYes === null ? "—" : `${row.percentYes}%`}</td>
                  <td className="p-2 text-right tabular-nums">{row.programmeMedian === null ? "—" : `${figure(row.programmeMedian)}%`}</td>
                  <td className="p-2 text-right tabular-nums whitespace-nowrap">{row.q1 === null || row.q3 === null ? "—" : `${figure(row.q1)}–${figure(row.q3)}%`}</td>
                  <td className="p-2">
                    {percentileText(row)}
                    {row.percentile === null && row.comparedWith > 0 ? <span className="block text-muted">({inspectionsCount(row.comparedWith)} in the programme)</span> : null}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
