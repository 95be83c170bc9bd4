import type { ReactNode } from "react";
import { type Column, Table } from "@/components/ui/table";

/** A row of a figure table: its heading (a year, a standard) and whatever its figures are read from. */
export interface FigureTableRow {
  readonly key: string;
  readonly label: ReactNode;
}

/** The programme's tables of figures beside its charts: captioned, each row headed, the figures in the columns after. */
export function FigureTable<Row extends FigureTableRow>({ caption, rowHeading, columns, rows }: { caption: string; rowHeading: string; columns: readonly Column<Row>[]; rows: readonly Row[] }) {
  return (
    <Table
      caption={caption}
      captionStyle="lg"
      region
      small
      fullWidth={false}
      className="mb-6"
      rows={rows}
      rowKey={(row) => row.key}
      columns={[{ header: rowHeading, rowHeader: true, cell: (row) => row.label }, ...columns]}
    />
  );
}
