// The draft report as an accessible PDF (pdfkit): tagged (headings, paragraphs, lists, tables with
// header cells, notes), language en-GB, the title shown as the window title, and DejaVu Sans
// embedded (from the dejavu-fonts-ttf package) so every character, Welsh "ŵ" and "ŷ" included,
// prints and extracts as itself. Footnotes are numbered with superscript figures and printed at the
// end of their section, as the plain-text reports show them. The DRAFT line and page numbers are
// artifacts, outside the reading order. Lays out lib/exports/report-document.ts.

import { readFileSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import type { ExportModel } from "./model";
import { contentsEntries, reportDocument, type Block, type Cell, type Run } from "./report-document";

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc["struct"]>;

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts(): { regular: Buffer; bold: Buffer } {
  // Read once per process: the files never change while it runs.
  fonts ??= { regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")), bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")) };
  return fonts;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
export function superscript(n: number): string {
  return String(n)
    .split("")
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join("");
}

const INK = "#0b0c0c";
const MUTED = "#505a5f";
const RED = "#d4351c";
const MARGIN = 56;
const SIZES = { 1: 20, 2: 15, 3: 13 } as const;

export function writeReportPdf(model: ExportModel, output: Writable): void {
  const report = reportDocument(model);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    bufferPages: true,
    info: { Title: report.title, Author: "HM Inspectorate of Probation", Creator: "Case Review", Subject: report.draft ?? "Signed off" },
  });
  doc.pipe(output);
  doc.registerFont("Body", regular);
  doc.registerFont("Bold", bold);
  doc.font("Body").fontSize(11).fillColor(INK);
  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = () => doc.page.margins.left;

  /** Starts a new page when less than `height` remains, so a heading never ends a page alone. */
  const keepRoom = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };

  // Footnotes wait for the end of their section (the next heading), then print in order.
  let footnoteNumber = 0;
  let pending: { n: number; text: string }[] = [];
  const textOf = (runs: readonly Run[]): string =>
    runs
      .map((r) => {
        if (!r.footnote) return r.text;
        footnoteNumber += 1;
        pending.push({ n: footnoteNumber, text: r.footnote });
        return `${r.text}${superscript(footnoteNumber)}`;
      })
      .join("");
  const flushFootnotes = () => {
    if (pending.length === 0) return;
    const notes = pending;
    pending = [];
    doc.moveDown(0.5);
    const note = doc.struct("Note");
    root.add(note);
    doc.font("Body").fontSize(9);
    for (const f of notes) {
      keepRoom(doc.heightOfString(`${superscript(f.n)} ${f.text}`, { width: width() }));
      note.add(
        doc.struct("P", {}, () => {
          doc.font("Body").fontSize(9).fillColor(MUTED).text(`${superscript(f.n)} ${f.text}`, left(), doc.y, { width: width() });
        }),
      );
    }
    note.end();
    doc.fillColor(INK).fontSize(11);
    doc.moveDown(0.5);
  };

  const paragraph = (runs: readonly Run[], style?: "status" | "rating" | "note") => {
    const boldAll = runs.length > 0 && runs.every((r) => r.bold || r.text === "");
    const size = style === "status" ? 16 : style === "rating" ? 13 : style === "note" ? 9.5 : 11;
    const color = style === "status" ? RED : style === "note" ? MUTED : INK;
    root.add(
      doc.struct("P", {}, () => {
        doc.font(boldAll || style === "status" ? "Bold" : "Body").fontSize(size).fillColor(color);
        doc.text(textOf(runs), left(), doc.y, { width: width() });
      }),
    );
    doc.fillColor(INK).font("Body").fontSize(11);
    doc.moveDown(0.5);
  };

  const list = (items: readonly { label: string; text: string }[]) => {
    const l = doc.struct("L");
    root.add(l);
    doc.font("Body").fontSize(11);
    for (const item of items) {
      const indent = 22;
      keepRoom(doc.heightOfString(item.text, { width: width() - indent }));
      const y = doc.y;
      const li = doc.struct("LI");
      l.add(li);
      li.add(doc.struct("Lbl", {}, () => doc.text(item.label, left(), y, { width: indent, lineBreak: false })));
      li.add(doc.struct("LBody", {}, () => doc.text(item.text, left() + indent, y, { width: width() - indent })));
      li.end();
      doc.moveDown(0.25);
    }
    l.end();
    doc.x = left();
    doc.moveDown(0.25);
  };

  const table = (block: Extract<Block, { kind: "table" }>) => {
    const total = block.widths.reduce((a, b) => a + b, 0);
    doc.font("Body").fontSize(10.5);
    keepRoom(60);
    const tableStruct = doc.struct("Table");
    root.add(tableStruct);
    // structParent makes the table tagged (Table, TR, TH with its scope, TD): pdfkit supports it, its types omit it.
    const options: PDFKit.Mixins.TableOptionsWithData & { structParent: StructElement } = {
      structParent: tableStruct,
      columnStyles: block.widths.map((w) => (w / total) * width()),
      defaultStyle: { padding: 5, border: 0.5, borderColor: "#b1b4b6" },
      data: block.rows.map((row) =>
        row.map(
          (cell: Cell): PDFKit.Mixins.CellOptions & { scope?: string } => ({
            text: textOf(cell.runs),
            type: cell.header ? "TH" : "TD",
            scope: cell.header === "row" ? "Row" : cell.header === "column" ? "Column" : undefined,
            colSpan: cell.colSpan,
            align: { x: cell.align === "right" ? "right" : "left", y: "top" },
            font: { src: cell.runs.some((r) => r.bold) ? "Bold" : "Body" },
          }),
        ),
      ),
    };
    doc.table(options);
    tableStruct.end();
    doc.x = left();
    doc.font("Body").fontSize(11);
    doc.moveDown(0.75);
  };

  for (const block of report.blocks) {
    switch (block.kind) {
      case "heading": {
        flushFootnotes();
        keepRoom(SIZES[block.level] * 4);
        doc.addNamedDestination(block.id);
        root.add(
          doc.struct(`H${block.level}`, {}, () => {
            doc.font("Bold").fontSize(SIZES[block.level]).fillColor(INK).text(block.text, left(), doc.y, { width: width() });
          }),
        );
        doc.font("Body").fontSize(11);
        doc.moveDown(0.5);
        break;
      }
      case "paragraph":
        paragraph(block.runs, block.style);
        break;
      case "bullets":
        list(block.items.map((text) => ({ label: "•", text })));
        break;
      case "numbered":
        list(block.items.map((item) => ({ label: `${item.number}.`, text: item.text })));
        break;
      case "table":
        table(block);
        break;
      case "contents": {
        const entries = contentsEntries(report);
        const toc = doc.struct("TOC");
        root.add(toc);
        for (const entry of entries) {
          toc.add(
            doc.struct("TOCI", {}, () => {
              doc
                .font(entry.level === 1 ? "Bold" : "Body")
                .fontSize(11)
                .fillColor("#1d70b8")
                .text(entry.text, left() + (entry.level - 1) * 16, doc.y, { width: width() - (entry.level - 1) * 16, goTo: entry.id, underline: false });
            }),
          );
        }
        toc.end();
        doc.fillColor(INK);
        doc.x = left();
        break;
      }
      case "pageBreak":
        flushFootnotes();
        doc.addPage();
        break;
    }
  }
  flushFootnotes();
  root.end();

  // The DRAFT line and page numbers on every page, as artifacts (not part of the reading order).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    if (report.draft) doc.font("Bold").fontSize(9).fillColor(RED).text(report.draft, MARGIN, 24, { lineBreak: false });
    doc.font("Body").fontSize(9).fillColor(MUTED).text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 36, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
