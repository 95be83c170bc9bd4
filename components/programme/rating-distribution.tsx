import { BAND_PALETTE } from "@/components/panel/band-palette";
import type { Column } from "@/components/ui/table";
import { FigureTable } from "./figure-table";
import { RATINGS } from "@/lib/framework/types";
import { percentGoodOrBetter, type RatingCounts } from "@/lib/programme-page/distributions";

// How many inspections got each rating, one row per standard (or year): the counts are the table,
// and a stacked bar in each row draws the same counts for those who would rather look. The bars are
// decoration of the numbers beside them (aria-hidden), so nothing depends on seeing them.

export interface DistributionRow {
  readonly key: string;
  /** What the row is, as its header cell says it. */
  readonly label: string;
  readonly counts: RatingCounts;
}

const BAR_WIDTH = 160;

function StackedBar({ counts }: { counts: RatingCounts }) {
  const rated = counts.total - counts.notRated;
  let x = 0;
  return (
    <svg width={BAR_WIDTH} height={16} viewBox={`0 0 ${BAR_WIDTH} 16`} aria-hidden="true" focusable="false" className="block">
      <rect width={BAR_WIDTH} height={16} fill="#f3f2f1" />
      {rated === 0
        ? null
        : RATINGS.map((rating) => {
            const width = (counts[rating] / rated) * BAR_WIDTH;
            const rect = <rect key={rating} x={x} width={width} height={16} fill={BAND_PALETTE[rating]} stroke="white" strokeWidth={width > 0 ? 1 : 0} />;
            x += width;
            return rect;
          })}
    </svg>
  );
}

/** Colours of the bars, written out: the table's column order. */
export function RatingKey() {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 text-sm" aria-label="Bar colours">
      {RATINGS.map((rating) => (
        <li key={rating} className="inline-flex items-center gap-1">
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={BAND_PALETTE[rating]} />
          </svg>
          {rating}
        </li>
      ))}
    </ul>
  );
}

export function RatingDistributionTable({ caption, rowHeading, rows }: { caption: string; rowHeading: string; rows: readonly DistributionRow[] }) {
  return (
    <FigureTable
      caption={caption}
      rowHeading={rowHeading}
      rows={rows}
      columns={[
        ...RATINGS.map((rating): Column<DistributionRow> => ({ header: rating, numeric: true, cell: (row) => row.counts[rating] })),
        { header: "Not rated", numeric: true, cell: (row) => row.counts.notRated },
        {
          header: "Good or better",
          numeric: true,
          cell: (row) => {
            const share = percentGoodOrBetter(row.counts);
            return share === null ? "—" : `${share}%`;
          },
        },
        { key: "chart", header: <span className="sr-only">Chart of the counts</span>, cell: (row) => <StackedBar counts={row.counts} /> },
      ]}
    />
  );
}
