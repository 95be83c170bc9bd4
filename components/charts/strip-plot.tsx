import { boxSummary, percentileRank, type BoxSummary } from "@/lib/statistics/distribution";
import { linearScale, ordinal, percentFigure as fmt, round, rowFrame, tieOffsets } from "./geometry";
import { BoxRow, ChartFigure, ChartTable, ChartTableRow, NEUTRAL, numericCell, PercentAxis } from "./plot-parts";

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

const MARGINS = { width: 400, left: 48, right: 18, top: 20, bottom: 30 };
const ROW = 30;
const FONT = 12;

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

export function StripPlot({ id, title, rows, highlightLabel = "This inspection", unitsLabel = "inspections" }: StripPlotProps) {
  if (rows.length === 0) return <p>No key question figures to compare yet.</p>;
  const summaries = summariseRows(rows);
  const frame = rowFrame(MARGINS, ROW, rows.length);
  const x = linearScale(0, 100, frame.left, frame.width - frame.right);
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

  const caption = (
    <>
      Each dot is one of the {unitsLabel}; the box spans the middle half (interquartile range) and the thick bar is the median; whiskers reach the
      furthest values within 1.5 × the interquartile range. Dashed lines are the band thresholds.
      {anyHighlight ? ` The diamond is ${highlightLabel.toLowerCase()}; its percentile counts ties as half below.` : ""}
    </>
  );
  const table = (
    <ChartTable
      caption={`${title}: figures`}
      columns={[
        { heading: "Key question" },
        { heading: "Median", numeric: true },
        { heading: "Middle half", numeric: true },
        { heading: "Of", numeric: true },
        anyHighlight && { heading: highlightLabel, numeric: true },
      ]}
    >
      {summaries.map((s) => (
        <ChartTableRow key={s.id} heading={s.id}>
          <td className={numericCell}>{s.box ? fmt(s.box.median) : "—"}</td>
          <td className={numericCell}>{s.box ? `${fmt(s.box.q1)}–${fmt(s.box.q3)}` : "—"}</td>
          <td className={numericCell}>{s.box?.n ?? 0}</td>
          {anyHighlight ? (
            <td className="py-1 text-right tabular-nums">
              {s.highlight === null ? "—" : `${fmt(s.highlight)}${s.percentile === null ? "" : `, ${ordinal(s.percentile)} percentile`}`}
            </td>
          ) : null}
        </ChartTableRow>
      ))}
    </ChartTable>
  );

  return (
    <ChartFigure id={id} title={title} summary={summary} frame={frame} caption={caption} table={table}>
      <PercentAxis frame={frame} x={x} fontSize={FONT} />
      {rows.map((row, i) => {
        const s = summaries[i]!;
        const centre = frame.rowCentre(i);
        const offsets = tieOffsets(row.values);
        return (
          <BoxRow
            key={row.id}
            frame={frame}
            x={x}
            centre={centre}
            label={row.id}
            fontSize={FONT}
            box={s.box}
            boxHalfHeight={8}
            whiskers={s.box ? [s.box.lowerWhisker, s.box.upperWhisker] : null}
            highlight={s.highlight}
          >
            {row.values.map((v, k) => (
              <circle key={k} cx={round(x(v))} cy={round(centre + offsets[k]! * 6)} r={2.5} fill={NEUTRAL} fillOpacity={0.7} />
            ))}
          </BoxRow>
        );
      })}
    </ChartFigure>
  );
}
