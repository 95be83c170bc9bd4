import { useId, type ReactNode } from "react";

// The one data table (GOV.UK / MoJ table pattern): a caption that names it, column headings with
// scope="col", an optional row heading per row (scope="row"), numbers right-aligned in tabular
// figures. A table wider than its column scrolls sideways in its own box, never the page (WCAG
// 1.4.10 allows it for data tables); the box is positioned so that visually hidden text in a cell
// is clipped with it. A wide table of figures gets a labelled, keyboard-focusable region (`region`),
// which the rule in app/globals.css for `[role="region"][tabindex] > table` scrolls as a whole at
// 320 px. Only wide ones: every region is a landmark, and its name, taken from the caption, would
// also be found as a label by anything that looks for a form field by its label.

export interface Column<Row> {
  /** The column's heading; a string heading is also its React key. */
  readonly header: ReactNode;
  /** The React key where the heading is not a string. */
  readonly key?: string;
  /** What one row shows in this column. */
  readonly cell: (row: Row) => ReactNode;
  /** A figure: heading and cells right-aligned, cells in tabular figures. */
  readonly numeric?: boolean;
  /** The cell names its row (a row heading, read out with the row's other cells): normal weight, or bold. */
  readonly rowHeader?: true | "bold";
  /** Classes added to the column's body cells (a monospace reference, no wrapping, a sticky column). */
  readonly className?: string;
  /** Classes added to the column's heading. */
  readonly headerClassName?: string;
  /** Where the rows can be sorted by this column (MoJ sortable table): how they are sorted by it now. */
  readonly sort?: "ascending" | "descending" | "none";
}

/** Rows under a heading row of their own (one tbody each), e.g. a framework's standards by domain. */
export interface RowGroup<Row> {
  readonly key: string;
  readonly heading: ReactNode;
  readonly rows: readonly Row[];
}

const CAPTION_CLASS = {
  "2xl": "mb-2 text-left text-2xl font-bold",
  xl: "mb-2 text-left text-xl font-bold",
  lg: "mb-2 text-left text-lg font-bold",
  bold: "mb-2 text-left font-bold",
  plain: "mb-2 text-left",
  "visually-hidden": "sr-only",
} as const;

type TableProps<Row> = {
  caption: ReactNode;
  /** How the caption looks; "visually-hidden" where a heading above already says it. Default "xl". */
  captionStyle?: keyof typeof CAPTION_CLASS;
  /** Columns; `false` leaves one out (a column only some callers may see). */
  columns: readonly (Column<Row> | false)[];
  rowClassName?: (row: Row) => string | undefined;
  /** Said in one row across the table when there are no rows. */
  empty?: ReactNode;
  /** A note in the table's footer, across every column. */
  footer?: ReactNode;
  /** Small text (a wide or dense table). */
  small?: boolean;
  /** As wide as its box allows (default), or only as wide as its content. */
  fullWidth?: boolean;
  /** A bordered scroll box, its cells padded on both sides. */
  boxed?: boolean;
  /** Below the md breakpoint each row is a block of its own, its cells one under another, the headings
   * read to screen readers only: for rows of forms, which no sideways scrolling makes usable at 320 px. */
  stacked?: boolean;
  /** The headings stay in view while the region scrolls down (give the box a max height). */
  stickyHeader?: boolean;
  /** A labelled, focusable region for keyboard users to scroll (a wide table): named by the caption, or by the text given. */
  region?: true | string;
  /** The box's layout classes: margins, maximum width or height. */
  className?: string;
} & RowKey<Row> &
  ({ rows: readonly Row[]; groups?: never } | { groups: readonly RowGroup<Row>[]; rows?: never });

/** Each row's React key: its id, unless rowKey says otherwise (required where rows have no id). */
type RowKey<Row> = [Row] extends [{ readonly id: string }] ? { rowKey?: (row: Row) => string } : { rowKey: (row: Row) => string };

const idOf = (row: unknown) => (row as { id: string }).id;

export function Table<Row>(props: TableProps<Row>) {
  const { caption, captionStyle = "xl", columns: maybeColumns, rowKey = idOf, rowClassName, empty, footer, small, fullWidth = true, boxed, stacked, stickyHeader, region, className } = props;
  const captionId = `${useId()}caption`;
  const columns = maybeColumns.filter((c): c is Column<Row> => c !== false);
  const pad = `${boxed ? "p-2" : small ? "py-2 pr-3" : "py-2 pr-4"} ${stacked ? "max-md:block max-md:py-1" : ""}`;
  const keyOf = (column: Column<Row>, index: number) => column.key ?? (typeof column.header === "string" ? column.header : String(index));

  const bodyRows = (rows: readonly Row[]) =>
    rows.map((row) => (
      <tr key={rowKey(row)} className={`border-b border-line align-top ${stacked ? "max-md:block max-md:py-2" : ""} ${rowClassName?.(row) ?? ""}`}>
        {columns.map((column, index) => {
          const cellClass = `${pad} ${column.numeric ? "text-right tabular-nums" : ""} ${column.className ?? ""}`;
          return column.rowHeader ? (
            <th key={keyOf(column, index)} scope="row" className={`${cellClass} ${column.rowHeader === "bold" ? "font-bold" : "font-normal"}`}>
              {column.cell(row)}
            </th>
          ) : (
            <td key={keyOf(column, index)} className={cellClass}>
              {column.cell(row)}
            </td>
          );
        })}
      </tr>
    ));
  const emptyRow = (
    <tr className="border-b border-line">
      <td colSpan={columns.length} className={`${pad} text-muted`}>
        {empty}
      </td>
    </tr>
  );

  const table = (
    <table className={`border-collapse text-left ${fullWidth ? "w-full" : ""} ${small ? "text-sm" : ""} ${stacked ? "max-md:block" : ""}`}>
      <caption id={captionId} className={CAPTION_CLASS[captionStyle]}>
        {/* A caption is as wide as its table: on a narrow screen it ran off the edge with the columns.
            This keeps it within the screen, wrapping, and in view while the table scrolls. */}
        {captionStyle === "visually-hidden" ? caption : <span className="sticky left-0 block max-w-[calc(100vw-2rem)]">{caption}</span>}
      </caption>
      <thead className={stickyHeader ? "sticky top-0 z-10 bg-white" : stacked ? "max-md:sr-only" : undefined}>
        <tr className="border-b-2 border-ink align-bottom">
          {columns.map((column, index) => (
            <th key={keyOf(column, index)} scope="col" aria-sort={column.sort} className={`${pad} ${column.numeric ? "text-right" : ""} ${column.headerClassName ?? ""}`}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      {props.groups ? (
        props.groups.map((group) => (
          <tbody key={group.key}>
            <tr className="border-b border-line bg-panel">
              <th scope="colgroup" colSpan={columns.length} className={`${pad} pl-2 font-bold`}>
                {group.heading}
              </th>
            </tr>
            {bodyRows(group.rows)}
          </tbody>
        ))
      ) : (
        <tbody className={stacked ? "max-md:block" : undefined}>{props.rows.length === 0 && empty !== undefined ? emptyRow : bodyRows(props.rows)}</tbody>
      )}
      {footer ? (
        <tfoot>
          <tr>
            <td colSpan={columns.length} className="pt-2 text-sm text-muted">
              {footer}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
  const box = `relative max-w-full overflow-x-auto ${boxed ? "border border-line" : ""} ${className ?? ""}`;
  return region ? (
    <div role="region" aria-labelledby={region === true ? captionId : undefined} aria-label={region === true ? undefined : region} tabIndex={0} className={box}>
      {table}
    </div>
  ) : (
    <div className={box}>{table}</div>
  );
}
