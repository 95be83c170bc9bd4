import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { FRAMEWORK_VERSIONS, FRAMEWORK_VERSION_LABELS } from "@/lib/framework";
import { PROGRAMME_STATUSES } from "@/lib/statuses";
import { DEFAULT_SORT, PROGRAMME_STATUS_LABELS, type ProgrammeQuery, type QueryField } from "@/lib/programme-page/query";

// The programme's filters (components/ui/filter-form.tsx); the sort travels with them in hidden fields.

export function ProgrammeFilters({ query, errors, years }: { query: ProgrammeQuery; errors: Readonly<Partial<Record<QueryField, string>>>; years: readonly number[] }) {
  const active = query.year !== undefined || query.framework !== undefined || query.status !== undefined;
  const sorted = query.sort !== DEFAULT_SORT.sort || query.order !== DEFAULT_SORT.order;
  return (
    <FilterForm action="/programme" columns="sm:grid-cols-3" hidden={sorted ? { sort: query.sort, order: query.order } : undefined} active={active} clearHref="/programme">
      <FilterSelect
        name="year"
        label="Fieldwork year"
        options={[{ value: "", label: "Any year" }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
        value={query.year === undefined ? undefined : String(query.year)}
        error={errors.year}
      />
      <FilterSelect
        name="framework"
        label="Framework version"
        options={[{ value: "", label: "Any version" }, ...FRAMEWORK_VERSIONS.map((v) => ({ value: v, label: `${v}: ${FRAMEWORK_VERSION_LABELS[v].split(" (")[0]}` }))]}
        value={query.framework}
        error={errors.framework}
      />
      <FilterSelect name="status" label="Status" options={[{ value: "", label: "Any status" }, ...PROGRAMME_STATUSES.map((s) => ({ value: s, label: PROGRAMME_STATUS_LABELS[s] }))]} value={query.status} error={errors.status} />
    </FilterForm>
  );
}
