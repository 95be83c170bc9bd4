// The draft report as DOCX (docx package): real Word headings (so the contents field and the
// navigation pane work), real tables with header rows, real footnotes, British English, and a DRAFT
// header on every page until the ratings are signed off. Lays out lib/exports/report-document.ts.

import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ExportModel } from "./model";
import { reportDocument, type Block, type Cell, type Run } from "./report-document";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const NUMBERING = "recommendations";

export async function buildReportDocx(model: ExportModel): Promise<Buffer> {
  const doc = reportDocument(model);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  const runsOf = (runs: readonly Run[]): (TextRun | FootnoteReferenceRun)[] =>
    runs.flatMap((run) => {
      const out: (TextRun | FootnoteReferenceRun)[] = [new TextRun({ text: run.text, bold: run.bold })];
      if (run.footnote) {
        const id = nextFootnote++;
        footnotes[id] = { children: [new Paragraph(run.footnote)] };
        out.push(new FootnoteReferenceRun(id));
      }
      return out;
    });
  const cell = (c: Cell, widthPercent: number): TableCell =>
    new TableCell({
      columnSpan: c.colSpan,
      width: { size: widthPercent, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: runsOf(c.runs), alignment: c.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT })],
    });

  const children: (Paragraph | Table | TableOfContents)[] = [];
  const add = (block: Block) => {
    switch (block.kind) {
      case "heading":
        children.push(new Paragraph({ text: block.text, heading: HEADINGS[block.level] }));
        return;
      case "paragraph":
        children.push(
          new Paragraph({
            children: runsOf(block.runs),
            style: block.style === "note" ? "ReportNote" : block.style === "status" ? "ReportStatus" : undefined,
          }),
        );
        return;
      case "bullets":
        for (const item of block.items) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
        return;
      case "numbered":
        for (const item of block.items) children.push(new Paragraph({ text: item.text, numbering: { reference: NUMBERING, level: 0 } }));
        return;
      case "table": {
        const total = block.widths.reduce((a, b) => a + b, 0);
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, i) =>
                new TableRow({
                  // The first row repeats on each page: it is the header row (the key questions' column heading, the service's name).
                  tableHeader: i === 0,
                  children: row.map((c, j) => cell(c, Math.round(((c.colSpan ? total : (block.widths[j] ?? 0)) / total) * 100))),
                }),
            ),
          }),
        );
        return;
      }
      case "contents":
        children.push(new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2" }));
        return;
      case "pageBreak":
        children.push(new Paragraph({ children: [new PageBreak()] }));
        return;
    }
  };
  for (const block of doc.blocks) add(block);

  const document = new Document({
    title: doc.title,
    creator: "Case Review",
    description: doc.draft ?? "Signed off",
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: "Arial", size: 24, language: { value: "en-GB" } } } },
      paragraphStyles: [
        { id: "ReportNote", name: "Report note", basedOn: "Normal", run: { size: 20, color: "505A5F" } },
        { id: "ReportStatus", name: "Report status", basedOn: "Normal", run: { size: 32, bold: true, color: "D4351C" } },
      ],
    },
    numbering: {
      config: [{ reference: NUMBERING, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }],
    },
    footnotes,
    sections: [
      {
        headers: doc.draft
          ? { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: doc.draft, bold: true, color: "D4351C" })] })] }) }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
