import Link from "next/link";
import type { ReactNode } from "react";
import { FieldError, SelectOptions, type Option } from "./field";
import { HiddenFields } from "./hidden-fields";

// The MoJ filter pattern as a plain GET form: the URL holds the filters, so a filtered view can be
// shared, and it works without JavaScript.

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

/**
 * The filter panel: its selects in a grid (`columns`: the grid's columns from the small breakpoint
 * up), what else the URL keeps (`hidden`, such as the sort), Apply, and Clear while any is `active`.
 */
export function FilterForm({ action, columns, hidden, active, clearHref, children }: { action?: string; columns: string; hidden?: Readonly<Record<string, string>>; active: boolean; clearHref: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-labelledby="filter-heading" className="mb-6 max-w-5xl bg-panel p-3">
      <h2 id="filter-heading" className="mb-2 text-xl font-bold">
        Filter
      </h2>
      <div className={`grid grid-cols-1 gap-3 ${columns}`}>{children}</div>
      {hidden ? <HiddenFields values={hidden} /> : null}
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className="bg-success px-3 py-1.5 font-semibold text-white shadow-[0_2px_0_#002d18]">
          Apply filters
        </button>
        {active ? <Link href={clearHref}>Clear filters</Link> : null}
      </div>
    </form>
  );
}

/** One filter: a labelled select whose first option is "any"; its error is named beside it. */
export function FilterSelect({ name, label, options, value, error }: { name: string; label: string; options: readonly Option[]; value: string | undefined; error?: string }) {
  const id = `filter-${name}`;
  return (
    <div className={error ? "border-l-4 border-error pl-2" : ""}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {/* GOV.UK's error red is under 4.5:1 on the panel's grey: a darker red reads on both. */}
      <FieldError id={id} error={error} colour="text-[#942514]" />
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
        <SelectOptions options={options} />
      </select>
    </div>
  );
}
