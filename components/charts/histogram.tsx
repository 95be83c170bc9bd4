import { scoreHistogram } from "@/lib/statistics/distribution";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import type { Rating } from "@/lib/framework";
import { integerTicks, linearScale, round } from "./geometry";
import { ChartFigure, ChartTable, ChartTableRow, NEUTRAL, XAxis, YGrid } from "./plot-parts";

// The score histogram (server-rendered SVG): how many inspections scored each whole score, 0 to the
// version's maximum, over the version's overall rating bands (0–6 Inadequate, 7–18 Requires
// improvement, 19–30 Good, 31–36 Outstanding for twelve scored standards) drawn as strips with their
// names above, so colour is never the only cue. One framework version per histogram: the caller
// passes scores already checked with lib/statistics/distribution's guard, and that version's bands.

export interface HistogramProps {
  /** Unique on the page: the SVG title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  /** Whole scores 0 to the version's maximum, one per inspection. */
  readonly scores: readonly number[];
  /** The version's overall bands, best first, with the scores each covers (lib/rating's overallBandRanges): the best one ends at the maximum. */
  readonly bands: readonly { readonly rating: Rating; readonly from: number; readonly to: number }[];
  /** One score to mark (an inspection's own), with what it is. */
  readonly highlight?: { readonly score: number; readonly label: string } | null;
}

const FRAME = { width: 400, height: 220, left: 32, right: 8, top: 26, bottom: 34 };

const SHORT: Readonly<Record<string, string>> = { Outstanding: "Outst.", Good: "Good", "Requires improvement": "Req. impr.", Inadequate: "Inad." };

export function ScoreHistogram({ id, title, scores, bands, highlight = null }: HistogramProps) {
  const maxScore = bands[0]?.to ?? 0;
  const bins = scoreHistogram(scores, maxScore);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const yTicks = integerTicks(maxCount, 5);
  const yMax = yTicks[yTicks.length - 1]!;
  // Each score is a bar one unit wide, centred on it: the axis runs from −0.5 to the maximum + 0.5.
  const x = linearScale(-0.5, maxScore + 0.5, FRAME.left, FRAME.width - FRAME.right);
  const y = linearScale(0, yMax, FRAME.height - FRAME.bottom, FRAME.top);
  const barWidth = x(1) - x(0);
  const nonEmpty = bins.filter((b) => b.count > 0);
  const perBand = [...bands].reverse().map((band) => ({ ...band, count: bins.filter((b) => b.score >= band.from && b.score <= band.to).reduce((a, b) => a + b.count, 0) }));
  const summary =
    `Histogram of the overall score (0 to ${maxScore}) of ${scores.length} ${scores.length === 1 ? "inspection" : "inspections"}. ` +
    (nonEmpty.length === 0 ? "No scores yet. " : `${nonEmpty.map((b) => `${b.score}: ${b.count}`).join(", ")}. `) +
    `By overall band: ${perBand.map((b) => `${b.rating} (${b.from}–${b.to}) ${b.count}`).join(", ")}.` +
    (highlight ? ` ${highlight.label}: ${highlight.score}.` : "");

  const caption = (
    <>
      Each bar counts the inspections with that score; the strip above names the overall band of each range of scores.
      {highlight ? ` The dashed line marks ${highlight.label.toLowerCase()} (${highlight.score}).` : ""}
    </>
  );
  const table = (
    <ChartTable
      caption={`${title}: inspections by overall band and score`}
      columns={[{ heading: "Overall band" }, { heading: "Scores" }, { heading: "Inspections", numeric: true }, { heading: "By score" }]}
    >
      {[...perBand].reverse().map((band) => (
        <ChartTableRow key={band.rating} heading={band.rating}>
          <td className="py-1 pr-2 tabular-nums">
            {band.from}–{band.to}
          </td>
          <td className="py-1 pr-2 text-right tabular-nums">{band.count}</td>
          <td className="py-1 tabular-nums">
            {bins
              .filter((b) => b.score >= band.from && b.score <= band.to && b.count > 0)
              .map((b) => `${b.score}: ${b.count}`)
              .join(", ") || "—"}
          </td>
        </ChartTableRow>
      ))}
    </ChartTable>
  );

  return (
    <ChartFigure id={id} title={title} summary={summary} frame={FRAME} caption={caption} table={table}>
      {perBand.map((band) => (
        <g key={band.rating}>
          <rect x={round(x(band.from - 0.5))} y={14} width={round(x(band.to + 0.5) - x(band.from - 0.5))} height={6} fill={BAND_PALETTE[band.rating]} />
          <text x={round((x(band.from - 0.5) + x(band.to + 0.5)) / 2)} y={10} fontSize="11" textAnchor="middle">
            {SHORT[band.rating]}
          </text>
        </g>
      ))}
      <YGrid frame={FRAME} y={y} ticks={yTicks} />
      {bins.map((b) =>
        b.count > 0 ? (
          <rect key={b.score} x={round(x(b.score - 0.5) + 0.5)} y={round(y(b.count))} width={round(barWidth - 1)} height={round(y(0) - y(b.count))} fill={NEUTRAL} />
        ) : null,
      )}
      {highlight ? (
        <g>
          <line x1={x(highlight.score)} x2={x(highlight.score)} y1={FRAME.top - 4} y2={y(0)} stroke={BAND_PALETTE.Outstanding} strokeWidth={2} strokeDasharray="3 2" />
        </g>
      ) : null}
      <XAxis frame={FRAME} x={x} ticks={[...perBand.map((band) => band.from), maxScore]} fontSize={11} gap={14} name="Overall score" />
    </ChartFigure>
  );
}
