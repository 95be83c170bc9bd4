import { BAND_MINIMUMS } from "@/lib/rating";
import { boxSummary, percentileRank, type BoxSummary } from "@/lib/statistics/distribution";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import { linearScale, ordinal, round, tieOffsets } from "./geometry";

// Each key question's % yes across inspections as a strip plot with its box (server-rendered SVG):
// one row per key question, a dot per inspection, the interquartile range as a box, the median as a
// bar, and optionally one inspection's value highlighted (a larger diamond, labelled), as on a panel
// benchmarked against the programme. Quartiles are Hyndman–Fan type 7 and ranks mid-rank
// (lib/statistics/distribution). The dashed lines are the key-question band thresholds.

export interface StripRow {
  readonly id: string;
  /** Whole or decimal percentages 0–100, one per inspection. */
  readonly values: readonly number[];
  /** The benchmarked inspection's value, drawn apart and ranked among `values`. */
  readonly highlight?: number | null;
}

export interface StripPlotProps {
  /** Unique on the page: the SVG title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly StripRow[];
  /** What the highlighted value is ("This inspection"). */
  readonly highlightLabel?: string;
  /** What each dot is, plural ("signed-off inspections"). */
  readonly unitsLabel?: string;
}

const WIDTH = 400;
const LEFT = 48;
const RIGHT = 18;
const ROW = 30;
const TOP = 20;
const BOTTOM = 30;
const HIGHLIGHT = BAND_PALETTE.Outstanding;

export interface StripRowSummary {
  readonly id: string;
  readonly box: BoxSummary | null;
  readonly highlight: number | null;
  readonly percentile: number | null;
}

/** The numbers each row shows, also used for the table and the text alternative. */
export function summariseRows(rows: readonly StripRow[]): StripRowSummary[] {
  return rows.map((r) => {
    const highlight = r.highlight ?? null;
    return { id: r.id, box: boxSummary(r.values), highlight, percentile: highlight === null ? null : percentileRank(highlight, r.values) };
  });
}

const fmt = (v: number) => `${Math.round(v * 10) / 10}%`;

export function StripPlot({ id, title, rows, highlightLabel = "This inspection", unitsLabel = "inspections" }: StripPlotProps) {
  if (rows.length === 0) return <p>No key question figures to compare yet.</p>;
  const summaries = summariseRows(rows);
  const height = TOP + rows.length * ROW + BOTTOM;
  const x = linearScale(0, 100, LEFT, WIDTH - RIGHT);
  const thresholds = BAND_MINIMUMS.filter((b) => b.minPercent > 0);
  const anyHighlight = summaries.some((s) => s.highlight !== null);
  const summary =
    `Strip plot of each key question's % yes across ${unitsLabel}, with the median and interquartile range. ` +
    summaries
      .map((s) => {
        const spread = s.box ? `median ${fmt(s.box.median)}, interquartile range ${fmt(s.box.q1)} to ${fmt(s.box.q3)} over ${s.box.n}` : "no figures";
        const mine = s.highlight !== null && s.percentile !== null ? `; ${highlightLabel.toLowerCase()} ${fmt(s.highlight)}, ${ordinal(s.percentile)} percentile` : "";
        return `${s.id}: ${spread}${mine}.`;
      })
      .join(" ") +
    " The table below gives every figure.";

  return (
    <figure className="mb-8 max-w-xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <text key={v} x={x(v)} y={height - BOTTOM + 16} fontSize="12" textAnchor="middle">
            {v}%
          </text>
        ))}
        {thresholds.map((t) => (
          <g key={t.rating}>
            <line x1={x(t.minPercent)} x2={x(t.minPercent)} y1={TOP - 4} y2={height - BOTTOM + 2} stroke="#0b0c0c" strokeDasharray="4 3" strokeOpacity={0.6} />
            <text x={x(t.minPercent)} y={TOP - 8} fontSize="11" textAnchor="middle">
              {t.minPercent}%
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const s = summaries[i]!;
          const centre = TOP + i * ROW + ROW / 2;
          const offsets = tieOffsets(row.values);
          return (
            <g key={row.id}>
              <text x={0} y={centre + 4} fontSize="12">
                {row.id}
              </text>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={centre} y2={centre} stroke="#e5e6e7" />
              {s.box ? (
                <g>
                  <line x1={x(s.box.lowerWhisker)} x2={x(s.box.upperWhisker)} y1={centre} y2={centre} stroke="#0b0c0c" />
                  <rect
                    x={round(x(s.box.q1))}
                    y={centre - 8}
                    width={Math.max(1, round(x(s.box.q3) - x(s.box.q1)))}
                    height={16}
                    fill="#f3f2f1"
                    stroke="#0b0c0c"
                  />
                  <line x1={x(s.box.median)} x2={x(s.box.median)} y1={centre - 8} y2={centre + 8} stroke="#0b0c0c" strokeWidth={3} />
                </g>
              ) : null}
              {row.values.map((v, k) => (
                <circle key={k} cx={round(x(v))} cy={round(centre + offsets[k]! * 6)} r={2.5} fill="#505a5f" fillOpacity={0.7} />
              ))}
              {s.highlight !== null ? (
                <polygon
                  points={`${round(x(s.highlight))},${centre - 8} ${round(x(s.highlight) + 6)},${centre} ${round(x(s.highlight))},${centre + 8} ${round(x(s.highlight) - 6)},${centre}`}
                  fill={HIGHLIGHT}
                  stroke="white"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-muted text-sm">
        <span className="block font-semibold text-ink">{title}</span>
        Each dot is one of the {unitsLabel}; the box spans the middle half (interquartile range) and the thick bar is the median; whiskers reach the
        furthest values within 1.5 × the interquartile range. Dashed lines are the band thresholds.
        {anyHighlight ? ` The diamond is ${highlightLabel.toLowerCase()}; its percentile counts ties as half below.` : ""}
      </figcaption>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}: figures</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-2">Key question</th>
              <th scope="col" className="py-1 pr-2 text-right">Median</th>
              <th scope="col" className="py-1 pr-2 text-right">Middle half</th>
              <th scope="col" className="py-1 pr-2 text-right">Of</th>
              {anyHighlight ? <th scope="col" className="py-1 text-right">{highlightLabel}</th> : null}
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.id} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">{s.id}</th>
                <td className="py-1 pr-2 text-right tabular-nums">{s.box ? fmt(s.box.median) : "—"}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{s.box ? `${fmt(s.box.q1)}–${fmt(s.box.q3)}` : "—"}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{s.box?.n ?? 0}</td>
                {anyHighlight ? (
                  <td className="py-1 text-right tabular-nums">
                    {s.highlight === null ? "—" : `${fmt(s.highlight)}${s.percentile === null ? "" : `, ${ordinal(s.percentile)} percentile`}`}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
