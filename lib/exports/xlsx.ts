// The XLSX workbook (exceljs, streaming writer: rows are committed as they are written, so memory
// stays flat for a large inspection): a ratings summary laid out like the reports' ratings page,
// the key questions like the annexe tables, the case-level answers and a codebook of every column.

import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import { formatDate } from "@/lib/dates";
import { findKeyQuestion, getFramework } from "@/lib/framework";
import { maxScoreOf } from "@/lib/rating";
import { DISPOSAL_TYPES, DISPOSAL_TYPE_LABELS, STREAM_LABELS, type DisposalType, type Stream } from "@/lib/framework/case-attributes";
import { sampledStreams } from "@/lib/inspections/kernel";
import { ANSWER_COLUMNS, KEY_QUESTION_COLUMNS, keyQuestionFigureRows, metaCells } from "./csv";
import { MODERATION_COLUMNS, moderationRows } from "./moderation";
import {
  RESETTLEMENT_FOOTNOTE,
  domainsOf,
  fieldworkLine,
  ratingText,
  scoreLine,
  statusLine,
  type ExportModel,
} from "./model";

const SHEETS = { ratings: "Ratings", keyQuestions: "Key questions", answers: "Case answers", codebook: "Codebook", moderation: "Moderation" } as const;

const BOLD = { bold: true } as const;

export async function writeXlsx(model: ExportModel, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Case Review";
  workbook.title = `${model.inspection.yjsName}: ${statusLine(model)}`;
  workbook.created = model.generatedAt;

  writeRatingsSheet(workbook.addWorksheet(SHEETS.ratings), model);
  writeKeyQuestionsSheet(workbook.addWorksheet(SHEETS.keyQuestions), model);
  writeAnswersSheet(workbook.addWorksheet(SHEETS.answers), model);
  writeCodebookSheet(workbook.addWorksheet(SHEETS.codebook), model);
  writeModerationSheet(workbook.addWorksheet(SHEETS.moderation), model);
  await workbook.commit();
}

type Sheet = ExcelJS.Worksheet;

function headerBlock(sheet: Sheet, model: ExportModel): void {
  const status = sheet.addRow([statusLine(model)]);
  status.font = { bold: true, size: 14, color: { argb: model.signOff ? "FF00703C" : "FFD4351C" } };
  status.commit();
  sheet.addRow([model.inspection.yjsName]).commit();
  sheet.addRow([fieldworkLine(model)]).commit();
  sheet.addRow([`Framework: ${model.inspection.frameworkVersion} — ${model.inspection.frameworkLabel}`]).commit();
  sheet.addRow([`Exported on ${formatDate(model.generatedAt)}`]).commit();
  sheet.addRow([]).commit();
}

function writeRatingsSheet(sheet: Sheet, model: ExportModel): void {
  sheet.columns = [{ width: 52 }, { width: 26 }];
  headerBlock(sheet, model);
  const score = sheet.addRow(["Score", scoreLine(model.result)]);
  score.font = BOLD;
  score.commit();
  const overall = sheet.addRow(["Overall rating", ratingText(model.result.overallRating)]);
  overall.font = BOLD;
  overall.commit();
  for (const domain of domainsOf(model.result)) {
    sheet.addRow([]).commit();
    const unscored = domain.standards.every((s) => !s.scored);
    const heading = sheet.addRow([`${domain.number}. ${domain.title}${unscored ? "²" : ""}`]);
    heading.font = BOLD;
    heading.commit();
    for (const standard of domain.standards) {
      sheet.addRow([`${standard.id} ${standard.title}`, ratingText(standard.rating)]).commit();
    }
    if (unscored) sheet.addRow([`² ${RESETTLEMENT_FOOTNOTE}`]).commit();
  }
  sheet.commit();
}

function writeKeyQuestionsSheet(sheet: Sheet, model: ExportModel): void {
  sheet.columns = [{ width: 10 }, { width: 70 }, { width: 8 }, { width: 11 }, { width: 9 }, { width: 22 }, { width: 9 }, { width: 22 }, { width: 22 }, { width: 16 }, { width: 70 }];
  headerBlock(sheet, model);
  const header = sheet.addRow(["Standard", "Key question", "Yes", "Applicable", "% 'Yes'", "Band", "Lowest", "Calculated rating", "Final rating", "80% interval", "Footnote"]);
  header.font = BOLD;
  header.commit();
  const rows = keyQuestionFigureRows(model);
  for (const standard of model.result.standards) {
    const title = sheet.addRow([standard.id, standard.title, null, null, null, null, null, standard.calculatedRating ?? "", ratingText(standard.rating)]);
    title.font = BOLD;
    title.commit();
    if (standard.basis === "judgement") {
      sheet.addRow([null, `Judgement from documents, meetings and interviews${model.judgementNotes[standard.id] ? `: ${model.judgementNotes[standard.id]}` : ""}`]).commit();
      continue;
    }
    for (const r of rows.filter((row) => row.standardId === standard.id)) {
      const row = sheet.addRow([
        r.questionId,
        questionText(model, r.questionId),
        r.yes,
        r.applicable,
        r.percentYes / 100,
        r.band,
        r.lowest ? "Lowest" : "",
        null,
        null,
        r.intervalLower === null ? "" : `${r.intervalLower}–${r.intervalUpper}%`,
        r.footnote,
      ]);
      row.getCell(5).numFmt = "0%";
      if (r.lowest) row.font = BOLD;
      row.commit();
    }
    if (standard.discretion) sheet.addRow([null, `Discretion note: ${standard.discretion.note}`]).commit();
  }
  sheet.commit();
}

function questionText(model: ExportModel, questionId: string): string {
  return findKeyQuestion(getFramework(model.inspection.frameworkVersion), questionId)?.text ?? questionId;
}

function writeAnswersSheet(sheet: Sheet, model: ExportModel): void {
  sheet.columns = ANSWER_COLUMNS.map(([name]) => ({ width: Math.max(12, Math.min(60, name.length + 4)) }));
  const header = sheet.addRow(ANSWER_COLUMNS.map(([name]) => name));
  header.font = BOLD;
  header.commit();
  const meta = metaCells(model);
  for (const a of model.answers) {
    sheet
      .addRow([
        ...meta,
        a.caseReference,
        a.stream,
        a.streamLabel,
        a.disposalType,
        a.disposalTypeLabel,
        a.caseStatus,
        a.caseStatusLabel,
        a.standardId,
        a.standardTitle,
        a.questionId,
        a.questionText,
        a.answer,
        a.answerLabel,
        a.naReason,
        a.rationale,
        a.applies ? "yes" : "no",
        a.countsInFinal ? "yes" : "no",
        a.inspector,
        a.answeredAt ? a.answeredAt.toISOString() : "",
      ])
      .commit();
  }
  sheet.commit();
}

function writeCodebookSheet(sheet: Sheet, model: ExportModel): void {
  sheet.columns = [{ width: 16 }, { width: 22 }, { width: 100 }];
  headerBlock(sheet, model);
  const header = sheet.addRow(["Sheet", "Column", "Meaning"]);
  header.font = BOLD;
  header.commit();
  sheet.addRow([SHEETS.ratings, "A–B", `Each standard and its final rating, as on the report's ratings page; score out of ${maxScoreOf(getFramework(model.inspection.frameworkVersion))} and overall rating.`]).commit();
  const annexe: [string, string][] = [
    ["Standard", "Standard id (bold rows) or key question id."],
    ["Key question", "Standard title, or the key question word for word."],
    ["Yes", "Answers 'yes' from completed and approved cases."],
    ["Applicable", "Answers 'yes' or 'no' (N/A and non-applying answers are left out)."],
    ["% 'Yes'", "Whole-number % 'yes', rounded half up."],
    ["Band", "80%+ Outstanding, 65–79% Good, 50–64% Requires improvement, under 50% Inadequate."],
    ["Lowest", "The key question whose band sets the calculated rating (shown in bold)."],
    ["Calculated rating", "The lowest band among the standard's key questions."],
    ["Final rating", "After the panel's discretion, or the panel's judgement for standards rated from evidence."],
    ["80% interval", "Wilson score interval at 80% confidence: how uncertain the % is on this sample."],
    ["Footnote", "The report's wording when the panel applied discretion."],
  ];
  for (const [column, meaning] of annexe) sheet.addRow([SHEETS.keyQuestions, column, meaning]).commit();
  for (const [column, meaning] of ANSWER_COLUMNS) sheet.addRow([SHEETS.answers, column, meaning]).commit();
  for (const [column, meaning] of KEY_QUESTION_COLUMNS) sheet.addRow(["key-questions.csv", column, meaning]).commit();
  for (const [column, meaning] of MODERATION_COLUMNS) if (meaning) sheet.addRow([SHEETS.moderation, column, meaning]).commit();
  writeCodeList(sheet, sampledStreams(model.inspection.frameworkVersion));
  sheet.commit();
}

/**
 * The stream and disposal type codes of the case answers, with their labels, so no one has to look
 * them up elsewhere: only the streams the inspection's framework samples (2018 has no resettlement).
 */
function writeCodeList(sheet: Sheet, streams: readonly Stream[]): void {
  sheet.addRow([]).commit();
  const title = sheet.addRow(["Code list"]);
  title.font = BOLD;
  title.commit();
  const header = sheet.addRow(["Column", "Code", "Label"]);
  header.font = BOLD;
  header.commit();
  for (const stream of streams) sheet.addRow(["stream", stream, STREAM_LABELS[stream]]).commit();
  for (const [code, label] of disposalTypeCodes(streams)) sheet.addRow(["disposal_type", code, label]).commit();
}

/** Each disposal type once, with the streams it is used in (a detention and training order is court or resettlement). */
function disposalTypeCodes(inspected: readonly Stream[]): [DisposalType, string][] {
  const codes = [...new Set(inspected.flatMap((stream) => DISPOSAL_TYPES[stream]))];
  return codes.map((code) => {
    const streams = inspected.filter((stream) => (DISPOSAL_TYPES[stream] as readonly string[]).includes(code)).map((stream) => STREAM_LABELS[stream].toLowerCase());
    return [code, `${DISPOSAL_TYPE_LABELS[code]} (${streams.join(" or ")})`];
  });
}

/** The moderation dip sample, outcomes and agreement statistics (./moderation.ts), as the CSV. */
function writeModerationSheet(sheet: Sheet, model: ExportModel): void {
  sheet.columns = MODERATION_COLUMNS.map(([name]) => ({ width: Math.max(10, Math.min(30, name.length + 2)) }));
  const header = sheet.addRow(MODERATION_COLUMNS.map(([name]) => name));
  header.font = BOLD;
  header.commit();
  for (const row of moderationRows(model)) sheet.addRow(row).commit();
  sheet.commit();
}
