import type { Metadata } from "next";
import { ProgrammeFilters } from "@/components/programme/programme-filters";
import { ProgrammeTable } from "@/components/programme/programme-table";
import { VersionFigures } from "@/components/programme/version-figures";
import { ErrorSummary } from "@/components/ui/error-summary";
import { PageHeading } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/session";
import { pageData } from "@/lib/http/page-data";
import { loadProgramme } from "@/lib/programme";
import { byFrameworkVersion, isFinal } from "@/lib/programme-page/distributions";
import { parseProgrammeQuery, programmeSearch, sortInspections } from "@/lib/programme-page/query";
import { inspectionsCount } from "@/components/programme/wording";
import { PROGRAMME_FILES } from "@/lib/exports/programme";

export const metadata: Metadata = { title: "Inspection programme" };

export default async function ProgrammePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/programme");
  const { query, errors } = parseProgrammeQuery(await searchParams);
  const programme = await pageData(loadProgramme(user, { year: query.year, frameworkVersion: query.framework, status: query.status }));
  const rows = sortInspections(programme.inspections, query.sort, query.order);
  const final = rows.filter(isFinal);
  const groups = query.framework ? [{ frameworkVersion: query.framework, rows: final }] : byFrameworkVersion(final);
  const search = programmeSearch(query);
  return (
    <>
      <PageHeading caption={user.role === "manager" || user.role === "admin" ? "Every inspection" : "The inspections you are on, and published reports"}>
        Inspection programme
      </PageHeading>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field: field === "sort" || field === "order" ? "programme-table-heading" : `filter-${field}`, message }))} />
      <ProgrammeFilters query={query} errors={errors} years={programme.years} />
      <p className="mb-4" role="status">
        Showing {inspectionsCount(rows.length)}: {final.length} signed off or published.
      </p>
      <section aria-labelledby="downloads-heading" className="mb-6">
        <h2 id="downloads-heading" className="mb-1 text-xl font-bold">
          Download these inspections
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {PROGRAMME_FILES.map((file) => (
            <li key={file.name}>
              <a href={`/programme/exports/${file.name}${search}`} download>
                {file.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <ProgrammeTable rows={rows} query={query} />

      <h2 className="mb-2 text-3xl font-bold">Distributions and trends</h2>
      <p className="mb-2 max-w-3xl">
        The figures count signed-off and published inspections only: an inspection still in set-up, fieldwork or at its ratings panel has no final ratings yet.
      </p>
      <p className="mb-6 max-w-3xl border-l-4 border-link pl-2">
        The 2018 and 2021 frameworks have different standards and key questions, so each framework version&apos;s figures are counted and shown on their own, never together.
        {query.framework ? null : " Choose a framework version above to see one."}
      </p>
      {groups.length === 0 ? <p className="mb-6">No inspection matching the filters is signed off or published yet.</p> : null}
      {groups.map((group) => (
        <VersionFigures key={group.frameworkVersion} version={group.frameworkVersion} rows={group.rows} />
      ))}
    </>
  );
}
