import type { ReactNode } from "react";
import { ScoreHistogram } from "@/components/charts/histogram";
import { StripPlot } from "@/components/charts/strip-plot";
import { FRAMEWORK_VERSION_LABELS, getFramework, type FrameworkVersion } from "@/lib/framework";
import { maxScoreOf, overallBandRanges } from "@/lib/rating";
import {
  byYear,
  keyQuestionValues,
  overallDistribution,
  percentGoodOrBetter,
  scores,
  standardDistributions,
  type CountedInspection,
} from "@/lib/programme-page/distributions";
import { figure, inspectionsCount } from "./wording";
import { boxSummary, type BoxSummary } from "@/lib/statistics/distribution";
import { RatingDistributionTable, RatingKey } from "./rating-distribution";
import type { Column } from "@/components/ui/table";
import { FigureTable, type FigureTableRow } from "./figure-table";

// One framework version's distributions and trends: overall ratings and scores, each standard's
// ratings, and each key question's % 'yes', over the signed-off and published inspections given,
// each with its figures in a table beside it and again by fieldwork year. One version only: the
// caller groups by version, because the versions' standards and key questions differ.

const SUMMARY_COLUMNS = ["Inspections", "Median", "Lower quartile", "Upper quartile", "Lowest", "Highest"];

/** Each row's five-number summary (with its count). */
function SummaryTable({ caption, rowHeading, rows, unit }: { caption: string; rowHeading: string; rows: readonly { key: string; label: ReactNode; box: BoxSummary | null }[]; unit: string }) {
  const cells = (box: BoxSummary | null) => [String(box?.n ?? 0), ...[box?.median, box?.q1, box?.q3, box?.min, box?.max].map((v) => (v === undefined ? "—" : `${figure(v)}${unit}`))];
  return <FigureTable caption={caption} rowHeading={rowHeading} columns={textColumns(SUMMARY_COLUMNS)} rows={rows.map(({ key, label, box }) => ({ key, label, cells: cells(box) }))} />;
}

/** Rows × years, each cell a figure of that row's inspections of that year. */
function YearTable({ years, ...table }: { caption: string; rowHeading: string; years: readonly number[]; rows: readonly FigureRow[] }) {
  return <FigureTable {...table} columns={textColumns(years.map(String))} />;
}

interface FigureRow extends FigureTableRow {
  cells: readonly string[];
}

/** Columns whose figures are already written out, one per heading. */
function textColumns(headings: readonly string[]): Column<FigureRow>[] {
  return headings.map((header, index) => ({ header, numeric: true, className: "whitespace-nowrap", cell: (row) => row.cells[index] }));
}

export function VersionFigures({ version, rows }: { version: FrameworkVersion; rows: readonly CountedInspection[] }) {
  const id = `v-${version}`;
  const years = byYear(rows);
  const yearList = years.map((y) => y.year);
  const standards = standardDistributions(version, rows);
  const keyQuestions = keyQuestionValues(version, rows);
  const ratedStandards = standards.filter((s) => s.counts.total > s.counts.notRated);
  const framework = getFramework(version);
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-12 border-t-4 border-ink pt-4">
      <h2 id={`${id}-heading`} className="mb-1 text-2xl font-bold">
        {version}: {inspectionsCount(rows.length)} signed off or published
      </h2>
      <p className="mb-4 text-muted">{FRAMEWORK_VERSION_LABELS[version]}</p>
      {rows.length === 0 ? (
        <p className="mb-6">No inspection of this framework version matching the filters is signed off or published yet, so there is nothing to count.</p>
      ) : (
        <>
          <h3 className="mb-2 text-xl font-bold">Overall ratings</h3>
          <RatingKey />
          <RatingDistributionTable
            caption={`Overall ratings by fieldwork year, ${version}`}
            rowHeading="Year"
            rows={[
              ...years.map((y) => ({ key: String(y.year), label: String(y.year), counts: overallDistribution(y.rows) })),
              { key: "all", label: "All years", counts: overallDistribution(rows) },
            ]}
          />
          <h3 className="mb-2 text-xl font-bold">Scores</h3>
          <ScoreHistogram id={`${id}-histogram`} title={`Scores of the ${inspectionsCount(rows.length)}, ${version}`} scores={scores(rows)} bands={overallBandRanges(framework)} />
          <SummaryTable
            caption={`Scores out of ${maxScoreOf(framework)} by fieldwork year, ${version}`}
            rowHeading="Year"
            unit=""
            rows={[
              ...years.map((y) => ({ key: String(y.year), label: String(y.year), box: boxSummary(scores(y.rows)) })),
              { key: "all", label: "All years", box: boxSummary(scores(rows)) },
            ]}
          />

          <h3 className="mb-2 text-xl font-bold">Ratings of each standard</h3>
          <RatingDistributionTable
            caption={`Ratings of each standard, ${version}, all years`}
            rowHeading="Standard"
            rows={standards.map((s) => ({ key: s.standardId, label: `${s.standardId} ${s.title}`, counts: s.counts }))}
          />
          {years.length > 1 ? (
            <YearTable
              caption={`Share of each standard's ratings that were Good or Outstanding, by fieldwork year, ${version}`}
              rowHeading="Standard"
              years={yearList}
              rows={ratedStandards.map((s) => ({
                key: s.standardId,
                label: `${s.standardId} ${s.title}`,
                cells: years.map((y) => {
                  const counts = standardDistributions(version, y.rows).find((d) => d.standardId === s.standardId)!.counts;
                  const share = percentGoodOrBetter(counts);
                  return share === null ? "—" : `${share}% of ${counts.total - counts.notRated}`;
                }),
              }))}
            />
          ) : null}

          <h3 className="mb-2 text-xl font-bold">Key questions&apos; % &apos;yes&apos;</h3>
          <StripPlot
            id={`${id}-strip`}
            title={`Each key question's % 'yes' across the ${inspectionsCount(rows.length)}, ${version}`}
            rows={keyQuestions.map((kq) => ({ id: kq.id, values: kq.values }))}
            unitsLabel="signed-off and published inspections"
          />
          {years.length > 1 ? (
            <YearTable
              caption={`Median % 'yes' of each key question by fieldwork year (number of inspections in brackets), ${version}`}
              rowHeading="Key question"
              years={yearList}
              rows={keyQuestions.map((kq) => ({
                key: kq.id,
                label: kq.id,
                cells: years.map((y) => {
                  const box = boxSummary(keyQuestionValues(version, y.rows).find((k) => k.id === kq.id)!.values);
                  return box ? `${figure(box.median)}% (${box.n})` : "—";
                }),
              }))}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
