import { MAX_SCORE, OVERALL_BAND_MINIMUMS } from "@/lib/rating";
import { scoreHistogram } from "@/lib/statistics/distribution";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import { integerTicks, linearScale, round } from "./geometry";

// The score histogram (server-rendered SVG): how many inspections scored each whole score 0–36,
// over the overall rating bands (0–6 Inadequate, 7–18 Requires improvement, 19–30 Good, 31–36
// Outstanding) drawn as strips with their names above, so colour is never the only cue. One framework version per
// histogram: the caller passes scores already checked with lib/statistics/distribution's guard.

export interface HistogramProps {
  /** Unique on the page: the SVG title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  /** Whole scores 0–36, one per inspection. */
  readonly scores: readonly number[];
  /** One score to mark (an inspection's own), with what it is. */
  readonly highlight?: { readonly score: number; readonly label: string } | null;
}

const WIDTH = 400;
const HEIGHT = 220;
const LEFT = 32;
const RIGHT = 8;
const TOP = 26;
const BOTTOM = 34;

const BANDS = OVERALL_BAND_MINIMUMS.map((band, i) => ({
  rating: band.rating,
  from: band.minScore,
  to: i === 0 ? MAX_SCORE : OVERALL_BAND_MINIMUMS[i - 1]!.minScore - 1,
})).reverse();

const SHORT: Readonly<Record<string, string>> = { Outstanding: "Outst.", Good: "Good", "Requires improvement": "Req. impr.", Inadequate: "Inad." };

export function ScoreHistogram({ id, title, scores, highlight = null }: HistogramProps) {
  const bins = scoreHistogram(scores);
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const yTicks = integerTicks(maxCount, 5);
  const yMax = yTicks[yTicks.length - 1]!;
  // Each score is a bar one unit wide, centred on it: the axis runs from −0.5 to 36.5.
  const x = linearScale(-0.5, MAX_SCORE + 0.5, LEFT, WIDTH - RIGHT);
  const y = linearScale(0, yMax, HEIGHT - BOTTOM, TOP);
  const barWidth = x(1) - x(0);
  const nonEmpty = bins.filter((b) => b.count > 0);
  const perBand = BANDS.map((band) => ({ ...band, count: bins.filter((b) => b.score >= band.from && b.score <= band.to).reduce((a, b) => a + b.count, 0) }));
  const summary =
    `Histogram of the overall score (0 to ${MAX_SCORE}) of ${scores.length} ${scores.length === 1 ? "inspection" : "inspections"}. ` +
    (nonEmpty.length === 0 ? "No scores yet. " : `${nonEmpty.map((b) => `${b.score}: ${b.count}`).join(", ")}. `) +
    `By overall band: ${perBand.map((b) => `${b.rating} (${b.from}–${b.to}) ${b.count}`).join(", ")}.` +
    (highlight ? ` ${highlight.label}: ${highlight.score}.` : "");

  return (
    <figure className="mb-8 max-w-xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {perBand.map((band) => (
          <g key={band.rating}>
            <rect x={round(x(band.from - 0.5))} y={14} width={round(x(band.to + 0.5) - x(band.from - 0.5))} height={6} fill={BAND_PALETTE[band.rating]} />
            <text x={round((x(band.from - 0.5) + x(band.to + 0.5)) / 2)} y={10} fontSize="11" textAnchor="middle">
              {SHORT[band.rating]}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke="#e5e6e7" />
            <text x={LEFT - 4} y={y(t) + 4} fontSize="12" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {bins.map((b) =>
          b.count > 0 ? (
            <rect key={b.score} x={round(x(b.score - 0.5) + 0.5)} y={round(y(b.count))} width={round(barWidth - 1)} height={round(y(0) - y(b.count))} fill="#505a5f" />
          ) : null,
        )}
        {highlight ? (
          <g>
            <line x1={x(highlight.score)} x2={x(highlight.score)} y1={TOP - 4} y2={y(0)} stroke={BAND_PALETTE.Outstanding} strokeWidth={2} strokeDasharray="3 2" />
          </g>
        ) : null}
        {[0, 7, 19, 31, 36].map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - BOTTOM + 14} fontSize="11" textAnchor="middle">
            {t}
          </text>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 4} fontSize="12" textAnchor="middle">
          Overall score
        </text>
      </svg>
      <figcaption className="text-muted text-sm">
        <span className="block font-semibold text-ink">{title}</span>
        Each bar counts the inspections with that score; the strip above names the overall band of each range of scores.
        {highlight ? ` The dashed line marks ${highlight.label.toLowerCase()} (${highlight.score}).` : ""}
      </figcaption>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}: inspections by overall band and score</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-2">Overall band</th>
              <th scope="col" className="py-1 pr-2">Scores</th>
              <th scope="col" className="py-1 pr-2 text-right">Inspections</th>
              <th scope="col" className="py-1">By score</th>
            </tr>
          </thead>
          <tbody>
            {[...perBand].reverse().map((band) => (
              <tr key={band.rating} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">{band.rating}</th>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
