// The programme's tables as files: every inspection the caller may see (as the programme page
// filters them), each standard's rating and each key question's % 'yes', as CSV (one file per
// table) or one XLSX workbook (a sheet per table and a codebook). Pure builders over rows loaded by
// lib/programme; the CSV cells go through csvCell, so no text can start a spreadsheet formula.

import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import { findKeyQuestion, findStandard, frameworkVersionList, getFramework, isFrameworkVersion } from "@/lib/framework";
import type { ProgrammeStatus } from "@/lib/statuses";
import { CSV_BOM, csvLine } from "./csv";

/** The fields of a programme row the files hold (lib/programme's rows have them). */
export interface ProgrammeExportRow {
  readonly name: string;
  readonly frameworkVersion: string;
  readonly fieldworkStart: Date | string | null;
  readonly year: number;
  readonly status: ProgrammeStatus;
  readonly source: "live" | "published";
  readonly overallRating: string | null;
  readonly score: number | null;
  readonly standards: readonly { readonly id: string; readonly rating: string | null }[];
  readonly keyQuestions: readonly { readonly id: string; readonly percentYes: number | null }[];
}

type Cell = string | number | null;

interface ProgrammeTable {
  readonly sheet: string;
  readonly columns: readonly (readonly [name: string, meaning: string])[];
  readonly rows: (rows: readonly ProgrammeExportRow[]) => Generator<Cell[]>;
}

const INSPECTION_COLUMNS = [
  ["inspection", "The youth justice service inspected."],
  ["source", "live: inspected in this app; published: a past report's figures imported as reference data."],
  ["framework_version", `Framework version: ${frameworkVersionList()}. Their standards and key questions differ: compare within one version.`],
  ["fieldwork_start", "First day of fieldwork (ISO 8601 date)."],
  ["year", "Year of the fieldwork."],
  ["status", "setup, fieldwork, panel, signed_off or published. Only signed_off and published ratings are final."],
] as const;

const isoDate = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString().slice(0, 10));

function inspectionCells(row: ProgrammeExportRow): Cell[] {
  return [row.name, row.source, row.frameworkVersion, isoDate(row.fieldworkStart), row.year, row.status];
}

function standardTitle(version: string, id: string): string {
  return isFrameworkVersion(version) ? (findStandard(getFramework(version), id)?.title ?? "") : "";
}

function keyQuestionText(version: string, id: string): string {
  return isFrameworkVersion(version) ? (findKeyQuestion(getFramework(version), id)?.text ?? "") : "";
}

const PROGRAMME_TABLES = {
  inspections: {
    sheet: "Inspections",
    columns: [
      ...INSPECTION_COLUMNS,
      ["overall_rating", "Overall rating (empty until rated)."],
      ["score", "Score: the points of the version's scored standards added up, out of 3 for each (36 for twelve); empty until rated."],
    ],
    *rows(rows) {
      for (const row of rows) yield [...inspectionCells(row), row.overallRating, row.score];
    },
  },
  standardRatings: {
    sheet: "Standard ratings",
    columns: [
      ...INSPECTION_COLUMNS,
      ["standard_id", "Standard id, e.g. 2.1."],
      ["standard_title", "Title of the standard in that framework version."],
      ["rating", "The standard's final rating (empty when not rated)."],
    ],
    *rows(rows) {
      for (const row of rows) {
        for (const standard of row.standards) yield [...inspectionCells(row), standard.id, standardTitle(row.frameworkVersion, standard.id), standard.rating];
      }
    },
  },
  keyQuestions: {
    sheet: "Key questions",
    columns: [
      ...INSPECTION_COLUMNS,
      ["question_id", "Key question id, e.g. 2.1.3."],
      ["question_text", "The key question, word for word, in that framework version."],
      ["percent_yes", "Whole-number % 'yes' over the inspection's completed cases (empty when it has no figure)."],
    ],
    *rows(rows) {
      for (const row of rows) {
        for (const kq of row.keyQuestions) yield [...inspectionCells(row), kq.id, keyQuestionText(row.frameworkVersion, kq.id), kq.percentYes];
      }
    },
  },
} as const satisfies Record<string, ProgrammeTable>;

export type ProgrammeTableName = keyof typeof PROGRAMME_TABLES;

/** The downloads the programme page offers: a CSV per table and the workbook. */
export const PROGRAMME_FILES = [
  { name: "programme.xlsx", table: null, label: "Workbook (XLSX)", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { name: "inspections.csv", table: "inspections", label: "Inspections (CSV)", contentType: "text/csv; charset=utf-8" },
  { name: "standard-ratings.csv", table: "standardRatings", label: "Standard ratings (CSV)", contentType: "text/csv; charset=utf-8" },
  { name: "key-questions.csv", table: "keyQuestions", label: "Key questions' % yes (CSV)", contentType: "text/csv; charset=utf-8" },
] as const satisfies readonly { name: string; table: ProgrammeTableName | null; label: string; contentType: string }[];

export type ProgrammeFile = (typeof PROGRAMME_FILES)[number];

export function programmeFile(name: string): ProgrammeFile | undefined {
  return PROGRAMME_FILES.find((f) => f.name === name);
}

export function* programmeCsv(table: ProgrammeTableName, rows: readonly ProgrammeExportRow[]): Generator<string> {
  const spec: ProgrammeTable = PROGRAMME_TABLES[table];
  yield CSV_BOM + csvLine(spec.columns.map(([name]) => name));
  for (const cells of spec.rows(rows)) yield csvLine(cells);
}

/** The workbook: the three tables, then what the export holds (its filters) and a codebook. */
export async function writeProgrammeXlsx(rows: readonly ProgrammeExportRow[], about: { filters: string; exportedOn: Date }, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Case Review";
  workbook.title = "Inspection programme";
  workbook.created = about.exportedOn;
  for (const spec of Object.values(PROGRAMME_TABLES) as ProgrammeTable[]) {
    const sheet = workbook.addWorksheet(spec.sheet);
    sheet.columns = spec.columns.map(([name]) => ({ width: Math.max(12, Math.min(60, name.length + 6)) }));
    const header = sheet.addRow(spec.columns.map(([name]) => name));
    header.font = { bold: true };
    header.commit();
    // exceljs writes text as text (never a formula), so unlike the CSV nothing needs neutralising.
    for (const cells of spec.rows(rows)) sheet.addRow(cells).commit();
    sheet.commit();
  }
  const codebook = workbook.addWorksheet("Codebook");
  codebook.columns = [{ width: 18 }, { width: 22 }, { width: 100 }];
  codebook.addRow(["Inspection programme", "", `Exported on ${about.exportedOn.toISOString().slice(0, 10)}; ${about.filters}.`]).commit();
  codebook.addRow([]).commit();
  const header = codebook.addRow(["Sheet", "Column", "Meaning"]);
  header.font = { bold: true };
  header.commit();
  for (const spec of Object.values(PROGRAMME_TABLES) as ProgrammeTable[]) {
    for (const [name, meaning] of spec.columns) codebook.addRow([spec.sheet, name, meaning]).commit();
  }
  codebook.commit();
  await workbook.commit();
}
