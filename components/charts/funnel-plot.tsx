import { comparisonLimits, comparisonPosition, describeFunnelPosition, funnelCurve, funnelPosition, type FunnelLimits, type FunnelPosition } from "@/lib/statistics/funnel";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import { integerTicks, linearScale, percentLabel, round, stepPath } from "./geometry";

// A funnel plot as server-rendered SVG: each unit's yes-rate (y) against its number of applicable
// answers (x), with the exact binomial 95% and 99.8% limits around a target (lib/statistics/funnel).
// Where a unit is compared with the rest of its group instead (an inspector against the rest of the
// team, conditional on the team's total: lib/statistics/funnel's comparisonLimits), its own limits
// are drawn as a bar at its n and its flag is read from them; the funnel lines are then drawn around
// the whole group's rate for reference. Flags are shown by shape and by text in the table, never
// by colour alone. Nothing here blocks anything: a flag asks for a look.

export interface FunnelUnit {
  readonly id: string;
  /** Shown in the table and, when flagged, beside the point. */
  readonly label: string;
  readonly yes: number;
  readonly n: number;
  /**
   * The rest of the unit's group (yes of n) when the unit is compared with it rather than with the
   * plot's target; null when no one else answered, so there is nothing to compare it with.
   */
  readonly rest?: { readonly yes: number; readonly n: number } | null;
}

export interface FunnelPlotProps {
  /** Unique on the page: the SVG title and description are referenced by it. */
  readonly id: string;
  readonly title: string;
  /** The rate the funnel lines are drawn around, 0–1. */
  readonly target: number;
  /** What the target is, for the caption ("the whole team's rate"). */
  readonly targetLabel: string;
  readonly units: readonly FunnelUnit[];
  /** Heading of the table's first column. */
  readonly unitHeading?: string;
}

const WIDTH = 400;
const HEIGHT = 260;
const LEFT = 42;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

const WARNING = BAND_PALETTE["Requires improvement"];
const ALARM = BAND_PALETTE.Inadequate;
const NEUTRAL = "#505a5f";

function colourOf(position: FunnelPosition): string {
  if (position === "within") return NEUTRAL;
  return position.endsWith("998") ? ALARM : WARNING;
}

/** Circle within the limits, triangle pointing up or down beyond them (larger beyond 99.8%). */
function Marker({ x, y, position }: { x: number; y: number; position: FunnelPosition }) {
  const colour = colourOf(position);
  if (position === "within") return <circle cx={round(x)} cy={round(y)} r={4} fill="white" stroke={colour} strokeWidth={2} />;
  const size = position.endsWith("998") ? 7 : 5.5;
  const up = position.startsWith("high");
  const tip = up ? y - size : y + size;
  const base = up ? y + size * 0.7 : y - size * 0.7;
  return <polygon points={`${round(x)},${round(tip)} ${round(x - size)},${round(base)} ${round(x + size)},${round(base)}`} fill={colour} />;
}

export interface PlacedUnit extends FunnelUnit {
  readonly rate: number;
  /** The rate it is compared with: the rest of its group's, or the plot's target. */
  readonly comparedWith: number;
  /** Its own limits when compared with the rest of its group; null when the funnel's apply. */
  readonly ownLimits: FunnelLimits | null;
  readonly position: FunnelPosition;
}

/** Why a unit is not on the plot, or null when it is. */
export function notPlottedReason(unit: FunnelUnit): string | null {
  if (unit.n === 0) return "No applicable answers";
  if (unit.rest === null || unit.rest?.n === 0) return "No one else's answers to compare with";
  return null;
}

/** Each plottable unit's rate and flag against its own target (or the plot's). */
export function placeUnits(units: readonly FunnelUnit[], target: number): PlacedUnit[] {
  return units
    .filter((u) => notPlottedReason(u) === null)
    .map((u) => {
      const rate = u.yes / u.n;
      if (!u.rest) return { ...u, rate, comparedWith: target, ownLimits: null, position: funnelPosition(u.yes, u.n, target) };
      return {
        ...u,
        rate,
        comparedWith: u.rest.yes / u.rest.n,
        ownLimits: comparisonLimits(u.n, u.yes, u.rest.yes, u.rest.n),
        position: comparisonPosition(u.yes, u.n, u.rest.yes, u.rest.n),
      };
    });
}

export function FunnelPlot({ id, title, target, targetLabel, units, unitHeading = "Inspector" }: FunnelPlotProps) {
  const placed = placeUnits(units, target);
  const omitted = units.filter((u) => notPlottedReason(u) !== null);
  const maxN = Math.max(5, ...placed.map((u) => u.n));
  const xTicks = integerTicks(maxN, 6);
  const xMax = xTicks[xTicks.length - 1]!;
  const x = linearScale(0, xMax, LEFT, WIDTH - RIGHT);
  const y = linearScale(0, 1, HEIGHT - BOTTOM, TOP);
  const curve = funnelCurve(target, xMax);
  const line = (pick: (l: (typeof curve)[number]) => number) => stepPath(curve.map((l) => ({ n: l.n, value: pick(l) })), x, y);
  const flagged = placed.filter((u) => u.position !== "within");
  const ownTargets = units.some((u) => u.rest !== undefined);
  const summary =
    `Funnel plot of yes-rate against number of applicable answers for ${placed.length} ${placed.length === 1 ? "unit" : "units"}, ` +
    `with 95% and 99.8% limits around ${percentLabel(target)} (${targetLabel}). ` +
    (flagged.length === 0
      ? "None is beyond the limits."
      : `Beyond the limits: ${flagged.map((u) => `${u.label}, ${u.yes} of ${u.n} (${percentLabel(u.rate)}), ${describeFunnelPosition(u.position)}`).join("; ")}.`) +
    " The table below gives every figure.";

  return (
    <figure className="mb-8 max-w-xl">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} stroke="#e5e6e7" />
            <text x={LEFT - 4} y={y(v) + 4} fontSize="12" textAnchor="end">
              {v * 100}%
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - BOTTOM + 14} fontSize="12" textAnchor="middle">
            {t}
          </text>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 4} fontSize="12" textAnchor="middle">
          Applicable answers
        </text>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(target)} y2={y(target)} stroke="#0b0c0c" strokeWidth={1.5} />
        <path d={line((l) => l.upper95)} fill="none" stroke="#0b0c0c" strokeDasharray="5 3" />
        <path d={line((l) => l.lower95)} fill="none" stroke="#0b0c0c" strokeDasharray="5 3" />
        <path d={line((l) => l.upper998)} fill="none" stroke="#0b0c0c" strokeDasharray="1.5 2.5" />
        <path d={line((l) => l.lower998)} fill="none" stroke="#0b0c0c" strokeDasharray="1.5 2.5" />
        {ownTargets
          ? placed.map((u) => {
              const own = u.ownLimits;
              if (!own) return null;
              return (
                <g key={`limits-${u.id}`} stroke={NEUTRAL}>
                  <line x1={x(u.n)} x2={x(u.n)} y1={y(own.lower998)} y2={y(own.upper998)} strokeWidth={1} />
                  <line x1={x(u.n)} x2={x(u.n)} y1={y(own.lower95)} y2={y(own.upper95)} strokeWidth={4} strokeOpacity={0.35} />
                </g>
              );
            })
          : null}
        {placed.map((u) => (
          <g key={u.id}>
            <Marker x={x(u.n)} y={y(u.rate)} position={u.position} />
            {u.position !== "within" ? (
              <text x={x(u.n) + 8} y={y(u.rate) + 4} fontSize="12" fontWeight="bold">
                {u.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-caption`} className="text-muted text-sm">
        <span className="block font-semibold text-ink">{title}</span>
        Solid line: {targetLabel}, {percentLabel(target)}. Dashed: 95% limits; dotted: 99.8% limits (exact binomial). Circles are within the limits;
        triangles point up or down beyond them, larger beyond 99.8%.
        {ownTargets
          ? " Grey bars: each one's own 95% (thick) and 99.8% (thin) limits given the rest of the team's answers, which its flag is read from (the funnel lines are for reference)."
          : ""}
        {" "}A flag asks for a look at the answers; it does not mean they are wrong.
      </figcaption>
      {/* The table scrolls in its own box if it must at narrow widths (WCAG 1.4.10), never the page. */}
      <div className="mt-3 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}: figures</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-2">{unitHeading}</th>
              <th scope="col" className="py-1 pr-2 text-right">Yes</th>
              <th scope="col" className="py-1 pr-2 text-right">Rate</th>
              {ownTargets ? <th scope="col" className="py-1 pr-2 text-right">Rest of team</th> : null}
              <th scope="col" className="py-1">Against the limits</th>
            </tr>
          </thead>
          <tbody>
            {placed.map((u) => (
              <tr key={u.id} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">{u.label}</th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {u.yes} of {u.n}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{percentLabel(u.rate)}</td>
                {ownTargets ? (
                  <td className="py-1 pr-2 text-right tabular-nums">{u.rest ? `${u.rest.yes} of ${u.rest.n} (${percentLabel(u.comparedWith)})` : "—"}</td>
                ) : null}
                <td className={`py-1 ${u.position === "within" ? "" : "font-semibold"}`}>{describeFunnelPosition(u.position)}</td>
              </tr>
            ))}
            {omitted.map((u) => (
              <tr key={u.id} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">{u.label}</th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {u.yes} of {u.n}
                </td>
                <td className="py-1 pr-2 text-right">{u.n > 0 ? percentLabel(u.yes / u.n) : "—"}</td>
                {ownTargets ? <td className="py-1 pr-2 text-right">—</td> : null}
                <td className="py-1">{notPlottedReason(u)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
