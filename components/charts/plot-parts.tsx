import type { ReactNode } from "react";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import { BAND_MINIMUMS } from "@/lib/rating";
import { plotArea, round, type PlotFrame } from "./geometry";

// What the server-rendered SVG charts have in common, so that each chart file holds only what it
// draws of its own: the figure (an SVG named by its title and text alternative, a visible caption,
// the figures as a table), the axes and grid lines, and the key-question row of a box and a diamond.

/** Text, axes and boxes. */
export const INK = "#0b0c0c";
/** Dots, bars and markers that are not flagged or highlighted. */
export const NEUTRAL = "#505a5f";
const GRID = "#e5e6e7";
const HIGHLIGHT = BAND_PALETTE.Outstanding;

type Scale = (value: number) => number;

export function ChartFigure({
  id,
  title,
  summary,
  frame,
  caption,
  table,
  children,
}: {
  /** Unique on the page: the SVG's title and description, and the caption, are referenced by it. */
  id: string;
  title: string;
  /** The text alternative: every figure the chart shows, in words. */
  summary: string;
  frame: PlotFrame;
  /** What the marks mean, after the title. */
  caption: ReactNode;
  table?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="mb-8 max-w-xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${frame.width} ${frame.height}`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
      <figcaption id={`${id}-caption`} className="text-muted text-sm">
        <span className="block font-semibold text-ink">{title}</span>
        {caption}
      </figcaption>
      {table}
    </figure>
  );
}

export interface ChartColumn {
  readonly heading: ReactNode;
  /** Right-aligned, as figures are. */
  readonly numeric?: boolean;
}

function cellClass(last: boolean, numeric = false): string {
  return ["py-1", last ? null : "pr-2", numeric ? "text-right" : null].filter(Boolean).join(" ");
}

/** A figure cell that is not the row's last. */
export const numericCell = "py-1 pr-2 text-right tabular-nums";

/**
 * The chart's figures as a table beside it, for reading and copying; it scrolls in its own box if it
 * must at narrow widths (WCAG 1.4.10), never the page. A `false` column is left out. The last
 * column given has no padding on its right, as its cells have none; a column before it keeps its
 * padding even when the last is left out, as its cells do.
 */
export function ChartTable({ caption, columns, children }: { caption: string; columns: readonly (ChartColumn | false)[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((column, i) =>
              column ? (
                <th key={i} scope="col" className={cellClass(i === columns.length - 1, column.numeric)}>
                  {column.heading}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row of a ChartTable: its heading cell, then the cells given. */
export function ChartTableRow({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <tr className="border-b border-line">
      <th scope="row" className="py-1 pr-2 font-normal">
        {heading}
      </th>
      {children}
    </tr>
  );
}

/** Tick labels `gap` below the plotting area and, when it has one, the axis's name at the foot. */
export function XAxis({ frame, x, ticks, label = String, fontSize, gap, name }: { frame: PlotFrame; x: Scale; ticks: readonly number[]; label?: (tick: number) => string; fontSize: number; gap: number; name?: string }) {
  const { x0, x1, y1 } = plotArea(frame);
  return (
    <>
      {ticks.map((tick) => (
        <text key={tick} x={x(tick)} y={y1 + gap} fontSize={fontSize} textAnchor="middle">
          {label(tick)}
        </text>
      ))}
      {name ? (
        <text x={(x0 + x1) / 2} y={frame.height - 4} fontSize={12} textAnchor="middle">
          {name}
        </text>
      ) : null}
    </>
  );
}

/** Grid lines across the plotting area at each tick, labelled on the left. */
export function YGrid({ frame, y, ticks, label = String }: { frame: PlotFrame; y: Scale; ticks: readonly number[]; label?: (tick: number) => string }) {
  const { x0, x1 } = plotArea(frame);
  return ticks.map((tick) => (
    <g key={tick}>
      <line x1={x0} x2={x1} y1={y(tick)} y2={y(tick)} stroke={GRID} />
      <text x={x0 - 4} y={y(tick) + 4} fontSize={12} textAnchor="end">
        {label(tick)}
      </text>
    </g>
  ));
}

/**
 * The 0–100% axis of the key-question plots, with the key-question band thresholds as dashed lines
 * through every row, labelled above them in a size smaller.
 */
export function PercentAxis({ frame, x, fontSize }: { frame: PlotFrame; x: Scale; fontSize: number }) {
  const { y0, y1 } = plotArea(frame);
  return (
    <>
      <XAxis frame={frame} x={x} ticks={[0, 25, 50, 75, 100]} label={(tick) => `${tick}%`} fontSize={fontSize} gap={16} />
      {BAND_MINIMUMS.filter((band) => band.minPercent > 0).map((band) => (
        <g key={band.rating}>
          <line x1={x(band.minPercent)} x2={x(band.minPercent)} y1={y0 - 4} y2={y1 + 2} stroke={INK} strokeDasharray="4 3" strokeOpacity={0.6} />
          <text x={x(band.minPercent)} y={y0 - 8} fontSize={fontSize - 1} textAnchor="middle">
            {band.minPercent}%
          </text>
        </g>
      ))}
    </>
  );
}

/**
 * One key question's row: its id, a guide line, the interquartile range as a box with the median as
 * a thick bar (and the whiskers, when given), anything of the chart's own (`children`, such as
 * dots), and the highlighted inspection's value as a diamond on top. A part that is null is not drawn.
 */
export function BoxRow({
  frame,
  x,
  centre,
  label,
  fontSize,
  box,
  boxHalfHeight,
  whiskers,
  highlight,
  children,
}: {
  frame: PlotFrame;
  x: Scale;
  centre: number;
  label: string;
  fontSize: number;
  box: { readonly q1: number | null; readonly q3: number | null; readonly median: number | null } | null;
  boxHalfHeight: number;
  whiskers?: readonly [number, number] | null;
  highlight: number | null;
  children?: ReactNode;
}) {
  const { x0, x1 } = plotArea(frame);
  const half = boxHalfHeight;
  return (
    <g>
      <text x={0} y={centre + 4} fontSize={fontSize}>
        {label}
      </text>
      <line x1={x0} x2={x1} y1={centre} y2={centre} stroke={GRID} />
      {whiskers ? <line x1={x(whiskers[0])} x2={x(whiskers[1])} y1={centre} y2={centre} stroke={INK} /> : null}
      {box && box.q1 !== null && box.q3 !== null ? (
        <rect x={round(x(box.q1))} y={centre - half} width={Math.max(1, round(x(box.q3) - x(box.q1)))} height={2 * half} fill="#f3f2f1" stroke={INK} />
      ) : null}
      {box && box.median !== null ? <line x1={x(box.median)} x2={x(box.median)} y1={centre - half} y2={centre + half} stroke={INK} strokeWidth={3} /> : null}
      {children}
      {highlight !== null ? (
        <polygon
          points={`${round(x(highlight))},${centre - 8} ${round(x(highlight) + 6)},${centre} ${round(x(highlight))},${centre + 8} ${round(x(highlight) - 6)},${centre}`}
          fill={HIGHLIGHT}
          stroke="white"
        />
      ) : null}
    </g>
  );
}
