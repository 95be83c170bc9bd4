import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PROGRAMME_FILES, programmeCsv, programmeFile, writeProgrammeXlsx, type ProgrammeExportRow } from "./programme";

const rows: ProgrammeExportRow[] = [
  {
    name: "Salford Youth Justice Service",
    frameworkVersion: "yjs-2021",
    fieldworkStart: new Date("2024-01-22T00:00:00Z"),
    year: 2024,
    status: "published",
    source: "published",
    overallRating: "Good",
    score: 22,
    standards: [
      { id: "2.1", rating: "Good" },
      { id: "2.2", rating: "Requires improvement" },
    ],
    keyQuestions: [
      { id: "2.1.1", percentYes: 79 },
      { id: "2.2.3", percentYes: 46 },
    ],
  },
  {
    // A name someone typed to start a formula: the CSV must show it as text.
    name: '=HYPERLINK("http://evil.example","Click"), Ltd',
    frameworkVersion: "yjs-2018",
    fieldworkStart: "2019-03-04",
    year: 2019,
    status: "fieldwork",
    source: "live",
    overallRating: null,
    score: null,
    standards: [{ id: "3.4", rating: null }],
    keyQuestions: [],
  },
];

const csv = (table: Parameters<typeof programmeCsv>[0]) => [...programmeCsv(table, rows)].join("");

describe("programme CSV files", () => {
  it("one row per inspection, a byte order mark first, RFC 4180 lines", () => {
    const text = csv("inspections");
    expect(text.startsWith("\uFEFFinspection,source,framework_version,fieldwork_start,year,status,overall_rating,score\r\n")).toBe(true);
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[1]).toBe("Salford Youth Justice Service,published,yjs-2021,2024-01-22,2024,published,Good,22");
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil.example"",""Click""), Ltd",live,yjs-2018,2019-03-04,2019,fieldwork,,`);
    expect(lines).toHaveLength(4);
  });

  it("one row per standard and per key question, with the framework version's wording", () => {
    const standards = csv("standardRatings").split("\r\n");
    expect(standards[1]).toBe("Salford Youth Justice Service,published,yjs-2021,2024-01-22,2024,published,2.1,Assessment,Good");
    expect(standards[3]).toMatch(/^"'=HYPERLINK.*,yjs-2018,2019-03-04,2019,fieldwork,3\.4,Joint working,$/);
    const keyQuestions = csv("keyQuestions").split("\r\n");
    expect(keyQuestions[0]).toBe("\uFEFFinspection,source,framework_version,fieldwork_start,year,status,question_id,question_text,percent_yes");
    expect(keyQuestions[2]).toBe("Salford Youth Justice Service,published,yjs-2021,2024-01-22,2024,published,2.2.3,Does planning focus sufficiently on keeping other people safe?,46");
    expect(keyQuestions).toHaveLength(4);
  });

  it("offers each table and the workbook by file name, and nothing else", () => {
    expect(PROGRAMME_FILES.map((f) => f.name)).toEqual(["programme.xlsx", "inspections.csv", "standard-ratings.csv", "key-questions.csv"]);
    expect(programmeFile("key-questions.csv")?.table).toBe("keyQuestions");
    expect(programmeFile("../etc/passwd")).toBeUndefined();
  });
});

describe("programme workbook", () => {
  it("holds the three tables as sheets, then a codebook naming the filters", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on("end", resolve));
    await writeProgrammeXlsx(rows, { filters: "framework version yjs-2021", exportedOn: new Date("2026-12-02T04:00:00Z") }, out);
    await ended;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Inspections", "Standard ratings", "Key questions", "Codebook"]);
    const inspections = workbook.getWorksheet("Inspections") as ExcelJS.Worksheet;
    expect((inspections.getRow(2).values as unknown[]).slice(1)).toEqual(["Salford Youth Justice Service", "published", "yjs-2021", "2024-01-22", 2024, "published", "Good", 22]);
    expect(inspections.rowCount).toBe(3);
    expect((workbook.getWorksheet("Key questions") as ExcelJS.Worksheet).getRow(3).getCell(9).value).toBe(46);
    expect(String((workbook.getWorksheet("Codebook") as ExcelJS.Worksheet).getRow(1).getCell(3).value)).toBe("Exported on 2026-12-02; framework version yjs-2021.");
  });
});
