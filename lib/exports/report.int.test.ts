import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { getFramework } from "@/lib/framework";
import { recordDiscretion, recordJudgement } from "@/lib/panel";
import { SALFORD_JUDGEMENTS } from "@/tests/panel/test-support";
import { addRecommendation, saveNarrative } from "@/lib/report";
import { seedDemoData } from "@/scripts/demo-data";
import { migrate } from "@/scripts/embedded-database";
import { loadExportModel } from "./load";
import { buildReportDocx } from "./report-docx";
import { reportPdfBytes } from "@/tests/exports/report-pdf";
import { folded, readDocx, readPdf, readPublishedReport, type DocxReport, type PdfReport } from "./report-reading";

// The draft report of the demo data's Demoshire (whose cases reproduce Salford 2024), generated as
// DOCX and PDF and read back as a reader's tools read them, against the published Salford report:
// the same Ratings table, the same key question tables (rows, percentages, the lowest in bold),
// the same footnote sentences. The demo data is seeded into a database of its own, as npm start does.

const serverUrl = new URL(inject("databaseUrl"));
const database = `report_demo_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const originalUrl = process.env.DATABASE_URL;
const published = readPublishedReport("salford-2024");

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The Salford wording of a key question: the framework's, or the variant the framework notes for Salford 2024. */
function salfordWording(question: string): string[] {
  const fw = getFramework("yjs-2021");
  const kq = fw.domains.flatMap((d) => d.standards).flatMap((s) => s.keyQuestions).find((k) => k.text === question);
  const variants = kq ? (fw.report.publishedKeyQuestionVariants[kq.id] ?? []).filter((v) => v.report === "Salford 2024").map((v) => v.text) : [];
  return [question, ...variants];
}

describe("the Demoshire draft report against Salford 2024", () => {
  let lead: { id: string; role: "lead_inspector" };
  let demoshireId = "";
  let docx: DocxReport;
  let pdf: PdfReport;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    migrate(urlOf(database));
    await closeDatabase();
    process.env.DATABASE_URL = urlOf(database);
    await seedDemoData(db);
    const user = await db.user.findUniqueOrThrow({ where: { email: "lead@case-review.test" }, select: { id: true } });
    lead = { id: user.id, role: "lead_inspector" };
    demoshireId = (await db.inspection.findFirstOrThrow({ where: { yjsName: { startsWith: "Demoshire" } }, select: { id: true } })).id;
    // The panel's decisions as the report made them (README: the demo reaches Salford's 22/36).
    for (const standardId of SALFORD_JUDGEMENTS) {
      await recordJudgement(lead, demoshireId, { standardId, rating: "Good", note: `Evidence for ${standardId}.` });
    }
    await recordDiscretion(lead, demoshireId, { standardId: "2.2", rating: "Requires improvement", note: "Within 4 points; strong elsewhere." });
    await recordDiscretion(lead, demoshireId, { standardId: "2.4", rating: "Good", note: "Within 3 points; strong elsewhere." });
    await addRecommendation(lead, demoshireId, { party: "police", partyName: "Tŷ Gwyn police partnership", text: "review the use of Outcome 22 in Ynys Môn" });
    await saveNarrative(lead, demoshireId, { standardId: "2.1", strengths: "Parents' views were prioritised.", areasForImprovement: "Diversity needs were not fully explored." });
    const model = await loadExportModel(lead, demoshireId);
    docx = await readDocx(await buildReportDocx(model));
    pdf = readPdf(await reportPdfBytes(model));
  }, 180_000);

  afterAll(async () => {
    await closeDatabase();
    process.env.DATABASE_URL = originalUrl;
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it("lays out the Ratings table as Salford's: score, overall rating, domains, standards and the resettlement footnote", () => {
    const ratings = docx.tables[0] ?? [];
    expect(ratings[0]?.[0]?.text).toBe("Demoshire Youth Justice Service");
    expect(ratings[1]?.[0]?.text).toBe("Fieldwork started October 2026");
    const byLabel = new Map(ratings.map((row) => [row[0]?.text ?? "", row[1]?.text ?? ""]));
    expect(byLabel.get("Score")).toBe(published.score);
    expect(byLabel.get("Overall rating")).toBe(published.overallRating);
    const rows = ratings.slice(4).map((row) => [row[0]?.text ?? "", row[1]?.text ?? ""] as const);
    expect(rows).toEqual(published.ratingsRows);
    const resettlementRow = ratings.find((row) => row[0]?.text === "4. Resettlement");
    const noteId = resettlementRow?.[0]?.footnotes[0];
    expect(noteId && docx.footnotes.get(noteId)).toBe(published.resettlementNote);
    // The PDF says the same, row by row, in reading order.
    const text = folded(pdf.pages.join("\n"));
    const rowsText = [`Score ${published.score}`, `Overall rating ${published.overallRating}`, ...published.ratingsRows.map(([label, rating]) => folded(`${label} ${rating}`))];
    let from = text.indexOf("Ratings Demoshire Youth Justice Service");
    expect(from).toBeGreaterThan(-1);
    for (const row of rowsText) {
      const at = text.indexOf(row, from);
      expect(at, row).toBeGreaterThan(-1);
      from = at;
    }
    expect(text).toContain(`¹ ${published.resettlementNote}`);
  });

  it("gives every key question table Salford's heading, rows and percentages, the lowest in bold, and its footnotes", () => {
    const kqTables = docx.tables.filter((t) => t[0]?.[1]?.text === "% 'Yes'");
    expect(kqTables).toHaveLength(published.keyQuestionTables.length);
    const text = folded(pdf.pages.join("\n"));
    let from = 0;
    published.keyQuestionTables.forEach((table, i) => {
      const ours = kqTables[i] ?? [];
      expect(ours[0]?.[1]?.text).toBe(table.heading);
      const rows = ours.slice(1);
      expect(rows.map((r) => r[1]?.text)).toEqual(table.rows.map((r) => `${r.percent}%`));
      rows.forEach((row, j) => expect(salfordWording(row[0]?.text ?? "")).toContain(table.rows[j]?.question));
      // Bold marks the lowest figure (the last of equals), and only it.
      const lowest = Math.min(...table.rows.map((r) => r.percent));
      const lowestIndex = table.rows.map((r) => r.percent).lastIndexOf(lowest);
      expect(rows.map((r) => r[1]?.bold)).toEqual(rows.map((_, j) => j === lowestIndex));
      // A discretion footnote sits on the same figure as in the published table, with its wording.
      table.rows.forEach((published_, j) => {
        const refs = rows[j]?.[1]?.footnotes ?? [];
        if (published_.footnote) {
          expect(refs).toHaveLength(1);
          expect(docx.footnotes.get(refs[0] ?? 0)).toBe(readPublishedFootnote(published_.footnote));
        } else expect(refs).toEqual([]);
      });
      // The PDF: the intro with its footnote figure, then each row's question and figure, in order.
      const intro = text.indexOf(`for ${table.standard} is based on the following key questions: % 'Yes'`, from);
      expect(intro, table.standard).toBeGreaterThan(-1);
      from = intro;
      rows.forEach((row) => {
        const at = text.indexOf(`${folded(row[0]?.text ?? "")} ${row[1]?.text}`, from);
        expect(at, row[0]?.text).toBeGreaterThan(-1);
        from = at;
      });
    });
    // Each table's intro carries the lowest-score footnote, in Salford's words.
    const lowestNote = readPublishedFootnote("³");
    expect([...docx.footnotes.values()].filter((t) => t === lowestNote)).toHaveLength(published.keyQuestionTables.length);
    expect(text.split(lowestNote).length - 1).toBe(published.keyQuestionTables.length);
    for (const figure of ["⁵", "⁸"]) expect(text).toContain(readPublishedFootnote(figure));
  });

  it("writes the headings as the reports do, and Background from the cases", () => {
    expect(docx.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      "Contents",
      "Ratings",
      "Recommendations",
      "Background",
      "Domain one: Organisational delivery",
      "Domain two: Court disposals",
      "Domain three: Out-of-court disposals",
      "4.1. Resettlement",
    ]);
    expect(docx.headings.filter((h) => h.level === 2).map((h) => h.text)).toContain("4.1. Resettlement policy and provision");
    const paragraphs = docx.paragraphs.join("\n");
    expect(paragraphs).toContain("We took a detailed look at 12 community sentences and one custodial sentence managed by the YJS.");
    expect(paragraphs).toContain(
      "We inspected 20 cases managed by the YJS that had received an out-of-court disposal. These consisted of five youth conditional cautions, five youth cautions, and 10 community resolutions.",
    );
    expect(paragraphs).toContain("We interviewed the case managers in 20 cases.");
    expect(paragraphs).toContain("We inspected 37 cases: 13 court disposals, 20 out-of-court disposals, and four resettlement cases.");
    expect(paragraphs).toContain(
      "We inspected cases where the sentence or licence began, out-of-court disposals were delivered, and resettlement cases were sentenced or released between 6 October 2025 and 31 July 2026.",
    );
    expect(paragraphs).toContain("To illustrate that work, we inspected four cases managed by the YJS that had received a custodial sentence.");
  });

  it("keeps Welsh names, is marked DRAFT, and is a tagged PDF whose every page extracts cleanly", () => {
    expect(docx.xml).toContain("Tŷ Gwyn police partnership should:");
    expect(docx.xml).toContain("review the use of Outcome 22 in Ynys Môn");
    const text = pdf.pages.join("\n");
    expect(text).toContain("Tŷ Gwyn police partnership should:");
    expect(text).toContain("Ynys Môn");
    expect(docx.header).toBe("DRAFT — not signed off");
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.info.Title).toBe("An inspection of youth justice services in Demoshire Youth Justice Service");
    // Every font embedded (pdffonts' "emb" column), none of them a standard 14 font without Unicode.
    for (const font of pdf.fonts) expect(font, font).toMatch(/DejaVuSans.*\s+yes\s+yes\s+yes/);
    pdf.pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
      expect(page, `page ${i + 1}`).toContain("DRAFT — not signed off");
      // No replacement characters, control characters or private-use glyphs: every glyph maps to its character.
      expect(page).not.toMatch(/[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\uE000-\uF8FF]/);
    });
  });
});

function readPublishedFootnote(figure: string): string {
  const text = published.footnotes.get(figure);
  if (!text) throw new Error(`Salford has no footnote ${figure}`);
  return text;
}
