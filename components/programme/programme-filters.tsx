import Link from "next/link";
import { FRAMEWORK_VERSIONS, FRAMEWORK_VERSION_LABELS } from "@/lib/framework/types";
import { DEFAULT_SORT, PROGRAMME_STATUSES, PROGRAMME_STATUS_LABELS, type ProgrammeQuery, type QueryField } from "@/lib/programme-page/query";

// The MoJ filter pattern as a plain GET form: the URL holds the filters (a filtered view can be
// shared, and it works without JavaScript); the sort travels with it in hidden fields.

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

export function ProgrammeFilters({ query, errors, years }: { query: ProgrammeQuery; errors: Readonly<Partial<Record<QueryField, string>>>; years: readonly number[] }) {
  const field = (id: "year" | "framework" | "status", label: string, options: { value: string; label: string }[], value: string | undefined) => (
    <div className={errors[id] ? "border-l-4 border-error pl-2" : ""}>
      <label htmlFor={`filter-${id}`} className="block font-semibold">
        {label}
      </label>
      {errors[id] ? (
        // GOV.UK's error red is under 4.5:1 on the panel's grey: a darker red reads on both.
        <p id={`filter-${id}-error`} className="font-semibold text-[#942514]">
          <span className="sr-only">Error:</span> {errors[id]}
        </p>
      ) : null}
      <select
        id={`filter-${id}`}
        name={id}
        defaultValue={value ?? ""}
        className={selectClass}
        aria-describedby={errors[id] ? `filter-${id}-error` : undefined}
        aria-invalid={errors[id] ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const active = query.year !== undefined || query.framework !== undefined || query.status !== undefined;
  const sorted = query.sort !== DEFAULT_SORT.sort || query.order !== DEFAULT_SORT.order;
  return (
    <form method="get" action="/programme" role="search" aria-labelledby="filter-heading" className="mb-6 max-w-5xl bg-panel p-3">
      <h2 id="filter-heading" className="mb-2 text-xl font-bold">
        Filter
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {field("year", "Fieldwork year", [{ value: "", label: "Any year" }, ...years.map((y) => ({ value: String(y), label: String(y) }))], query.year === undefined ? undefined : String(query.year))}
        {field(
          "framework",
          "Framework version",
          [{ value: "", label: "Any version" }, ...FRAMEWORK_VERSIONS.map((v) => ({ value: v, label: `${v}: ${FRAMEWORK_VERSION_LABELS[v].split(" (")[0]}` }))],
          query.framework,
        )}
        {field("status", "Status", [{ value: "", label: "Any status" }, ...PROGRAMME_STATUSES.map((s) => ({ value: s, label: PROGRAMME_STATUS_LABELS[s] }))], query.status)}
      </div>
      {sorted ? (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="order" value={query.order} />
        </>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className="bg-success px-3 py-1.5 font-semibold text-white shadow-[0_2px_0_#002d18]">
          Apply filters
        </button>
        {active ? <Link href="/programme">Clear filters</Link> : null}
      </div>
    </form>
  );
}
