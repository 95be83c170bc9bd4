import { comparisonLimits, comparisonPosition, describeFunnelPosition, funnelCurve, funnelPosition, type FunnelLimits, type FunnelPosition } from "@/lib/statistics/funnel";
import { BAND_PALETTE } from "@/components/panel/band-palette";
import { integerTicks, linearScale, percentLabel, round, stepPath } from "./geometry";
import { ChartFigure, ChartTable, ChartTableRow, INK, NEUTRAL, numericCell, XAxis, YGrid } from "./plot-parts";

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

const FRAME = { width: 400, height: 260, left: 42, right: 12, top: 12, bottom: 36 };

const WARNING = BAND_PALETTE["Requires improvement"];
const ALARM = BAND_PALETTE.Inadequate;

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
  const x = linearScale(0, xMax, FRAME.left, FRAME.width - FRAME.right);
  const y = linearScale(0, 1, FRAME.height - FRAME.bottom, FRAME.top);
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

  const caption = (
    <>
      Solid line: {targetLabel}, {percentLabel(target)}. Dashed: 95% limits; dotted: 99.8% limits (exact binomial). Circles are within the limits;
      triangles point up or down beyond them, larger beyond 99.8%.
      {ownTargets
        ? " Grey bars: each one's own 95% (thick) and 99.8% (thin) limits given the rest of the team's answers, which its flag is read from (the funnel lines are for reference)."
        : ""}
      {" "}A flag asks for a look at the answers; it does not mean they are wrong.
    </>
  );
  const table = (
    <ChartTable
      caption={`${title}: figures`}
      columns={[
        { heading: unitHeading },
        { heading: "Yes", numeric: true },
        { heading: "Rate", numeric: true },
        ownTargets && { heading: "Rest of team", numeric: true },
        { heading: "Against the limits" },
      ]}
    >
      {/* The plotted units, then those not plotted, with the reason. */}
      {[...placed.map((u) => ({ u, place: u })), ...omitted.map((u) => ({ u, place: null }))].map(({ u, place }) => (
        <ChartTableRow key={u.id} heading={u.label}>
          <td className={numericCell}>
            {u.yes} of {u.n}
          </td>
          <td className={numericCell}>{u.n > 0 ? percentLabel(u.yes / u.n) : "—"}</td>
          {ownTargets ? <td className={numericCell}>{place && u.rest ? `${u.rest.yes} of ${u.rest.n} (${percentLabel(place.comparedWith)})` : "—"}</td> : null}
          <td className={`py-1 ${place && place.position !== "within" ? "font-semibold" : ""}`}>{place ? describeFunnelPosition(place.position) : notPlottedReason(u)}</td>
        </ChartTableRow>
      ))}
    </ChartTable>
  );

  return (
    <ChartFigure id={id} title={title} summary={summary} frame={FRAME} caption={caption} table={table}>
      <YGrid frame={FRAME} y={y} ticks={[0, 0.25, 0.5, 0.75, 1]} label={(v) => `${v * 100}%`} />
      <XAxis frame={FRAME} x={x} ticks={xTicks} fontSize={12} gap={14} name="Applicable answers" />
      <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(target)} y2={y(target)} stroke={INK} strokeWidth={1.5} />
      <path d={line((l) => l.upper95)} fill="none" stroke={INK} strokeDasharray="5 3" />
      <path d={line((l) => l.lower95)} fill="none" stroke={INK} strokeDasharray="5 3" />
      <path d={line((l) => l.upper998)} fill="none" stroke={INK} strokeDasharray="1.5 2.5" />
      <path d={line((l) => l.lower998)} fill="none" stroke={INK} strokeDasharray="1.5 2.5" />
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
    </ChartFigure>
  );
}
