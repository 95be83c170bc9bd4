// CSV exports (RFC 4180, UTF-8 with a byte order mark so spreadsheets read it as UTF-8): the
// case-level answers and the key-question figures. Generators yield one line at a time, so a
// route can stream a large inspection without building it all in memory.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
// before one) as a formula. Free text (rationale, N/A reasons) could start that way, so every text
// cell that does is prefixed with an apostrophe, which spreadsheets show as plain text (OWASP).

import { frameworkVersionList } from "@/lib/framework";
import { discretionFootnote, type ExportModel } from "./model";

// Every row starts with what the file is: a draft or signed off, the inspection, the framework
// version and the export date, so a row copied elsewhere still says so.
export const META_COLUMNS = [
  ["export_status", "DRAFT until the lead inspector signs the ratings off, then SIGNED OFF."],
  ["inspection", "The youth justice service inspected."],
  ["framework_version", `Framework version the inspection is pinned to: ${frameworkVersionList()}.`],
  ["exported_on", "Date of the export (UTC)."],
] as const;

export function metaCells(model: ExportModel): string[] {
  return [
    model.signOff ? "SIGNED OFF" : "DRAFT",
    model.inspection.yjsName,
    model.inspection.frameworkVersion,
    model.generatedAt.toISOString().slice(0, 10),
  ];
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const CSV_BOM = "\uFEFF";

/** Columns of the case-level answers (also the XLSX sheet and the codebook). */
export const ANSWER_COLUMNS = [
  ...META_COLUMNS,
  ["case_reference", "Pseudonymous case reference."],
  ["stream", "Sample stream code (the codes this inspection uses, with their labels, are in the codebook's code list)."],
  ["stream_label", "Sample stream, in words."],
  ["disposal_type", "Disposal type code; the codebook lists every code with its label and streams."],
  ["disposal_type_label", "Disposal type, in words."],
  ["case_status", "Case status code: not_started, in_progress, completed, returned, approved."],
  ["case_status_label", "Case status, in words."],
  ["standard_id", "Standard the key question belongs to, e.g. 2.1."],
  ["standard_title", "Title of the standard."],
  ["question_id", "Key question id, e.g. 2.1.3 (the 2021+ reports print no numbers; ids follow table order)."],
  ["question_text", "Key question, word for word."],
  ["answer", "Answer code: yes, no, na (not applicable), or empty when not answered yet."],
  ["answer_label", "Answer, in words."],
  ["na_reason", "The inspector's reason for not applicable, when given."],
  ["rationale", "The inspector's rationale for the answer."],
  ["applies", "yes when the key question applies to the case by the framework version's rule."],
  ["counts_in_final", "yes when the answer is in the final figures: applies, answered yes or no, case completed or approved."],
  ["inspector", "Who gave the answer (or the allocated inspector when unanswered)."],
  ["answered_at", "When the answer was last changed (UTC, ISO 8601)."],
] as const;

/** Columns of the key-question figures (also the XLSX annexe sheet and the codebook). */
export const KEY_QUESTION_COLUMNS = [
  ...META_COLUMNS,
  ["standard_id", "Standard id."],
  ["standard_title", "Title of the standard."],
  ["question_id", "Key question id."],
  ["yes", "Answers 'yes' in the final figures."],
  ["applicable", "Answers 'yes' or 'no' in the final figures (N/A and non-applying answers are left out)."],
  ["percent_yes", "Whole-number % 'yes', rounded half up."],
  ["band", "Band of the whole-number %: 80+ Outstanding, 65–79 Good, 50–64 Requires improvement, under 50 Inadequate."],
  ["lowest", "yes on the key question whose band sets the standard's calculated rating."],
  ["calculated_rating", "The standard's rating by the lowest-band rule."],
  ["final_rating", "The standard's rating after the panel's discretion."],
  ["interval80_lower", "Lower end of the 80% Wilson interval of the %, to one decimal place."],
  ["interval80_upper", "Upper end of the 80% Wilson interval of the %, to one decimal place."],
  [
    "no_to_yes_to_raise_band",
    "Fewest of these 'no' answers that, judged 'yes' instead (same applicable count), would lift the % into a higher band (empty at Outstanding).",
  ],
  [
    "yes_to_no_to_drop_band",
    "Fewest of these 'yes' answers that, judged 'no' instead (same applicable count), would drop the % into a lower band (empty at Inadequate).",
  ],
  ["footnote", "The report's footnote when the panel applied discretion."],
] as const;

export function* answersCsv(model: ExportModel): Generator<string> {
  yield CSV_BOM + csvLine(ANSWER_COLUMNS.map(([name]) => name));
  const meta = metaCells(model);
  for (const row of model.answers) {
    yield csvLine([
      ...meta,
      row.caseReference,
      row.stream,
      row.streamLabel,
      row.disposalType,
      row.disposalTypeLabel,
      row.caseStatus,
      row.caseStatusLabel,
      row.standardId,
      row.standardTitle,
      row.questionId,
      row.questionText,
      row.answer,
      row.answerLabel,
      row.naReason,
      row.rationale,
      row.applies,
      row.countsInFinal,
      row.inspector,
      row.answeredAt ? row.answeredAt.toISOString() : "",
    ]);
  }
}

export interface KeyQuestionFigureRow {
  readonly standardId: string;
  readonly standardTitle: string;
  readonly questionId: string;
  readonly yes: number | null;
  readonly applicable: number | null;
  readonly percentYes: number;
  readonly band: string;
  readonly lowest: boolean;
  readonly calculatedRating: string;
  readonly finalRating: string;
  readonly intervalLower: number | null;
  readonly intervalUpper: number | null;
  readonly noToYesToRaiseBand: number | null;
  readonly yesToNoToDropBand: number | null;
  readonly footnote: string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** One row per key question with figures, in framework order (the engine's numbers, reshaped). */
export function keyQuestionFigureRows(model: ExportModel): KeyQuestionFigureRow[] {
  const rows: KeyQuestionFigureRow[] = [];
  for (const standard of model.result.standards) {
    for (const kq of standard.keyQuestions) {
      const support = model.support.keyQuestions.find((k) => k.id === kq.id);
      const lowest = standard.lowestKeyQuestion === kq.id;
      rows.push({
        standardId: standard.id,
        standardTitle: standard.title,
        questionId: kq.id,
        yes: kq.yes,
        applicable: kq.applicable,
        percentYes: kq.percentYes,
        band: kq.band,
        lowest,
        calculatedRating: standard.calculatedRating ?? "",
        finalRating: standard.rating ?? "",
        intervalLower: support ? oneDecimal(support.interval80.lower) : null,
        intervalUpper: support ? oneDecimal(support.interval80.upper) : null,
        noToYesToRaiseBand: support?.noToYesToRaiseBand ?? null,
        yesToNoToDropBand: support?.yesToNoToDropBand ?? null,
        footnote: lowest && standard.discretion ? discretionFootnote(standard.discretion) : "",
      });
    }
  }
  return rows;
}

export function* keyQuestionsCsv(model: ExportModel): Generator<string> {
  yield CSV_BOM + csvLine(KEY_QUESTION_COLUMNS.map(([name]) => name));
  const meta = metaCells(model);
  for (const r of keyQuestionFigureRows(model)) {
    yield csvLine([
      ...meta,
      r.standardId,
      r.standardTitle,
      r.questionId,
      r.yes,
      r.applicable,
      r.percentYes,
      r.band,
      r.lowest,
      r.calculatedRating,
      r.finalRating,
      r.intervalLower,
      r.intervalUpper,
      r.noToYesToRaiseBand,
      r.yesToNoToDropBand,
      r.footnote,
    ]);
  }
}
