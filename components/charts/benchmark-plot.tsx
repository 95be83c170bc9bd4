import { BAND_PALETTE } from "@/components/panel/band-palette";
import { BAND_MINIMUMS } from "@/lib/rating";
import { linearScale, ordinal, round } from "./geometry";

// One inspection's key questions against the programme, drawn from the programme's summary figures
// alone (server-rendered SVG, in the style of strip-plot.tsx): per key question, the programme's
// interquartile range as a box with its median as a bar, and the inspection's own % yes as a
// diamond. For a benchmark that has the median and quartiles but not every inspection's value
// (lib/programme's keyQuestionBenchmark); the strip plot draws the dots when they are known.

export interface BenchmarkPlotRow {
  readonly id: string;
  /** The inspection's own % yes; null when it has no figure for the key question. */
  readonly value: number | null;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  /** Mid-rank percentile of `value` among the compared inspections (0–100). */
  readonly percentile: number | null;
  /** How many inspections the median, quartiles and percentile are over. */
  readonly n: number;
}

export interface BenchmarkPlotProps {
  /** Unique on the page: the SVG title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly BenchmarkPlotRow[];
  /** Where the same figures are written out ("the table below"). */
  readonly figuresAt: string;
}

const WIDTH = 400;
const LEFT = 52;
const RIGHT = 14;
const ROW = 24;
const TOP = 20;
const BOTTOM = 30;
const HIGHLIGHT = BAND_PALETTE.Outstanding;

const fmt = (v: number) => `${Math.round(v * 10) / 10}%`;

export function BenchmarkPlot({ id, title, rows, figuresAt }: BenchmarkPlotProps) {
  if (rows.length === 0) return null;
  const height = TOP + rows.length * ROW + BOTTOM;
  const x = linearScale(0, 100, LEFT, WIDTH - RIGHT);
  const thresholds = BAND_MINIMUMS.filter((b) => b.minPercent > 0);
  const summary =
    "Each key question's % yes for this inspection (a diamond) against the programme's median (a bar) and interquartile range (a box). " +
    rows
      .map((r) => {
        const mine = r.value === null ? "no figure for this inspection" : `this inspection ${fmt(r.value)}${r.percentile === null ? "" : `, ${ordinal(r.percentile)} percentile`}`;
        const programme = r.median === null || r.q1 === null || r.q3 === null ? "no programme figures" : `median ${fmt(r.median)}, interquartile range ${fmt(r.q1)} to ${fmt(r.q3)} over ${r.n}`;
        return `${r.id}: ${mine}; ${programme}.`;
      })
      .join(" ") +
    ` The same figures are in ${figuresAt}.`;

  return (
    <figure className="mb-8 max-w-xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <text key={v} x={x(v)} y={height - BOTTOM + 16} fontSize="11" textAnchor="middle">
            {v}%
          </text>
        ))}
        {thresholds.map((t) => (
          <g key={t.rating}>
            <line x1={x(t.minPercent)} x2={x(t.minPercent)} y1={TOP - 4} y2={height - BOTTOM + 2} stroke="#0b0c0c" strokeDasharray="4 3" strokeOpacity={0.6} />
            <text x={x(t.minPercent)} y={TOP - 8} fontSize="10" textAnchor="middle">
              {t.minPercent}%
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const centre = TOP + i * ROW + ROW / 2;
          return (
            <g key={r.id}>
              <text x={0} y={centre + 4} fontSize="11">
                {r.id}
              </text>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={centre} y2={centre} stroke="#e5e6e7" />
              {r.q1 !== null && r.q3 !== null ? (
                <rect x={round(x(r.q1))} y={centre - 7} width={Math.max(1, round(x(r.q3) - x(r.q1)))} height={14} fill="#f3f2f1" stroke="#0b0c0c" />
              ) : null}
              {r.median !== null ? <line x1={x(r.median)} x2={x(r.median)} y1={centre - 7} y2={centre + 7} stroke="#0b0c0c" strokeWidth={3} /> : null}
              {r.value !== null ? (
                <polygon
                  points={`${round(x(r.value))},${centre - 8} ${round(x(r.value) + 6)},${centre} ${round(x(r.value))},${centre + 8} ${round(x(r.value) - 6)},${centre}`}
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
        The diamond is this inspection; the box spans the middle half of the compared inspections (interquartile range) and the thick bar is their median.
        Dashed lines are the band thresholds. The figures are in {figuresAt}.
      </figcaption>
    </figure>
  );
}
