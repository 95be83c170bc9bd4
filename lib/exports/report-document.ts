// The draft inspection report as a format-free document: cover, contents, Ratings, Recommendations,
// Background, then each domain and standard with its statement, rating, key question table,
// narrative and notes, worded as the framework version's reports word them (the version's
// ReportWording in lib/framework). The DOCX and PDF builders only lay these blocks out, so both
// formats say exactly the same thing. Pure.
import { formatDate } from "@/lib/dates";

import { DISPOSAL_TYPES, DISPOSAL_TYPE_LABELS, type DisposalType, type Stream } from "@/lib/framework/case-attributes";
import { getFramework, type Framework, type Rating, type ReportWording, type Standard } from "@/lib/framework";
import { isBetterThan, unsettledStandards, whyWithoutFigures, type StandardResult } from "@/lib/rating";
import { DRAFT_LABEL, fieldworkLine, type ExportModel, type ExportRecommendation, type ReportCase } from "./model";

/** A piece of text; a footnote is attached after it (numbered by the builder, in order of appearance). */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly footnote?: string;
}

export interface Cell {
  readonly runs: readonly Run[];
  /** A header cell, for the column below it or the row beside it. */
  readonly header?: "column" | "row";
  readonly colSpan?: number;
  readonly align?: "right";
}

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string; readonly id: string; readonly inContents: boolean }
  | { readonly kind: "paragraph"; readonly runs: readonly Run[]; readonly style?: "status" | "rating" | "note" }
  | { readonly kind: "bullets"; readonly items: readonly string[] }
  | { readonly kind: "numbered"; readonly items: readonly { readonly number: number; readonly text: string }[] }
  | { readonly kind: "table"; readonly caption: string; readonly widths: readonly number[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: "contents" }
  | { readonly kind: "pageBreak" };

export interface ReportDocument {
  readonly title: string;
  /** "DRAFT — not signed off", or null once signed off. */
  readonly draft: string | null;
  readonly blocks: readonly Block[];
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** The reports' way with counts: words up to nine, figures from 10 ("five youth cautions, and 10 …"). */
export function countWords(n: number): string {
  return n < NUMBER_WORDS.length ? (NUMBER_WORDS[n] ?? String(n)) : String(n);
}

const DISPOSAL_PLURALS: Readonly<Record<DisposalType, [string, string]>> = Object.freeze({
  referral_order: ["referral order", "referral orders"],
  youth_rehabilitation_order: ["youth rehabilitation order", "youth rehabilitation orders"],
  detention_and_training_order: ["detention and training order", "detention and training orders"],
  community_sentence: ["community sentence", "community sentences"],
  custodial_sentence: ["custodial sentence", "custodial sentences"],
  licence: ["licence", "licences"],
  youth_conditional_caution: ["youth conditional caution", "youth conditional cautions"],
  youth_caution: ["youth caution", "youth cautions"],
  community_resolution: ["community resolution", "community resolutions"],
  outcome_22: ["Outcome 22", "Outcome 22s"],
  deferred_prosecution: ["deferred prosecution", "deferred prosecutions"],
  prevention: ["prevention case", "prevention cases"],
  other_out_of_court: ["other out-of-court disposal", "other out-of-court disposals"],
});

function counted(n: number, singular: string, plural: string): string {
  return `${countWords(n)} ${n === 1 ? singular : plural}`;
}

/** "a, b, and c" as Salford writes its lists. */
function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`;
}

/** "Salford Youth Justice Service" → "YJS"; "Knowsley Youth Offending Service" → "YOS". */
export function serviceAbbreviation(name: string): string {
  if (/youth offending service/i.test(name)) return "YOS";
  if (/youth offending team/i.test(name)) return "YOT";
  return "YJS";
}

/** "Salford Youth Justice Service" → "Salford YJS", as the reports' text names the service. */
export function serviceShortName(name: string): string {
  const short = name.replace(/\s*youth (justice|offending) (service|team)\s*/i, " ").trim();
  return short && short !== name.trim() ? `${short} ${serviceAbbreviation(name)}` : name.trim();
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function noteRating(rating: Rating, wording: ReportWording): string {
  return wording.capitaliseRatingsInNotes ? rating.replace(/\b\w/g, (c) => c.toUpperCase()) : rating;
}

function disposalList(cases: readonly ReportCase[]): string {
  const byType = new Map<string, number>();
  for (const c of cases) byType.set(c.disposalType, (byType.get(c.disposalType) ?? 0) + 1);
  // In the order the disposal types are listed (most formal first), as the reports list them:
  // "12 community sentences and one custodial sentence", "five youth conditional cautions, five youth cautions, and 10 community resolutions".
  const order: readonly string[] = [...DISPOSAL_TYPES.court, ...DISPOSAL_TYPES.out_of_court, ...DISPOSAL_TYPES.resettlement];
  const rank = (type: string) => (order.includes(type) ? order.indexOf(type) : order.length);
  const groups = [...byType.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
  return listing(
    groups.map(([type, n]) => {
      const [one, many] = DISPOSAL_PLURALS[type as DisposalType] ?? [DISPOSAL_TYPE_LABELS[type as DisposalType] ?? type, DISPOSAL_TYPE_LABELS[type as DisposalType] ?? type];
      return counted(n, one, many);
    }),
  );
}

function interviewSentence(cases: readonly ReportCase[]): string {
  const interviewed = cases.filter((c) => c.caseManagerInterviewed === true).length;
  return `We interviewed the case managers in ${counted(interviewed, "case", "cases")}.`;
}

function factorsSentence(cases: readonly ReportCase[]): string {
  const harm = cases.filter((c) => c.harmFactors === true).length;
  const safety = cases.filter((c) => c.safetyWellbeingFactors === true).length;
  return `Inspectors judged that there were factors related to harm in ${counted(harm, "case", "cases")}, and factors related to the child's safety and wellbeing in ${counted(safety, "case", "cases")}.`;
}

/** Whether the report has a resettlement domain: 2021+ with resettlement cases (Knowsley has none, and no 4.1 row). */
export function showsResettlement(model: ExportModel): boolean {
  return model.result.standards.some((s) => !s.scored) && model.report.cases.some((c) => c.stream === "resettlement");
}

/** Standards whose rating the report withholds: a key question of theirs applies to cases not final yet. */
export function withheldStandards(model: ExportModel): Readonly<Record<string, readonly string[]>> {
  return unsettledStandards(model.result, model.report.coverage);
}

function backgroundBlocks(model: ExportModel, framework: Framework): Block[] {
  const { inspection, report } = model;
  const name = serviceShortName(inspection.yjsName);
  const abbreviation = serviceAbbreviation(inspection.yjsName);
  const { windows, cases } = report;
  const between = (start: Date | null, end: Date | null) =>
    start && end ? `between ${formatDate(start)} and ${formatDate(end)}` : "in a window not recorded yet";
  const lines: string[] = [`We conducted fieldwork in ${name} over a period of a week, beginning ${formatDate(inspection.fieldworkStart)}.`];
  if (framework.rules.windows.outOfCourt) {
    lines.push(
      `We inspected court disposals that began ${between(windows.start, windows.end)}, and out-of-court disposals delivered ${between(windows.oocStart, windows.oocEnd)}.`,
    );
  } else {
    const began = framework.rules.streams.map((stream) => WINDOW_CLAUSES[stream]);
    lines.push(`We inspected cases where ${listing(began)} ${between(windows.start, windows.end)}.`);
  }
  // The version's streams, each counted; resettlement, when there is none, in a sentence of its own.
  const inStream = (stream: Stream) => cases.filter((c) => c.stream === stream).length;
  const sampled = framework.rules.streams;
  const streams = sampled.filter((stream) => stream !== "resettlement" || inStream(stream) > 0).map((stream) => counted(inStream(stream), ...CASES_OF_STREAM[stream]));
  lines.push(`We inspected ${counted(cases.length, "case", "cases")}: ${listing(streams)}.`);
  if (sampled.includes("resettlement") && inStream("resettlement") === 0) lines.push("There were no resettlement cases.");
  lines.push(factorsSentence(cases), interviewSentence(cases));
  return [
    heading(1, "Background", "background"),
    { kind: "paragraph", runs: [{ text: lines.join(" ") }] },
    { kind: "paragraph", runs: [{ text: `Throughout this report, ${abbreviation} refers to ${inspection.yjsName}.` }], style: "note" },
  ];
}

/** How the report counts a stream's cases: one, many. */
const CASES_OF_STREAM: Readonly<Record<Stream, readonly [string, string]>> = {
  court: ["court disposal", "court disposals"],
  out_of_court: ["out-of-court disposal", "out-of-court disposals"],
  resettlement: ["resettlement case", "resettlement cases"],
};

/** What falls in the eligibility window for each stream, as the 2021+ reports say it. */
const WINDOW_CLAUSES: Readonly<Record<Stream, string>> = {
  court: "the sentence or licence began",
  out_of_court: "out-of-court disposals were delivered",
  resettlement: "resettlement cases were sentenced or released",
};

/** What the sample held of the stream whose cases rate the domain's standards, if any. */
function domainIntro(model: ExportModel, framework: Framework, domainId: string): Block[] {
  const abbreviation = serviceAbbreviation(model.inspection.yjsName);
  const cases = model.report.cases;
  const stream = framework.domains.find((domain) => domain.id === domainId)?.standards.find((standard) => standard.stream !== null)?.stream;
  if (stream === "court") {
    const court = cases.filter((c) => c.stream === "court");
    if (court.length === 0) return [{ kind: "paragraph", runs: [{ text: "There were no court disposals in the sample." }] }];
    return [
      {
        kind: "paragraph",
        runs: [{ text: `We took a detailed look at ${disposalList(court)} managed by the ${abbreviation}. ${factorsSentence(court)} ${interviewSentence(court)}` }],
      },
    ];
  }
  if (stream === "out_of_court") {
    const ooc = cases.filter((c) => c.stream === "out_of_court");
    if (ooc.length === 0) return [{ kind: "paragraph", runs: [{ text: "There were no out-of-court disposals in the sample." }] }];
    const noCautions = framework.report.noYouthConditionalCautions;
    const missing = noCautions && !ooc.some((c) => c.disposalType === "youth_conditional_caution") ? ` ${noCautions}` : "";
    return [
      {
        kind: "paragraph",
        runs: [
          {
            text: `We inspected ${counted(ooc.length, "case", "cases")} managed by the ${abbreviation} that had received an out-of-court disposal. These consisted of ${disposalList(ooc)}.${missing} ${factorsSentence(ooc)} ${interviewSentence(ooc)}`,
          },
        ],
      },
    ];
  }
  return [];
}

function heading(level: 1 | 2 | 3, text: string, id: string, inContents = true): Block {
  return { kind: "heading", level, text, id, inContents };
}

function ratingsTable(model: ExportModel, framework: Framework, withheld: Readonly<Record<string, readonly string[]>>): Block {
  const { result } = model;
  const wording = framework.report;
  const anyWithheld = Object.keys(withheld).length > 0;
  const ratingOf = (s: StandardResult): string => (withheld[s.id] ? "Not rated yet" : (s.rating ?? "Not rated yet"));
  const rows: Cell[][] = [
    [{ runs: [{ text: model.inspection.yjsName, bold: true }], header: "column", colSpan: 2 }],
    [{ runs: [{ text: fieldworkLine(model) }], colSpan: 2 }],
    [
      { runs: [{ text: "Score", bold: true }], header: "row" },
      { runs: [{ text: result.complete && !anyWithheld ? `${result.score}/${result.maxScore}` : "Not rated yet" }] },
    ],
    [
      { runs: [{ text: "Overall rating", bold: true }], header: "row" },
      { runs: [{ text: result.complete && !anyWithheld ? (result.overallRating ?? "Not rated yet") : "Not rated yet", bold: true }] },
    ],
  ];
  for (const domain of framework.domains) {
    const resettlement = domain.standards.every((s) => !s.scored);
    if (resettlement && !showsResettlement(model)) continue;
    const note = resettlement && wording.resettlementNote ? fill(wording.resettlementNote, { service: serviceAbbreviation(model.inspection.yjsName) }) : undefined;
    rows.push([{ runs: [{ text: `${domain.id}. ${domain.title}`, bold: true, footnote: note }], header: "column", colSpan: 2 }]);
    for (const standard of domain.standards) {
      const s = result.standards.find((x) => x.id === standard.id);
      rows.push([
        { runs: [{ text: `${standard.id} ${standard.title}` }], header: "row" },
        { runs: [{ text: s ? ratingOf(s) : "Not rated yet" }] },
      ]);
    }
  }
  return { kind: "table", caption: "Ratings", widths: [70, 30], rows };
}

function recommendationBlocks(model: ExportModel): Block[] {
  const recommendations = model.report.recommendations;
  const name = serviceShortName(model.inspection.yjsName);
  const blocks: Block[] = [heading(1, "Recommendations", "recommendations")];
  if (recommendations.length === 0) {
    blocks.push({ kind: "paragraph", runs: [{ text: "No recommendations have been recorded yet." }], style: "note" });
    return blocks;
  }
  blocks.push({
    kind: "paragraph",
    runs: [
      {
        text: `As a result of our inspection findings, we have made ${counted(recommendations.length, "recommendation", "recommendations")} that we believe, if implemented, will have a positive impact on the quality of youth justice services in ${name}. This will improve the lives of the children in contact with youth justice services, and better protect the public.`,
      },
    ],
  });
  // Consecutive recommendations to one party share its "… should:" line, numbering running on.
  let group: ExportRecommendation[] = [];
  const flush = () => {
    const first = group[0];
    if (!first) return;
    blocks.push({ kind: "paragraph", runs: [{ text: `${partyHeadingFor(first, model)} should:`, bold: true }] });
    blocks.push({ kind: "numbered", items: group.map((r) => ({ number: r.position, text: r.text })) });
    group = [];
  };
  for (const r of recommendations) {
    const last = group[group.length - 1];
    if (last && (last.party !== r.party || last.partyName !== r.partyName)) flush();
    group.push(r);
  }
  flush();
  return blocks;
}

const PARTY_HEADINGS: Readonly<Record<ExportRecommendation["party"], (abbreviation: string) => string>> = Object.freeze({
  yjs: (a: string) => `The ${a}`,
  management_board: (a: string) => `The ${a} management board`,
  police: () => "The police",
  health: () => "Health services",
  local_authority: () => "The local authority",
  other: () => "Other partners",
});

function partyHeadingFor(r: ExportRecommendation, model: ExportModel): string {
  return r.partyName ?? PARTY_HEADINGS[r.party](serviceAbbreviation(model.inspection.yjsName));
}

function narrativeBlocks(model: ExportModel, standard: Standard): Block[] {
  const narrative = model.report.narratives[standard.id];
  const points = (text: string | undefined) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  // Without the lead's narrative, the evidence recorded against the standard stands in for it.
  const fromEvidence = (kind: "strength" | "area_for_improvement") =>
    model.evidence.filter((e) => e.standardId === standard.id && e.kind === kind).map((e) => e.text);
  const strengths = narrative ? points(narrative.strengths) : fromEvidence("strength");
  const areas = narrative ? points(narrative.areasForImprovement) : fromEvidence("area_for_improvement");
  const blocks: Block[] = [];
  for (const [label, items] of [
    ["Strengths:", strengths],
    [areas.length === 1 ? "Area for improvement:" : "Areas for improvement:", areas],
  ] as const) {
    blocks.push({ kind: "paragraph", runs: [{ text: label, bold: true }] });
    blocks.push(items.length > 0 ? { kind: "bullets", items } : { kind: "paragraph", runs: [{ text: "None written yet." }], style: "note" });
  }
  return blocks;
}

function keyQuestionBlocks(model: ExportModel, framework: Framework, standard: Standard, result: StandardResult, withheldIds: readonly string[] | undefined): Block[] {
  const wording = framework.report;
  const service = serviceAbbreviation(model.inspection.yjsName);
  const discretion = result.discretion;
  const discretionText = discretion
    ? fill(wording.discretionNote, {
        direction: isBetterThan(discretion.to, discretion.from) ? "increasing" : "decreasing",
        from: noteRating(discretion.from, wording),
        to: noteRating(discretion.to, wording),
        service,
      })
    : null;
  const rows: Cell[][] = [[{ runs: [{ text: "" }] }, { runs: [{ text: wording.percentColumnHeading, bold: true }], header: "column", align: "right" }]];
  for (const kq of standard.keyQuestions) {
    const figures = result.keyQuestions.find((k) => k.id === kq.id);
    const lowest = result.lowestKeyQuestion === kq.id && !withheldIds;
    const percentRuns: Run[] = figures
      ? [
          {
            text: `${figures.percentYes}%${lowest && discretionText && wording.discretionMark === "asterisk" ? "*" : ""}`,
            bold: lowest,
            footnote: lowest && discretionText && wording.discretionMark === "footnote" ? discretionText : undefined,
          },
        ]
      : [{ text: "No figures" }];
    rows.push([{ runs: [{ text: kq.text }], header: "row" }, { runs: percentRuns, align: "right" }]);
  }
  const intro = fill(wording.keyQuestionTableIntro, { standard: standard.title.toLowerCase() });
  // The lowest-key-question note is a footnote on "rating", where the reports put it.
  const [before, after] = intro.includes("rating") ? [intro.slice(0, intro.indexOf("rating") + "rating".length), intro.slice(intro.indexOf("rating") + "rating".length)] : [intro, ""];
  const blocks: Block[] = [
    { kind: "paragraph", runs: [{ text: before, footnote: wording.lowestKeyQuestionNote }, { text: after }] },
    { kind: "table", caption: `${standard.id}. ${standard.title}: key questions`, widths: [80, 20], rows },
  ];
  if (discretionText && wording.discretionMark === "asterisk") blocks.push({ kind: "paragraph", runs: [{ text: discretionText }], style: "note" });
  const missing = whyWithoutFigures(result.keyQuestionsWithoutFigures, model.report.coverage, model.report.excluded);
  if (missing.length > 0) {
    blocks.push({ kind: "paragraph", runs: [{ text: `No figures for ${missing.length === 1 ? "one key question" : `${countWords(missing.length)} key questions`}: ${missing.map((m) => m.explanation).join(" ")}` }], style: "note" });
  }
  return blocks;
}

function ratingLine(result: StandardResult | undefined, withheldIds: readonly string[] | undefined, model: ExportModel): Block {
  if (withheldIds) {
    const why = whyPending(withheldIds, model);
    return { kind: "paragraph", runs: [{ text: `Not rated yet: ${why}` }], style: "rating" };
  }
  return { kind: "paragraph", runs: [{ text: result?.rating ?? "Not rated yet", bold: true }], style: "rating" };
}

function whyPending(ids: readonly string[], model: ExportModel): string {
  return ids
    .map((id) => {
      const c = model.report.coverage.find((x) => x.id === id);
      const n = c?.casesNotFinal ?? 0;
      return `${id} applies to ${counted(n, "case", "cases")} not completed or approved yet.`;
    })
    .join(" ");
}

/** The whole report, in order. */
export function reportDocument(model: ExportModel): ReportDocument {
  const framework = getFramework(model.inspection.frameworkVersion);
  const withheld = withheldStandards(model);
  const wording = framework.report;
  const blocks: Block[] = [
    { kind: "paragraph", runs: [{ text: "HM Inspectorate of Probation" }] },
    { kind: "paragraph", runs: [{ text: `An inspection of youth justice services in ${model.inspection.yjsName}`, bold: true }], style: "rating" },
    { kind: "paragraph", runs: [{ text: model.signOff ? `Ratings signed off by ${model.signOff.signedBy} on ${formatDate(model.signOff.signedAt)}` : DRAFT_LABEL, bold: true }], style: "status" },
    { kind: "paragraph", runs: [{ text: `Generated ${formatDate(model.generatedAt)} from Case Review, ${framework.label}.` }], style: "note" },
    { kind: "pageBreak" },
    heading(1, "Contents", "contents", false),
    { kind: "contents" },
    { kind: "pageBreak" },
    heading(1, "Ratings", "ratings"),
    ratingsTable(model, framework, withheld),
  ];
  if (Object.keys(withheld).length > 0) {
    blocks.push({
      kind: "paragraph",
      runs: [{ text: `Ratings are withheld while cases they depend on are not final: ${Object.entries(withheld).map(([id, ids]) => `${id} (${whyPending(ids, model)})`).join("; ")}` }],
      style: "note",
    });
  }
  blocks.push(...recommendationBlocks(model), ...backgroundBlocks(model, framework));
  for (const domain of framework.domains) {
    const resettlement = domain.standards.every((s) => !s.scored);
    if (resettlement && !showsResettlement(model)) continue;
    blocks.push({ kind: "pageBreak" }, heading(1, wording.domainHeadings[domain.id] ?? domain.title, `domain-${domain.id}`), ...domainIntro(model, framework, domain.id));
    for (const standard of domain.standards) {
      const result = model.result.standards.find((s) => s.id === standard.id);
      const withheldIds = withheld[standard.id];
      blocks.push(heading(2, `${standard.id}. ${standard.title}`, `standard-${standard.id}`), { kind: "paragraph", runs: [{ text: standard.statement }] }, ratingLine(result, withheldIds, model));
      if (resettlement) {
        const n = model.report.cases.filter((c) => c.stream === "resettlement").length;
        blocks.push({
          kind: "paragraph",
          runs: [
            {
              text: `We inspected the quality of policy and provision in place for resettlement work, using evidence from documents, meetings, and interviews. To illustrate that work, we inspected ${counted(n, "case", "cases")} managed by the ${serviceAbbreviation(model.inspection.yjsName)} that had received a custodial sentence. Our key findings were as follows.`,
            },
          ],
        });
      }
      if (standard.basis === "cases" && result) blocks.push(...keyQuestionBlocks(model, framework, standard, result, withheldIds));
      blocks.push(...narrativeBlocks(model, standard));
    }
  }
  return {
    title: `An inspection of youth justice services in ${model.inspection.yjsName}`,
    draft: model.signOff ? null : DRAFT_LABEL,
    blocks,
  };
}

/** The headings the contents lists, in order. */
export function contentsEntries(doc: ReportDocument): { level: 1 | 2 | 3; text: string; id: string }[] {
  return doc.blocks.flatMap((b) => (b.kind === "heading" && b.inContents ? [{ level: b.level, text: b.text, id: b.id }] : []));
}
