// The DOCX export (docx package): the ratings table and, per standard, the key-question table with
// the reports' discretion footnote on the lowest key question's %, and the Strengths / Areas for
// improvement lists of the judgement-rated standards from the recorded evidence: ready to paste
// into the report. Every page's header carries DRAFT until the ratings are signed off.

import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { findStandard, getFramework } from "@/lib/framework";
import {
  RESETTLEMENT_FOOTNOTE,
  discretionFootnote,
  domainsOf,
  fieldworkLine,
  longDate,
  ratingText,
  scoreLine,
  statusLine,
  type ExportModel,
} from "./model";

type Footnotes = Record<number, { children: Paragraph[] }>;

function cell(text: string, options: { bold?: boolean; footnote?: number; align?: "right" } = {}): TableCell {
  const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun({ text, bold: options.bold })];
  if (options.footnote !== undefined) runs.push(new FootnoteReferenceRun(options.footnote));
  return new TableCell({
    children: [new Paragraph({ children: runs, alignment: options.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT })],
  });
}

function para(text: string, options: Omit<IParagraphOptions, "text"> = {}): Paragraph {
  return new Paragraph({ ...options, text });
}

export async function buildDocx(model: ExportModel): Promise<Buffer> {
  const framework = getFramework(model.inspection.frameworkVersion);
  const footnotes: Footnotes = {};
  let nextFootnote = 1;
  const addFootnote = (text: string): number => {
    const id = nextFootnote++;
    footnotes[id] = { children: [new Paragraph(text)] };
    return id;
  };

  const body: (Paragraph | Table)[] = [
    para(`${model.inspection.yjsName}: ratings`, { heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: statusLine(model), bold: true, color: model.signOff ? "00703C" : "D4351C" })] }),
    para(fieldworkLine(model)),
    para(`Framework: ${model.inspection.frameworkVersion} (${model.inspection.frameworkLabel})`),
    para(`Exported on ${longDate(model.generatedAt)}`),
    para("Ratings", { heading: HeadingLevel.HEADING_1 }),
  ];

  const ratingRows: TableRow[] = [
    new TableRow({ children: [cell(model.inspection.yjsName, { bold: true }), cell(fieldworkLine(model))] }),
    new TableRow({ children: [cell("Score", { bold: true }), cell(scoreLine(model.result), { bold: true })] }),
    new TableRow({ children: [cell("Overall rating", { bold: true }), cell(ratingText(model.result.overallRating), { bold: true })] }),
  ];
  for (const domain of domainsOf(model.result)) {
    const unscored = domain.standards.every((s) => !s.scored);
    ratingRows.push(
      new TableRow({
        children: [cell(`${domain.number}. ${domain.title}`, { bold: true, footnote: unscored ? addFootnote(RESETTLEMENT_FOOTNOTE) : undefined }), cell("")],
      }),
    );
    for (const standard of domain.standards) {
      ratingRows.push(new TableRow({ children: [cell(`${standard.id} ${standard.title}`), cell(ratingText(standard.rating))] }));
    }
  }
  body.push(new Table({ rows: ratingRows, width: { size: 100, type: WidthType.PERCENTAGE } }));

  for (const domain of domainsOf(model.result)) {
    body.push(para(`Domain ${domain.number}: ${domain.title}`, { heading: HeadingLevel.HEADING_1 }));
    for (const standard of domain.standards) {
      const definition = findStandard(framework, standard.id);
      body.push(para(`${standard.id}. ${standard.title}`, { heading: HeadingLevel.HEADING_2 }));
      if (definition) body.push(para(definition.statement));
      body.push(new Paragraph({ children: [new TextRun({ text: ratingText(standard.rating), bold: true })] }));
      if (standard.basis === "cases") {
        body.push(para(`Our rating for ${standard.title.toLowerCase()} is based on the following key questions:`));
        const rows = [new TableRow({ children: [cell(""), cell("% 'Yes'", { bold: true, align: "right" })] })];
        for (const kq of standard.keyQuestions) {
          const lowest = standard.lowestKeyQuestion === kq.id;
          const text = definition?.keyQuestions.find((k) => k.id === kq.id)?.text ?? kq.id;
          const footnote = lowest && standard.discretion ? addFootnote(discretionFootnote(standard.discretion)) : undefined;
          rows.push(new TableRow({ children: [cell(text), cell(`${kq.percentYes}%`, { bold: lowest, footnote, align: "right" })] }));
        }
        if (standard.keyQuestions.length === 0) body.push(para("No key question figures yet."));
        else body.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
      } else {
        for (const [kind, heading] of [
          ["strength", "Strengths:"],
          ["area_for_improvement", "Areas for improvement:"],
        ] as const) {
          const items = model.evidence.filter((e) => e.standardId === standard.id && e.kind === kind);
          body.push(para(heading));
          if (items.length === 0) body.push(para("None recorded."));
          for (const item of items) body.push(para(item.text, { bullet: { level: 0 } }));
        }
      }
    }
  }

  const document = new Document({
    creator: "Case Review",
    title: `${model.inspection.yjsName}: ratings (${statusLine(model)})`,
    footnotes,
    sections: [
      {
        headers: { default: new Header({ children: [para(`${statusLine(model)} · ${model.inspection.yjsName} · ${model.inspection.frameworkVersion}`)] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
