// Reads and validates the eligible population CSV (columns in ./columns.ts).
//
// Never throws on file content: every outcome is a result object, so the upload page can show it.
// Errors name the row as a spreadsheet shows it (header = row 1) and the column, and describe the
// problem without repeating the value: a misplaced value could be a child's name.

import { z } from "zod";
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  DISPOSAL_TYPE_LABELS,
  DISPOSAL_TYPES,
  GENDER_LABELS,
  GENDERS,
  isDisposalTypeOfStream,
  STREAM_LABELS,
  STREAMS,
  type Classification,
  type DisposalType,
  type Gender,
  type Stream,
} from "@/lib/framework/case-attributes";
import { isRealIsoDate, type EligibilityWindow } from "@/lib/framework/eligibility-window";
import {
  CASE_MANAGER_MAX_LENGTH,
  ETHNICITY_MAX_LENGTH,
  MAX_AGE,
  MIN_AGE,
  POPULATION_COLUMN_ALIASES,
  POPULATION_COLUMN_NAMES,
  POPULATION_COLUMNS,
  REFERENCE_MAX_LENGTH,
  type PopulationColumnName,
} from "./columns";
import { parseCsv, type CsvRecord } from "./csv";
import type { PopulationRow } from "./population-row";
import { isEthnicityValue } from "./ethnicity";

export interface PopulationCsvError {
  /** Spreadsheet row number (header = 1). 0 is never used: file-level problems go in fileError. */
  row: number;
  /** The documented column name, or null when the problem is the whole row. */
  column: string | null;
  message: string;
}

export type PopulationCsvResult =
  | { ok: true; rows: PopulationRow[] }
  | {
      ok: false;
      /** At most MAX_REPORTED_ERRORS, in row then column order. */
      errors: PopulationCsvError[];
      /** How many more row errors there were beyond those listed. */
      omittedErrorCount: number;
      /** Set when the file as a whole cannot be read; then `errors` is empty. */
      fileError?: string;
    };

export interface ParsePopulationCsvOptions {
  /** Inclusive YYYY-MM-DD bounds for disposal_date, when the window is known. */
  windowStart?: string;
  windowEnd?: string;
  /**
   * A window of its own for each stream named here (yjs-2018: court and out-of-court disposals have
   * different windows); null means that stream's dates are not checked. Streams not named here use
   * windowStart/windowEnd.
   */
  streamWindows?: Partial<Record<Stream, EligibilityWindow | null>>;
  /**
   * The streams the inspection's framework inspects, and its name for the message: a row of another
   * stream is a row error reported with all the others (not in a second pass).
   */
  inspectedStreams?: { readonly streams: readonly Stream[]; readonly frameworkName: string };
  /** Default 5 MB. */
  maxBytes?: number;
  /** Data rows (not counting the header or blank rows). Default 20,000. */
  maxRows?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 20_000;
export const MAX_REPORTED_ERRORS = 500;

export function parsePopulationCsv(input: string | Uint8Array, options: ParsePopulationCsvOptions = {}): PopulationCsvResult {
  const { windowStart, windowEnd, streamWindows = {}, inspectedStreams, maxBytes = DEFAULT_MAX_BYTES, maxRows = DEFAULT_MAX_ROWS } = options;
  const bounds: [string | undefined, string | undefined][] = [
    [windowStart, windowEnd],
    ...Object.values(streamWindows).map((window): [string | undefined, string | undefined] => [window?.start, window?.end]),
  ];
  for (const [start, end] of bounds) {
    for (const bound of [start, end]) {
      if (bound !== undefined && !isRealIsoDate(bound)) throw new RangeError("window bounds must be real YYYY-MM-DD dates");
    }
    if (start !== undefined && end !== undefined && start > end) throw new RangeError("a window must not start after it ends");
  }
  const notInspected = (stream: Stream): string | null =>
    inspectedStreams && !inspectedStreams.streams.includes(stream)
      ? `is ${STREAM_LABELS[stream].toLowerCase()}, which the ${inspectedStreams.frameworkName} does not inspect; leave these cases out.`
      : null;
  const windowOf = (stream: Stream): RowWindow => {
    if (!(stream in streamWindows)) return { windowStart, windowEnd, name: "the eligibility window", notInspected: notInspected(stream) };
    const window = streamWindows[stream] ?? null;
    return {
      windowStart: window?.start,
      windowEnd: window?.end,
      name: `the ${STREAM_LABELS[stream].toLowerCase()} eligibility window`,
      notInspected: notInspected(stream),
    };
  };

  const decoded = decodeText(input, maxBytes);
  if (!decoded.ok) return fileFailure(decoded.fileError);
  if (decoded.text.trim() === "") return fileFailure("The file is empty. Use the template: a header row, then one row per case.");

  const csv = parseCsv(decoded.text);
  if (!csv.ok) return fileFailure(csv.message);
  const [headerRecord, ...dataRecords] = csv.records;
  if (headerRecord === undefined) return fileFailure("The file is empty. Use the template: a header row, then one row per case.");

  const header = readHeader(headerRecord.fields);
  if (!header.ok) return fileFailure(header.fileError);

  const caseRecords = dataRecords.filter((record) => !record.fields.every((field) => field.trim() === ""));
  if (caseRecords.length === 0) return fileFailure("The file has a header row but no cases.");
  if (caseRecords.length > maxRows) {
    return fileFailure(`The file has ${caseRecords.length.toLocaleString("en-GB")} cases; the limit is ${maxRows.toLocaleString("en-GB")}.`);
  }

  const errors: PopulationCsvError[] = [];
  const rows: PopulationRow[] = [];
  const firstRowOfReference = new Map<string, number>();
  for (const record of caseRecords) {
    const row = validateRecord(record, header, errors, windowOf);
    if (row === null) continue;
    // Case-insensitive: YJ-001 and yj-001 are almost certainly the same case keyed twice.
    const key = row.reference.toLowerCase();
    const firstRow = firstRowOfReference.get(key);
    if (firstRow !== undefined) {
      errors.push(cellError(record.row, "reference", `the same reference is already on row ${firstRow}; list each case once.`));
    } else {
      firstRowOfReference.set(key, record.row);
      rows.push(row);
    }
  }
  // Duplicates of rows that failed validation are not reported; they surface once the first is fixed.

  if (errors.length === 0) return { ok: true, rows };
  const columnOrder = (column: string | null): number =>
    column === null ? -1 : POPULATION_COLUMN_NAMES.indexOf(column as PopulationColumnName);
  errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return {
    ok: false,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    omittedErrorCount: Math.max(0, errors.length - MAX_REPORTED_ERRORS),
  };
}

// --- File ------------------------------------------------------------------------------------------

const SAVE_AS_CSV = 'Save it from the spreadsheet as "CSV UTF-8 (comma delimited)" and upload that.';

function fileFailure(fileError: string): PopulationCsvResult {
  return { ok: false, errors: [], omittedErrorCount: 0, fileError };
}

function tooLarge(maxBytes: number): string {
  return `The file is larger than ${formatBytes(maxBytes)}. A population list should be well under that; check it is the right file.`;
}

function decodeText(input: string | Uint8Array, maxBytes: number): { ok: true; text: string } | { ok: false; fileError: string } {
  if (typeof input === "string") {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string fails before encoding.
    if (input.length > maxBytes || utf8ByteLength(input) > maxBytes) return { ok: false, fileError: tooLarge(maxBytes) };
    if (input.includes("\u0000")) return { ok: false, fileError: `The file is not a text CSV file. ${SAVE_AS_CSV}` };
    if (LONE_SURROGATE.test(input)) return { ok: false, fileError: `The file's text encoding is damaged. ${SAVE_AS_CSV}` };
    return { ok: true, text: input.startsWith("\uFEFF") ? input.slice(1) : input };
  }
  if (input.byteLength > maxBytes) return { ok: false, fileError: tooLarge(maxBytes) };
  // NUL bytes do not occur in text; they mark spreadsheets (.xlsx is a zip) or UTF-16 files.
  if (input.includes(0)) return { ok: false, fileError: `The file is not a text CSV file (it may be an Excel workbook). ${SAVE_AS_CSV}` };
  try {
    // The decoder drops a leading byte order mark.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    return { ok: false, fileError: `The file is not UTF-8 text. ${SAVE_AS_CSV}` };
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 per half.
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// --- Header ----------------------------------------------------------------------------------------

/** Lower case, trimmed, runs of spaces/hyphens as one underscore: "Disposal Type" → "disposal_type". */
function normaliseToken(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

type HeaderResult =
  | { ok: true; columnAt: (PopulationColumnName | null)[]; width: number; fieldCount: number }
  | { ok: false; fileError: string };

function readHeader(fields: readonly string[]): HeaderResult {
  const known = new Set<string>(POPULATION_COLUMN_NAMES);
  const columnAt: (PopulationColumnName | null)[] = [];
  const unknown: string[] = [];
  const firstIndexOf = new Map<PopulationColumnName, number>();
  const duplicated: string[] = [];
  // Trailing empty headings are common in spreadsheet exports; they are ignored when their cells are.
  let width = fields.length;
  while (width > 0 && (fields[width - 1] ?? "").trim() === "") width -= 1;

  for (let index = 0; index < width; index++) {
    const normalised = normaliseToken(fields[index] ?? "");
    const name = known.has(normalised) ? (normalised as PopulationColumnName) : POPULATION_COLUMN_ALIASES[normalised];
    if (name === undefined) {
      columnAt.push(null);
      const shown = (fields[index] ?? "").trim();
      unknown.push(shown === "" ? `an empty heading (column ${columnLetter(index)})` : `"${truncate(shown, 30)}" (column ${columnLetter(index)})`);
      continue;
    }
    if (firstIndexOf.has(name)) duplicated.push(`${name} (columns ${columnLetter(firstIndexOf.get(name) ?? 0)} and ${columnLetter(index)})`);
    else firstIndexOf.set(name, index);
    columnAt.push(name);
  }

  if (firstIndexOf.size === 0) {
    // Probably no header row at all: do not quote the first row back, it is case data.
    return {
      ok: false,
      fileError: `The first row must be the column headings (${POPULATION_COLUMN_NAMES.join(", ")}). None of them was found; download the template to start from.`,
    };
  }
  const missing = POPULATION_COLUMNS.filter((column) => column.required && !firstIndexOf.has(column.name)).map((c) => c.name);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  if (unknown.length > 0) problems.push(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  if (duplicated.length > 0) problems.push(`Column${duplicated.length > 1 ? "s" : ""} given twice: ${duplicated.join(", ")}.`);
  if (problems.length > 0) {
    return { ok: false, fileError: `${problems.join(" ")} The columns are: ${POPULATION_COLUMN_NAMES.join(", ")}.` };
  }
  return { ok: true, columnAt, width, fieldCount: fields.length };
}

function truncate(value: string, maxLength: number): string {
  return value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value;
}

// --- Rows ------------------------------------------------------------------------------------------

function cellError(row: number, column: PopulationColumnName, problem: string): PopulationCsvError {
  return { row, column, message: `Row ${row}, ${column}: ${problem}` };
}

/** Accepts a code or its label, in any case, with spaces or hyphens for underscores. */
function codeLookup<T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>, extra: Record<string, T> = {}): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const code of codes) {
    lookup.set(normaliseToken(code), code);
    lookup.set(normaliseToken(labels[code]), code);
  }
  for (const [alias, code] of Object.entries(extra)) lookup.set(normaliseToken(alias), code);
  return lookup;
}

const ALL_DISPOSAL_TYPES = [...new Set<DisposalType>([...DISPOSAL_TYPES.court, ...DISPOSAL_TYPES.out_of_court, ...DISPOSAL_TYPES.resettlement])];

const STREAM_LOOKUP = codeLookup<Stream>(STREAMS, STREAM_LABELS, { out_of_court_disposal: "out_of_court", oocd: "out_of_court" });
const DISPOSAL_TYPE_LOOKUP = codeLookup<DisposalType>(ALL_DISPOSAL_TYPES, DISPOSAL_TYPE_LABELS, {
  yro: "youth_rehabilitation_order",
  dto: "detention_and_training_order",
  ycc: "youth_conditional_caution",
});
const GENDER_LOOKUP = codeLookup<Gender>(GENDERS, GENDER_LABELS, { m: "male", f: "female", not_recorded: "other", unknown: "other" });
const CLASSIFICATION_LOOKUP = codeLookup<Classification>(CLASSIFICATIONS, CLASSIFICATION_LABELS);

/** A trimmed value, with a missing value as "". */
const trimmed = z.string().transform((value) => value.trim());

/** Zod's pipe stops at an empty value, so the row gets "is empty" and not a second, confusing error. */
const requiredValue = trimmed.pipe(z.string().min(1, { error: "is empty; every case needs a value here." }));

/** Records `message` as the cell's problem, for a transform to return (z.NEVER: the row is refused). */
function cellProblem(ctx: z.core.$RefinementCtx, value: string, message: string): typeof z.NEVER {
  ctx.issues.push({ code: "custom", input: value, message });
  return z.NEVER;
}

/** A cell kept as it is unless `problem` names what is wrong with it. */
function keptUnless(ctx: z.core.$RefinementCtx, value: string, problem: string | null): string {
  return problem === null ? value : cellProblem(ctx, value, problem);
}

function codeField<T extends string>(lookup: ReadonlyMap<string, T>, what: string, allowed: readonly string[]) {
  return requiredValue.transform((value, ctx): T => {
    const code = lookup.get(normaliseToken(value));
    return code ?? cellProblem(ctx, value, `is not a recognised ${what}; use one of ${allowed.join(", ")}.`);
  });
}

const REFERENCE_PATTERN = /^[A-Za-z0-9_/-]+$/;
const CASE_MANAGER_PATTERN = /^[A-Za-z0-9._/-]+$/;
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/**
 * What is wrong with a pseudonymous identifier (a case reference, a case manager), if anything.
 * Whitespace inside a value is how a name ("Jo Bloggs") shows up; identifiers never have it.
 */
function identifierProblem(value: string, rules: { spaced: string; maxLength: number; tooLong: string; pattern: RegExp; characters: string }): string | null {
  if (/\s/.test(value)) return rules.spaced;
  if (value.length > rules.maxLength) return rules.tooLong;
  return rules.pattern.test(value) ? null : rules.characters;
}

const referenceSchema = requiredValue.transform((value, ctx): string =>
  keptUnless(
    ctx,
    value,
    identifierProblem(value, {
      spaced: "must be the pseudonymous case reference, without spaces. Never upload a child's name.",
      maxLength: REFERENCE_MAX_LENGTH,
      tooLong: `is longer than ${REFERENCE_MAX_LENGTH} characters; use the pseudonymous case reference.`,
      pattern: REFERENCE_PATTERN,
      characters: "may only contain letters, digits, hyphens (-), underscores (_) and slashes (/).",
    }),
  ),
);

const disposalDateSchema = requiredValue.transform((value, ctx): string => {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : british ? [british[3], british[2], british[1]] : null;
  if (parts === null) return cellProblem(ctx, value, "must be a date written YYYY-MM-DD or DD/MM/YYYY.");
  const [year, month, day] = parts.map((part) => (part ?? "").padStart(2, "0"));
  const date = `${year}-${month}-${day}`;
  return isRealIsoDate(date) ? date : cellProblem(ctx, value, "is not a real date; check the day and the month.");
});

const ageSchema = requiredValue.transform((value, ctx): number => {
  const age = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  return age >= MIN_AGE && age <= MAX_AGE ? age : cellProblem(ctx, value, `must be a whole number of years from ${MIN_AGE} to ${MAX_AGE}.`);
});

const ethnicitySchema = trimmed.transform((value, ctx): string | null => {
  if (value === "") return null;
  const problem =
    value.length > ETHNICITY_MAX_LENGTH
      ? `is longer than ${ETHNICITY_MAX_LENGTH} characters; use the YJS's ethnicity code.`
      : CONTROL_CHARACTERS.test(value)
        ? "contains a line break or control character."
        : !isEthnicityValue(value)
          ? "must be the YJS's ethnicity code (like WBRI) or an ethnic group description (like White British). Never upload a child's name."
          : null;
  return keptUnless(ctx, value, problem);
});

const caseManagerSchema = trimmed.transform((value, ctx): string | null =>
  value === ""
    ? null
    : keptUnless(
        ctx,
        value,
        identifierProblem(value, {
          spaced: "must be a staff identifier or initials without spaces, not a name.",
          maxLength: CASE_MANAGER_MAX_LENGTH,
          tooLong: `is longer than ${CASE_MANAGER_MAX_LENGTH} characters.`,
          pattern: CASE_MANAGER_PATTERN,
          characters: "may only contain letters, digits, dots, hyphens, underscores and slashes.",
        }),
      ),
);

const POPULATION_FIELD_SCHEMAS = {
  reference: referenceSchema,
  stream: codeField(STREAM_LOOKUP, "stream", STREAMS),
  disposal_type: codeField(DISPOSAL_TYPE_LOOKUP, "disposal type", ALL_DISPOSAL_TYPES),
  disposal_date: disposalDateSchema,
  gender: codeField(GENDER_LOOKUP, "gender", GENDERS),
  ethnicity: ethnicitySchema,
  age: ageSchema,
  rosh: codeField(CLASSIFICATION_LOOKUP, "risk of serious harm classification", CLASSIFICATIONS),
  safety_wellbeing: codeField(CLASSIFICATION_LOOKUP, "safety and wellbeing classification", CLASSIFICATIONS),
  case_manager: caseManagerSchema,
} satisfies Record<PopulationColumnName, z.ZodType<unknown, string>>;

type ParsedFields = { [K in PopulationColumnName]: z.output<(typeof POPULATION_FIELD_SCHEMAS)[K]> };

/** One row's cells by column name; safeParse reports every column's problem, not just the first. */
const populationRecordSchema = z.object(POPULATION_FIELD_SCHEMAS);

/** The disposal date bounds a row is judged against, and how its errors name them. */
interface RowWindow {
  windowStart: string | undefined;
  windowEnd: string | undefined;
  name: string;
  /** Why the row's stream is not inspected, when it is not. */
  notInspected: string | null;
}

/** The row, or null after recording its errors. */
function validateRecord(
  record: CsvRecord,
  header: { columnAt: readonly (PopulationColumnName | null)[]; width: number; fieldCount: number },
  errors: PopulationCsvError[],
  windowOf: (stream: Stream) => RowWindow,
): PopulationRow | null {
  const { fields, row } = record;
  const { columnAt, width: headerWidth } = header;
  const tooManyValues: PopulationCsvError = {
    row,
    column: null,
    message: `Row ${row}: has more values than there are columns (${headerWidth}). A value with a comma in it must be in quotes.`,
  };
  if (fields.slice(headerWidth).some((field) => field.trim() !== "")) {
    errors.push(tooManyValues);
    return null;
  }
  // Empty extra values are usually trailing commas and harmless; if the row fails, they are a clue.
  const hasEmptyExtraValues = fields.length > header.fieldCount;
  if (fields.length < headerWidth) {
    errors.push({
      row,
      column: null,
      message: `Row ${row}: has ${fields.length} value${fields.length === 1 ? "" : "s"} but there are ${headerWidth} columns.`,
    });
    return null;
  }

  const raw: Record<PopulationColumnName, string> = {
    reference: "",
    stream: "",
    disposal_type: "",
    disposal_date: "",
    gender: "",
    ethnicity: "",
    age: "",
    rosh: "",
    safety_wellbeing: "",
    case_manager: "",
  };
  columnAt.forEach((name, index) => {
    if (name !== null) raw[name] = fields[index] ?? "";
  });

  const parsed = populationRecordSchema.safeParse(raw);
  if (!parsed.success) {
    if (hasEmptyExtraValues) errors.push(tooManyValues);
    for (const issue of parsed.error.issues) {
      const column = issue.path[0];
      if (typeof column === "string" && (POPULATION_COLUMN_NAMES as readonly string[]).includes(column)) {
        errors.push(cellError(row, column as PopulationColumnName, issue.message));
      } else {
        errors.push({ row, column: null, message: `Row ${row}: ${issue.message}` });
      }
    }
    return null;
  }
  return checkAcrossColumns(parsed.data, row, errors, windowOf(parsed.data.stream));
}

function checkAcrossColumns(
  fields: ParsedFields,
  row: number,
  errors: PopulationCsvError[],
  window: RowWindow,
): PopulationRow | null {
  let valid = true;
  if (window.notInspected) {
    errors.push(cellError(row, "stream", window.notInspected));
    valid = false;
  }
  if (!isDisposalTypeOfStream(fields.stream, fields.disposal_type)) {
    errors.push(
      cellError(
        row,
        "disposal_type",
        `is not a disposal type of the ${fields.stream} stream; use one of ${DISPOSAL_TYPES[fields.stream].join(", ")}.`,
      ),
    );
    valid = false;
  }
  if (window.windowStart !== undefined && fields.disposal_date < window.windowStart) {
    errors.push(cellError(row, "disposal_date", `is before ${window.name}, which starts on ${window.windowStart}.`));
    valid = false;
  }
  if (window.windowEnd !== undefined && fields.disposal_date > window.windowEnd) {
    errors.push(cellError(row, "disposal_date", `is after ${window.name}, which ends on ${window.windowEnd}.`));
    valid = false;
  }
  if (!valid) return null;
  return {
    reference: fields.reference,
    stream: fields.stream,
    disposalType: fields.disposal_type,
    disposalDate: fields.disposal_date,
    gender: fields.gender,
    ethnicity: fields.ethnicity,
    age: fields.age,
    rosh: fields.rosh,
    safetyWellbeing: fields.safety_wellbeing,
    caseManager: fields.case_manager,
    sourceRow: row,
  };
}
