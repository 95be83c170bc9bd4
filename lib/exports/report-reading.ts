// Test support: reads the generated report back as a reader's tools see it (the DOCX's XML parts,
// the PDF through poppler's pdftotext / pdfinfo / pdffonts), and the published Salford 2024 report
// as plain text (lib/rating/golden), so tests compare the two without trusting the builders' own data.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";

const XML_ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "").join(""));

export interface DocxCell {
  readonly text: string;
  readonly bold: boolean;
  /** Ids of the footnotes referenced in the cell. */
  readonly footnotes: readonly number[];
}

export interface DocxReport {
  readonly headings: readonly { level: number; text: string }[];
  readonly tables: readonly (readonly (readonly DocxCell[])[])[];
  /** Footnote text by id. */
  readonly footnotes: ReadonlyMap<number, string>;
  readonly paragraphs: readonly string[];
  readonly header: string;
  readonly xml: string;
}

export async function readDocx(buffer: Buffer): Promise<DocxReport> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const footnotesXml = (await zip.file("word/footnotes.xml")?.async("string")) ?? "";
  const headerXml = (await zip.file("word/header1.xml")?.async("string")) ?? "";
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  const headings = [...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map((m) => ({ level: Number(m[1]), text: textOf(m[0]) }));
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? "").matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const cell = c[1] ?? "";
        const runs = [...cell.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1] ?? "");
        const textRuns = runs.filter((r) => /<w:t[\s>]/.test(r));
        return {
          text: textOf(cell),
          bold: textRuns.length > 0 && textRuns.every((r) => /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(r)),
          footnotes: [...cell.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1])),
        };
      }),
    ),
  );
  const footnotes = new Map<number, string>();
  for (const m of footnotesXml.matchAll(/<w:footnote w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) {
    const id = Number(m[1]);
    if (id > 0) footnotes.set(id, textOf(m[2] ?? "").trim());
  }
  const paragraphs = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => textOf(m[1] ?? "")).filter((t) => t.length > 0);
  return { headings, tables, footnotes, paragraphs, header: textOf(headerXml), xml };
}

export interface PdfReport {
  /** pdftotext's text of each page, in reading order. */
  readonly pages: readonly string[];
  /** pdfinfo's fields. */
  readonly info: Readonly<Record<string, string>>;
  /** pdffonts' table, one line per font. */
  readonly fonts: readonly string[];
}

export function readPdf(buffer: Buffer): PdfReport {
  const dir = mkdtempSync(path.join(os.tmpdir(), "case-review-report-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, buffer);
    const infoText = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const info = Object.fromEntries(
      infoText
        .split("\n")
        .filter((l) => l.includes(":"))
        .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
    );
    const count = Number(info.Pages ?? "0");
    const pages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), file, "-"], { encoding: "utf8" }),
    );
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    return { pages, info, fonts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace folded to single spaces: text that wraps differently still compares equal. */
export function folded(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export interface PublishedKeyQuestionTable {
  /** "assessment", as in "Our rating for assessment is based on…". */
  readonly standard: string;
  readonly heading: string;
  readonly rows: readonly { question: string; percent: number; footnote: string | null }[];
}

export interface PublishedReport {
  /** [label, rating] in the ratings table's order, domain rows with rating "". */
  readonly ratingsRows: readonly (readonly [string, string])[];
  readonly score: string;
  readonly overallRating: string;
  readonly resettlementNote: string;
  readonly keyQuestionTables: readonly PublishedKeyQuestionTable[];
  /** Footnote text by its superscript figure. */
  readonly footnotes: ReadonlyMap<string, string>;
}

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A published report's text, as kept in lib/rating/golden (copied from shared/reports). */
export function readPublishedReport(name: string): PublishedReport {
  const file = path.resolve(__dirname, "..", "rating", "golden", `${name}.report.txt`);
  const lines = readFileSync(file, "utf8").split("\n").map((l) => l.replace(/\s+$/, ""));
  const start = lines.findIndex((l) => l === "Ratings");
  const end = lines.findIndex((l, i) => i > start && l === "Recommendations");
  const table = lines.slice(start + 1, end).filter((l) => l.trim() !== "");
  const ratingsRows: [string, string][] = [];
  let score = "";
  let overallRating = "";
  let resettlementNote = "";
  const RATINGS = ["Outstanding", "Good", "Requires improvement", "Inadequate"];
  for (let i = 0; i < table.length; i++) {
    const line = table[i] ?? "";
    if (line.startsWith("Score ")) score = line.slice("Score ".length);
    else if (line === "Overall rating") overallRating = table[++i] ?? "";
    else if (/^\d\. /.test(line)) ratingsRows.push([line.replace(/[⁰-⁹¹²³]+$/, ""), ""]);
    else if (/^\d\.\d /.test(line) && RATINGS.includes(table[i + 1] ?? "")) ratingsRows.push([line, table[++i] ?? ""]);
    else if (/^[¹²³⁴⁵⁶⁷⁸⁹]/.test(line)) resettlementNote = line.replace(/^[¹²³⁴⁵⁶⁷⁸⁹]+\s*/, "");
  }
  const footnotes = new Map<string, string>();
  for (const line of lines) {
    const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$/.exec(line);
    if (m?.[1] && m[2]) footnotes.set(m[1], m[2].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").trim());
  }
  const keyQuestionTables: PublishedKeyQuestionTable[] = [];
  lines.forEach((line, i) => {
    const intro = /^Our rating([⁰-⁹¹²³]*) for (.+) is based on the following key questions:$/.exec(line);
    if (!intro) return;
    const heading = (lines[i + 2] ?? "").trim();
    const rows: { question: string; percent: number; footnote: string | null }[] = [];
    for (let j = i + 3; j < lines.length; j++) {
      const m = /^(.+?)\t(\d+)%\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]*)$/.exec(lines[j] ?? "");
      if (!m) break;
      rows.push({ question: m[1] ?? "", percent: Number(m[2]), footnote: m[3] ? m[3] : null });
    }
    keyQuestionTables.push({ standard: intro[2] ?? "", heading, rows });
  });
  return { ratingsRows, score, overallRating, resettlementNote, keyQuestionTables, footnotes };
}

export { SUPERSCRIPTS };
