// The PDF of the panel view for circulation (pdfkit, written straight to the response stream): the
// status line, score and overall rating, then each standard with its key questions' counts, %,
// band, 80% interval and how many answers judged differently would change the band, the lowest key question marked, the
// calculated and final rating with any discretion footnote, and the judgements with their
// rationale. Uncompressed content streams: the file stays small and its text can be checked.

import PDFDocument from "pdfkit";
import type { Writable } from "node:stream";
import { findKeyQuestion, getFramework } from "@/lib/framework";
import { bandDistance, intervalText } from "@/lib/panel/presentation";
import { RESETTLEMENT_FOOTNOTE, discretionFootnote, domainsOf, fieldworkLine, longDate, ratingText, scoreLine, statusLine, type ExportModel } from "./model";

export function writePdf(model: ExportModel, output: Writable): void {
  const framework = getFramework(model.inspection.frameworkVersion);
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    compress: false,
    info: { Title: `${model.inspection.yjsName}: ratings panel (${statusLine(model)})`, Creator: "Case Review" },
  });
  doc.pipe(output);
  const status = statusLine(model);
  // Every page carries the status line above its top margin; the text cursor is put back after.
  const stamp = () => {
    const { x, y } = doc;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(model.signOff ? "#00703c" : "#d4351c");
    doc.text(`${status} · ${model.inspection.yjsName} · ${model.inspection.frameworkVersion}`, 48, 24, { lineBreak: false });
    doc.fillColor("#0b0c0c").font("Helvetica").fontSize(9);
    doc.x = x;
    doc.y = y;
  };
  stamp();
  doc.on("pageAdded", stamp);
  // pdfkit breaks a wrapped paragraph across pages wherever the page ends, so a key question's
  // figures could read "84–", the next page's status line, then "99%". Each line of figures (and each
  // heading, with room for the first line under it) moves whole to a new page when it would not fit.
  // Only text longer than a whole page (a very long judgement rationale) still flows across pages.
  const keep = (text: string, extraHeight = 0) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const bottom = doc.page.height - doc.page.margins.bottom;
    const height = doc.heightOfString(text, { width }) + extraHeight;
    if (doc.y + height > bottom && height <= bottom - doc.page.margins.top) doc.addPage();
    doc.text(text, { width });
  };
  /** Height of one 9 pt line, kept under a heading so a heading never ends a page. */
  const lineOf9pt = 12;

  doc.fillColor("#0b0c0c").font("Helvetica-Bold").fontSize(18).text(`${model.inspection.yjsName}: ratings panel`, 48, 48);
  doc.font("Helvetica-Bold").fontSize(12).fillColor(model.signOff ? "#00703c" : "#d4351c").text(status);
  doc.fillColor("#0b0c0c").font("Helvetica").fontSize(10);
  doc.text(fieldworkLine(model));
  doc.text(`Framework: ${model.inspection.frameworkVersion} (${model.inspection.frameworkLabel})`);
  doc.text(`Exported on ${longDate(model.generatedAt)}`);
  doc.moveDown();
  doc.font("Helvetica-Bold").fontSize(14).text(`Score ${scoreLine(model.result)}`);
  doc.text(`Overall rating: ${ratingText(model.result.overallRating)}`);

  for (const domain of domainsOf(model.result)) {
    doc.moveDown();
    const unscored = domain.standards.every((s) => !s.scored);
    doc.font("Helvetica-Bold").fontSize(13);
    keep(`${domain.number}. ${domain.title}`, 2 * lineOf9pt);
    if (unscored) {
      doc.font("Helvetica-Oblique").fontSize(9);
      keep(RESETTLEMENT_FOOTNOTE);
    }
    for (const standard of domain.standards) {
      doc.moveDown(0.5);
      const calculated = standard.calculatedRating && standard.calculatedRating !== standard.rating ? ` (calculated ${standard.calculatedRating})` : "";
      doc.font("Helvetica-Bold").fontSize(11);
      keep(`${standard.id} ${standard.title}: ${ratingText(standard.rating)}${calculated}`, lineOf9pt);
      doc.font("Helvetica").fontSize(9);
      if (standard.basis === "judgement") {
        const note = model.judgementNotes[standard.id];
        keep(note ? `Judgement rationale: ${note}` : "Judged from documents, meetings and interviews; no rationale recorded yet.");
        const strengths = model.evidence.filter((e) => e.standardId === standard.id && e.kind === "strength").length;
        const areas = model.evidence.filter((e) => e.standardId === standard.id && e.kind === "area_for_improvement").length;
        keep(`Evidence: ${strengths} strength${strengths === 1 ? "" : "s"}, ${areas} area${areas === 1 ? "" : "s"} for improvement.`);
        continue;
      }
      if (standard.keyQuestions.length === 0) keep("No key question figures yet.");
      for (const kq of standard.keyQuestions) {
        const support = model.support.keyQuestions.find((k) => k.id === kq.id);
        const lowest = standard.lowestKeyQuestion === kq.id;
        const counts = kq.yes === null ? "" : `${kq.yes}/${kq.applicable}, `;
        const extra = support ? `; 80% interval ${intervalText(support)}; ${bandDistance(support).text}` : "";
        doc.font(lowest ? "Helvetica-Bold" : "Helvetica");
        keep(`${kq.id} ${findKeyQuestion(framework, kq.id)?.text ?? ""} ${counts}${kq.percentYes}% ${kq.band}${lowest ? " (lowest)" : ""}${extra}`);
      }
      if (standard.discretion) {
        doc.font("Helvetica-Oblique");
        keep(`${discretionFootnote(standard.discretion)} Note: ${standard.discretion.note}`);
      }
    }
  }
  doc.end();
}
