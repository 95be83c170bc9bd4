// Pure geometry shared by the server-rendered SVG charts: the frame, scales, ticks, the step path of
// funnel limits and the vertical spread of tied dots. No React, so it is unit-tested on its own.

/** An SVG chart's size and the margins around its plotting area, in viewBox units. */
export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The plotting area's edges: x from `x0` to `x1`, y from `y0` (top) to `y1` (bottom). */
export function plotArea(frame: PlotFrame): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: frame.left, x1: frame.width - frame.right, y0: frame.top, y1: frame.height - frame.bottom };
}

/**
 * A frame one row of `rowHeight` per item tall, for the plots with a row per key question, and the
 * centre line of each row.
 */
export function rowFrame(margins: Omit<PlotFrame, "height">, rowHeight: number, rows: number): PlotFrame & { rowCentre: (index: number) => number } {
  return { ...margins, height: margins.top + rows * rowHeight + margins.bottom, rowCentre: (index) => margins.top + index * rowHeight + rowHeight / 2 };
}

/** Maps [domainMin, domainMax] linearly onto [rangeMin, rangeMax] (a reversed range flips the axis). */
export function linearScale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number): (value: number) => number {
  if (!(domainMax > domainMin)) throw new RangeError(`A scale needs domainMax > domainMin (got ${domainMin}–${domainMax})`);
  const k = (rangeMax - rangeMin) / (domainMax - domainMin);
  return (value) => rangeMin + (value - domainMin) * k;
}

/**
 * Whole-number ticks from 0 to at least `max`, at a step of 1, 2 or 5 × 10^k chosen so that there are
 * at most `maxTicks` of them (0 included).
 */
export function integerTicks(max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(max) || max < 0) throw new RangeError(`Ticks need a finite maximum ≥ 0 (got ${max})`);
  if (max === 0) return [0];
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(max / s) + 1 <= maxTicks);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const last = Math.ceil(max / step) * step;
  return Array.from({ length: last / step + 1 }, (_, i) => i * step);
}

/**
 * SVG path through limits given per whole denominator n = 1, 2, …: a horizontal run across each n's
 * half-unit either side, joined by vertical steps, because the limit only exists at whole n.
 */
export function stepPath(points: readonly { readonly n: number; readonly value: number }[], x: (n: number) => number, y: (value: number) => number): string {
  if (points.length === 0) return "";
  const parts: string[] = [];
  points.forEach((p, i) => {
    const left = x(Math.max(p.n - 0.5, points[0]!.n));
    const right = x(Math.min(p.n + 0.5, points[points.length - 1]!.n));
    parts.push(`${i === 0 ? "M" : "L"}${round(left)},${round(y(p.value))}`, `L${round(right)},${round(y(p.value))}`);
  });
  return parts.join(" ");
}

/**
 * Vertical offsets (−1 to 1, to be scaled by the caller) that spread dots sharing one value across a
 * strip, centred on 0, in the input order; a value on its own stays on the centre line.
 */
export function tieOffsets(values: readonly number[]): number[] {
  const groups = new Map<number, number[]>();
  values.forEach((v, i) => groups.set(v, [...(groups.get(v) ?? []), i]));
  const offsets = new Array<number>(values.length).fill(0);
  for (const indices of groups.values()) {
    if (indices.length === 1) continue;
    indices.forEach((index, k) => {
      offsets[index] = -1 + (2 * k) / (indices.length - 1);
    });
  }
  return offsets;
}

/** Two decimals are plenty for an SVG coordinate and keep the markup small. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A whole or one-decimal percentage for labels: 62, 62.5. */
export function percentLabel(proportion: number): string {
  const percent = Math.round(proportion * 1000) / 10;
  return `${percent}%`;
}

/** A percentage already on the 0–100 scale, whole or to one decimal: 46%, 84.5%. */
export function percentFigure(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}

/** "31st", "42nd", "3rd", "11th": the ordinal of a percentile, rounded to a whole number. */
export function ordinal(value: number): string {
  const whole = Math.round(value);
  const lastTwo = whole % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : (["th", "st", "nd", "rd"][whole % 10] ?? "th");
  return `${whole}${suffix}`;
}
