import { Table } from "@/components/ui/table";
import type { KeyQuestionBenchmark } from "@/lib/programme";
import { benchmarkSentence, figure, inspectionsCount } from "./wording";

// One inspection's key questions beside the programme's: its % 'yes', the median and interquartile
// range of the signed-off and published inspections of its framework version, and its percentile,
// said in words ("2.1.3: 62%, 31st percentile of 40 inspections"). Grouped by standard.

/** A key question's figures beside the programme's, with the words the table shows for it. */
export type BenchmarkRow = KeyQuestionBenchmark & { readonly text: string; readonly standardId: string; readonly standardTitle: string };

function percentileText(row: BenchmarkRow): string {
  if (row.percentYes === null) return "No figure for this inspection";
  if (row.percentile === null) return "Nothing to compare with";
  return benchmarkSentence(row.id, row.percentYes, row.percentile, row.comparedWith);
}

export function BenchmarkTable({ rows }: { rows: readonly BenchmarkRow[] }) {
  const standards = [...new Map(rows.map((r) => [r.standardId, r.standardTitle])).entries()];
  return (
    <Table
      caption="Each key question's % 'yes' against the programme"
      region
      small
      fullWidth={false}
      className="mb-8"
      groups={standards.map(([standardId, title]) => ({ key: standardId, heading: `${standardId} ${title}`, rows: rows.filter((r) => r.standardId === standardId) }))}
      columns={[
        {
          header: "Key question",
          rowHeader: true,
          cell: (row) => (
            <>
              <span className="font-semibold">{row.id}</span> <span className="block max-w-md">{row.text}</span>
            </>
          ),
        },
        { header: "This inspection", numeric: true, cell: (row) => (row.percentYes === null ? "—" : `${row.percentYes}%`) },
        { header: "Programme median", numeric: true, cell: (row) => (row.programmeMedian === null ? "—" : `${figure(row.programmeMedian)}%`) },
        { header: "Interquartile range", numeric: true, className: "whitespace-nowrap", cell: (row) => (row.q1 === null || row.q3 === null ? "—" : `${figure(row.q1)}–${figure(row.q3)}%`) },
        {
          header: "Percentile",
          cell: (row) => (
            <>
              {percentileText(row)}
              {row.percentile === null && row.comparedWith > 0 ? <span className="block text-muted">({inspectionsCount(row.comparedWith)} in the programme)</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
