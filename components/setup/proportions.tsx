import {
  CLASSIFICATION_LABELS,
  DISPOSAL_TYPE_LABELS,
  GENDER_LABELS,
  STREAM_LABELS,
  type Stream,
} from "@/lib/framework/case-attributes";
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
      <table className="mb-6 w-full max-w-4xl border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-lg font-bold">Population and sample proportions: {streamLabel} cases</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pr-4">Attribute</th>
            <th scope="col" className="py-1 pr-4">Value</th>
            <th scope="col" className="py-1 pr-4 text-right">Population</th>
            <th scope="col" className="py-1 pr-4 text-right">Sample</th>
            <th scope="col" className="py-1 pr-4 text-right">Proportional sample count</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const off = Math.abs(row.sampleCount - row.proportionalCount) > 1 + 1e-9;
            return (
              <tr key={`${row.attribute}-${row.value}`} className="border-b border-line">
                <td className="py-1 pr-4">{SAMPLING_ATTRIBUTE_LABELS[row.attribute]}</td>
                <th scope="row" className="py-1 pr-4 font-normal">{labelOf(row)}</th>
                <td className="py-1 pr-4 text-right tabular-nums">
                  {row.populationCount} ({percent(row.populationShare)})
                </td>
                <td className={`py-1 pr-4 text-right tabular-nums ${off ? "font-bold text-error" : ""}`}>
                  {row.sampleCount} ({percent(row.sampleShare)}){off ? " — more than one case off" : ""}
                </td>
                <td className="py-1 pr-4 text-right tabular-nums">{row.proportionalCount.toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

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
