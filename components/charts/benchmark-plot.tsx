import { linearScale, ordinal, percentFigure, rowFrame } from "./geometry";
import { BoxRow, ChartFigure, PercentAxis } from "./plot-parts";

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

const MARGINS = { width: 400, left: 52, right: 14, top: 20, bottom: 30 };
const ROW = 24;
const FONT = 11;

export function BenchmarkPlot({ id, title, rows, figuresAt }: BenchmarkPlotProps) {
  if (rows.length === 0) return null;
  const frame = rowFrame(MARGINS, ROW, rows.length);
  const x = linearScale(0, 100, frame.left, frame.width - frame.right);
  const summary =
    "Each key question's % yes for this inspection (a diamond) against the programme's median (a bar) and interquartile range (a box). " +
    rows
      .map((r) => {
        const mine = r.value === null ? "no figure for this inspection" : `this inspection ${percentFigure(r.value)}${r.percentile === null ? "" : `, ${ordinal(r.percentile)} percentile`}`;
        const programme =
          r.median === null || r.q1 === null || r.q3 === null
            ? "no programme figures"
            : `median ${percentFigure(r.median)}, interquartile range ${percentFigure(r.q1)} to ${percentFigure(r.q3)} over ${r.n}`;
        return `${r.id}: ${mine}; ${programme}.`;
      })
      .join(" ") +
    ` The same figures are in ${figuresAt}.`;

  const caption = (
    <>
      The diamond is this inspection; the box spans the middle half of the compared inspections (interquartile range) and the thick bar is their median.
      Dashed lines are the band thresholds. The figures are in {figuresAt}.
    </>
  );

  return (
    <ChartFigure id={id} title={title} summary={summary} frame={frame} caption={caption}>
      <PercentAxis frame={frame} x={x} fontSize={FONT} />
      {rows.map((r, i) => (
        <BoxRow key={r.id} frame={frame} x={x} centre={frame.rowCentre(i)} label={r.id} fontSize={FONT} box={r} boxHalfHeight={7} highlight={r.value} />
      ))}
    </ChartFigure>
  );
}
