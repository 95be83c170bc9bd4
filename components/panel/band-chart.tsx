import { BAND_MINIMUMS } from "@/lib/rating";
import { BAND_PALETTE } from "./band-palette";

// Key-question percentages against the band thresholds, as an SVG bar chart. The image has a title
// and a description, each bar a text label, and the same figures are in the tables on the page
// (the chart's text alternative says so), so nothing depends on seeing it.

export interface ChartBar {
  readonly id: string;
  readonly percent: number;
  readonly band: string;
  readonly lowest: boolean;
}

const BAND_FILL: Readonly<Record<string, string>> = BAND_PALETTE;

const LABEL_WIDTH = 56;
const PLOT_WIDTH = 480;
const ROW = 20;
const TOP = 24;

export function BandChart({ bars, caption }: { bars: readonly ChartBar[]; caption: string }) {
  if (bars.length === 0) return <p>No key question figures yet.</p>;
  const height = TOP + bars.length * ROW + 8;
  const x = (percent: number) => LABEL_WIDTH + (percent / 100) * PLOT_WIDTH;
  const thresholds = BAND_MINIMUMS.filter((b) => b.minPercent > 0);
  return (
    <figure className="mb-6 max-w-3xl">
      <svg
        role="img"
        aria-labelledby="band-chart-title band-chart-desc"
        viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 150} ${height}`}
        className="w-full"
      >
        <title id="band-chart-title">{caption}</title>
        <desc id="band-chart-desc">
          {`Bar chart of each key question's final % 'yes' against the band thresholds ${thresholds.map((t) => `${t.minPercent}% (${t.rating})`).join(", ")}. `}
          {bars.map((b) => `${b.id}: ${b.percent}%, ${b.band}${b.lowest ? ", lowest of its standard" : ""}.`).join(" ")}
          {" The same figures are in the key question tables on this page."}
        </desc>
        {thresholds.map((t) => (
          <g key={t.rating}>
            <line x1={x(t.minPercent)} x2={x(t.minPercent)} y1={TOP - 6} y2={height - 4} stroke="#0b0c0c" strokeDasharray="4 3" />
            <text x={x(t.minPercent)} y={12} fontSize="10" textAnchor="middle">
              {t.minPercent}%
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={bar.id}>
              <text x={0} y={y + 13} fontSize="11" fontWeight={bar.lowest ? "bold" : "normal"}>
                {bar.id}
              </text>
              <rect x={LABEL_WIDTH} y={y + 2} width={(bar.percent / 100) * PLOT_WIDTH} height={ROW - 6} fill={BAND_FILL[bar.band] ?? "#505a5f"} />
              <text x={x(bar.percent) + 4} y={y + 13} fontSize="11" fontWeight={bar.lowest ? "bold" : "normal"}>
                {bar.percent}% {bar.band}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-muted text-sm">
        {caption}. Each bar is labelled with its band; dashed lines mark the band thresholds; bold labels are each standard&apos;s lowest key question.
        <ul className="mt-1 flex flex-wrap gap-x-4" aria-label="Band colours">
          {Object.entries(BAND_PALETTE).map(([band, colour]) => (
            <li key={band} className="inline-flex items-center gap-1">
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={colour} />
              </svg>
              {band}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
