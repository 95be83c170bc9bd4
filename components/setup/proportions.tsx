import {
  CLASSIFICATION_LABELS,
  DISPOSAL_TYPE_LABELS,
  GENDER_LABELS,
  STREAM_LABELS,
  type Stream,
} from "@/lib/framework/case-attributes";
import { Table } from "@/components/ui/table";
import { SAMPLING_ATTRIBUTE_LABELS, type ProportionComparisonRow, type SamplingAttribute } from "@/lib/sampling/stratified-draw";

const VALUE_LABELS: Readonly<Record<SamplingAttribute, Readonly<Record<string, string>>>> = {
  stream: STREAM_LABELS,
  gender: GENDER_LABELS,
  disposalType: DISPOSAL_TYPE_LABELS,
  rosh: CLASSIFICATION_LABELS,
  safetyWellbeing: CLASSIFICATION_LABELS,
};

const labelOf = (row: ProportionComparisonRow) => VALUE_LABELS[row.attribute][row.value] ?? row.value;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Population against sample for one stream: a table, and a bar chart whose bars repeat the table's text. */
export function Proportions({ stream, rows }: { stream: Stream; rows: readonly ProportionComparisonRow[] }) {
  const attributes = [...new Set(rows.map((row) => row.attribute))];
  const streamLabel = STREAM_LABELS[stream].toLowerCase();
  return (
    <div className="mb-6">
      <Table
        caption={`Population and sample proportions: ${streamLabel} cases`}
        captionStyle="lg"
        small
        className="mb-6 max-w-4xl"
        rows={rows}
        rowKey={(row) => `${row.attribute}-${row.value}`}
        columns={[
          { header: "Attribute", cell: (row) => SAMPLING_ATTRIBUTE_LABELS[row.attribute] },
          { header: "Value", rowHeader: true, cell: labelOf },
          { header: "Population", numeric: true, cell: (row) => `${row.populationCount} (${percent(row.populationShare)})` },
          {
            header: "Sample",
            numeric: true,
            cell: (row) => {
              // More than one case away from the population's proportion: the draw keeps each within one.
              const off = Math.abs(row.sampleCount - row.proportionalCount) > 1 + 1e-9;
              const text = `${row.sampleCount} (${percent(row.sampleShare)})`;
              return off ? <span className="font-bold text-error">{text} — more than one case off</span> : text;
            },
          },
          { header: "Proportional sample count", numeric: true, cell: (row) => row.proportionalCount.toFixed(1) },
        ]}
      />

      <figure className="mb-4 max-w-4xl" aria-labelledby={`chart-${stream}`}>
        <figcaption id={`chart-${stream}`} className="mb-2 text-lg font-bold">
          Bar chart: population and sample shares, {streamLabel} cases
        </figcaption>
        <p className="mb-3 flex gap-6 text-sm">
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-6 bg-muted" /> Population
          </span>
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3 w-6 bg-link" /> Sample
          </span>
        </p>
        <div className="grid gap-6 md:grid-cols-2">
          {attributes.map((attribute) => (
            <section key={attribute} aria-label={`${SAMPLING_ATTRIBUTE_LABELS[attribute]}, ${streamLabel} cases`}>
              <h4 className="mb-1 font-semibold">{SAMPLING_ATTRIBUTE_LABELS[attribute]}</h4>
              <ul className="space-y-2">
                {rows
                  .filter((row) => row.attribute === attribute)
                  .map((row) => (
                    <li key={row.value} className="text-sm">
                      <span className="block">
                        {labelOf(row)}: population {percent(row.populationShare)}, sample {percent(row.sampleShare)}
                      </span>
                      <span aria-hidden="true" className="block h-2 bg-panel">
                        <span className="block h-2 bg-muted" style={{ width: percent(row.populationShare) }} />
                      </span>
                      <span aria-hidden="true" className="mt-0.5 block h-2 bg-panel">
                        <span className="block h-2 bg-link" style={{ width: percent(row.sampleShare) }} />
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      </figure>
    </div>
  );
}
