// The programme page's query string: filters (year, framework version, status) and the sort, as the
// page's GET form and its column headers send them. Each value is checked on its own with zod: one
// that is not understood is reported beside its field and ignored, the rest still apply, and nothing
// a URL holds can make the page fail. The exports read the same query, so a download holds what the
// page shows.

import { z } from "zod";
import { FRAMEWORK_VERSIONS, RATINGS, type FrameworkVersion } from "@/lib/framework";
import { PROGRAMME_STATUSES, type ProgrammeStatus } from "@/lib/statuses";

export const PROGRAMME_STATUS_LABELS: Readonly<Record<ProgrammeStatus, string>> = Object.freeze({
  setup: "Set-up",
  fieldwork: "Fieldwork",
  panel: "Ratings panel",
  signed_off: "Signed off",
  published: "Published",
});

/** The columns the table sorts by, in the order it shows them. */
export const SORT_COLUMNS = ["name", "frameworkVersion", "fieldworkStart", "status", "overallRating", "score"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortOrder = "asc" | "desc";

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const querySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, "Enter the year as four digits, for example 2024")
    .transform(Number)
    .refine((y) => y >= FIRST_YEAR && y <= LAST_YEAR, `Choose a year from ${FIRST_YEAR} to ${LAST_YEAR}`),
  framework: z.enum(FRAMEWORK_VERSIONS, { message: "Choose a framework version from the list" }),
  status: z.enum(PROGRAMME_STATUSES, { message: "Choose a status from the list" }),
  sort: z.enum(SORT_COLUMNS, { message: "Sort by one of the table's columns" }),
  order: z.enum(["asc", "desc"], { message: "Sort in ascending or descending order" }),
});

export interface ProgrammeQuery {
  readonly year?: number;
  readonly framework?: FrameworkVersion;
  readonly status?: ProgrammeStatus;
  readonly sort: SortColumn;
  readonly order: SortOrder;
}

export type QueryField = keyof z.infer<typeof querySchema>;

export interface ParsedProgrammeQuery {
  readonly query: ProgrammeQuery;
  /** Field → message for each value that was not understood (the page lists them). */
  readonly errors: Readonly<Partial<Record<QueryField, string>>>;
}

/** Most recent fieldwork first, unless the URL says otherwise. */
export const DEFAULT_SORT: { sort: SortColumn; order: SortOrder } = { sort: "fieldworkStart", order: "desc" };

export function parseProgrammeQuery(input: Readonly<Record<string, string | string[] | undefined>>): ParsedProgrammeQuery {
  const values: Record<string, unknown> = {};
  const errors: Partial<Record<QueryField, string>> = {};
  for (const key of Object.keys(querySchema.shape) as QueryField[]) {
    const raw = input[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = querySchema.shape[key].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "Choose from the list";
  }
  const sort = (values.sort as SortColumn | undefined) ?? DEFAULT_SORT.sort;
  const order = (values.order as SortOrder | undefined) ?? (values.sort ? "asc" : DEFAULT_SORT.order);
  return {
    query: {
      ...(values.year !== undefined ? { year: values.year as number } : {}),
      ...(values.framework !== undefined ? { framework: values.framework as FrameworkVersion } : {}),
      ...(values.status !== undefined ? { status: values.status as ProgrammeStatus } : {}),
      sort,
      order,
    },
    errors,
  };
}

/** The query string of `query` (defaults left out), for links that keep the filters. */
export function programmeSearch(query: ProgrammeQuery, change: Partial<ProgrammeQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.year !== undefined) params.set("year", String(next.year));
  if (next.framework) params.set("framework", next.framework);
  if (next.status) params.set("status", next.status);
  if (next.sort !== DEFAULT_SORT.sort || next.order !== DEFAULT_SORT.order) {
    params.set("sort", next.sort);
    params.set("order", next.order);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** What the table sorts: the fields of an inspection row it shows. */
export interface SortableInspection {
  readonly name: string;
  readonly frameworkVersion: string;
  readonly fieldworkStart: Date | string | null;
  readonly status: ProgrammeStatus;
  readonly overallRating: string | null;
  readonly score: number | null;
}

function sortValue(row: SortableInspection, column: SortColumn): string | number | null {
  switch (column) {
    case "name":
      return row.name.toLocaleLowerCase("en-GB");
    case "frameworkVersion":
      return row.frameworkVersion;
    case "fieldworkStart":
      return row.fieldworkStart === null ? null : new Date(row.fieldworkStart).getTime();
    case "status": {
      const i = PROGRAMME_STATUSES.indexOf(row.status);
      return i < 0 ? null : i;
    }
    case "overallRating": {
      // Ascending reads worst to best, as the score does: Inadequate first, Outstanding last.
      const i = RATINGS.indexOf(row.overallRating as (typeof RATINGS)[number]);
      return i < 0 ? null : RATINGS.length - i;
    }
    case "score":
      return row.score;
  }
}

/**
 * The rows in the query's order; rows without a value (not rated yet) come last either way, and ties
 * keep the name order so the table never shuffles between loads.
 */
export function sortInspections<R extends SortableInspection>(rows: readonly R[], sort: SortColumn, order: SortOrder): R[] {
  const direction = order === "asc" ? 1 : -1;
  const byName = (a: R, b: R) => a.name.localeCompare(b.name, "en-GB");
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    if (x < y) return -direction;
    if (x > y) return direction;
    return byName(a, b);
  });
}
