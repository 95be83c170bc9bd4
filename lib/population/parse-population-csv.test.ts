import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CLASSIFICATIONS, DISPOSAL_TYPES, GENDERS, STREAMS } from "@/lib/framework/case-attributes";
import { POPULATION_COLUMN_NAMES, POPULATION_COLUMNS, populationCsvTemplate } from "./columns";
import { MAX_REPORTED_ERRORS, parsePopulationCsv, type PopulationCsvResult } from "./parse-population-csv";

const HEADER = POPULATION_COLUMN_NAMES.join(",");

function csv(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}

function rowsOf(result: PopulationCsvResult) {
  if (!result.ok) throw new Error(JSON.stringify(result, null, 2));
  return result.rows;
}

function failureOf(result: PopulationCsvResult) {
  if (result.ok) throw new Error("expected the file to be refused");
  return result;
}

const SALFORD_LIKE = csv(
  HEADER,
  "YJ-2023-0141,court,referral_order,2023-03-14,male,WBRI,15,low,medium,CM07",
  "YJ-2023-0178,out_of_court,youth_conditional_caution,21/06/2023,female,,14,medium,high,",
  'YJ/2023/0201,Resettlement,Detention and training order,2023-09-01,Male,"Mixed, White and Black Caribbean",17,High,Very high,J.S.',
  "yj_2023_0311,OUT-OF-COURT DISPOSAL,Community resolution,1/2/2023,F,BCRB,12,LOW,low,ab12",
);

describe("parsePopulationCsv: valid files", () => {
  it("reads a realistic file with codes, labels, both date forms and optional blanks", () => {
    const rows = rowsOf(parsePopulationCsv(SALFORD_LIKE));
    expect(rows).toEqual([
      {
        reference: "YJ-2023-0141",
        stream: "court",
        disposalType: "referral_order",
        disposalDate: "2023-03-14",
        gender: "male",
        ethnicity: "WBRI",
        age: 15,
        rosh: "low",
        safetyWellbeing: "medium",
        caseManager: "CM07",
        sourceRow: 2,
      },
      {
        reference: "YJ-2023-0178",
        stream: "out_of_court",
        disposalType: "youth_conditional_caution",
        disposalDate: "2023-06-21",
        gender: "female",
        ethnicity: null,
        age: 14,
        rosh: "medium",
        safetyWellbeing: "high",
        caseManager: null,
        sourceRow: 3,
      },
      {
        reference: "YJ/2023/0201",
        stream: "resettlement",
        disposalType: "detention_and_training_order",
        disposalDate: "2023-09-01",
        gender: "male",
        ethnicity: "Mixed, White and Black Caribbean",
        age: 17,
        rosh: "high",
        safetyWellbeing: "very_high",
        caseManager: "J.S.",
        sourceRow: 4,
      },
      {
        reference: "yj_2023_0311",
        stream: "out_of_court",
        disposalType: "community_resolution",
        disposalDate: "2023-02-01",
        gender: "female",
        ethnicity: "BCRB",
        age: 12,
        rosh: "low",
        safetyWellbeing: "low",
        caseManager: "ab12",
        sourceRow: 5,
      },
    ]);
  });

  it("accepts the template as it is downloaded", () => {
    const template = populationCsvTemplate();
    expect(template.split("\r\n")[0]).toBe(HEADER);
    expect(rowsOf(parsePopulationCsv(template))).toHaveLength(2);
  });

  it("accepts an inspection's template under that inspection's windows: the examples' dates fall in them", () => {
    const window = { start: "2026-01-05", end: "2026-10-30" };
    const current = populationCsvTemplate({ court: window, out_of_court: window, resettlement: window });
    expect(rowsOf(parsePopulationCsv(current, { windowStart: window.start, windowEnd: window.end })).map((row) => row.stream)).toEqual(["court", "out_of_court", "resettlement"]);
    // yjs-2018: a window for each stream, three months apart.
    const streamWindows = { court: { start: "2026-02-02", end: "2026-05-01" }, out_of_court: { start: "2026-06-01", end: "2026-08-28" } };
    const rows = rowsOf(parsePopulationCsv(populationCsvTemplate(streamWindows), { streamWindows }));
    expect(rows.map((row) => [row.stream, row.disposalDate])).toEqual([
      ["court", "2026-03-18"],
      ["out_of_court", "2026-07-15"],
    ]);
  });

  it("handles a BOM, LF endings, header case/spacing/order, aliases and trailing blank lines (bytes in)", () => {
    const text =
      "\uFEFF Case Reference ,Stream,Disposal Type,Disposal Date,Gender,Age,RoSH,Safety and wellbeing\n" +
      "A-1,court,youth rehabilitation order,2023-05-05,other,16,medium,medium\n" +
      "\n" +
      "A-2,court,YRO,05/05/2023,male,17,low,high\n\n\n";
    const rows = rowsOf(parsePopulationCsv(new TextEncoder().encode(text)));
    expect(rows.map((r) => [r.reference, r.disposalType, r.sourceRow, r.ethnicity, r.caseManager])).toEqual([
      ["A-1", "youth_rehabilitation_order", 2, null, null],
      // Row 3 is blank; spreadsheets still number it, so the next case is row 4.
      ["A-2", "youth_rehabilitation_order", 4, null, null],
    ]);
  });

  it("reads quoted fields holding commas, line breaks and escaped quotes, and trailing empty columns", () => {
    const text = csv(
      `${HEADER},,`,
      '"B-1","court","referral_order","2023-04-01","male","Other ""any other"" group",15,"low","low","CM-1",,',
      'B-2,court,referral_order,2023-04-02,male,"White,\nBritish",15,low,low,,,',
    );
    const result = parsePopulationCsv(text);
    // A line break inside ethnicity is refused (control character); the quote handling is what is tested.
    const failure = failureOf(result);
    expect(failure.errors).toEqual([
      { row: 3, column: "ethnicity", message: "Row 3, ethnicity: contains a line break or control character." },
    ]);
    const fixed = parsePopulationCsv(text.replace("White,\nBritish", "White, British"));
    expect(rowsOf(fixed).map((r) => r.ethnicity)).toEqual(['Other "any other" group', "White, British"]);
  });

  it("accepts disposal dates on both edges of the eligibility window", () => {
    const text = csv(
      HEADER,
      "W-1,court,referral_order,2023-01-23,male,,15,low,low,",
      "W-2,court,referral_order,17/11/2023,male,,15,low,low,",
    );
    expect(rowsOf(parsePopulationCsv(text, { windowStart: "2023-01-23", windowEnd: "2023-11-17" }))).toHaveLength(2);
  });

  it("parses a 5,000-row file", () => {
    const lines = [HEADER];
    for (let i = 0; i < 5000; i++) {
      const stream = STREAMS[i % 3] ?? "court";
      const types = DISPOSAL_TYPES[stream];
      lines.push(
        [
          `YJ-${String(i).padStart(5, "0")}`,
          stream,
          types[i % types.length],
          `2023-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
          GENDERS[i % 3],
          i % 7 === 0 ? '"White, British"' : "",
          String(10 + (i % 9)),
          CLASSIFICATIONS[i % 4],
          CLASSIFICATIONS[(i >> 2) % 4],
          `CM${i % 40}`,
        ].join(","),
      );
    }
    const rows = rowsOf(parsePopulationCsv(csv(...lines)));
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toMatchObject({ reference: "YJ-04999", sourceRow: 5001, stream: "out_of_court", age: 10 + (4999 % 9) });
    expect(rows.filter((r) => r.ethnicity === "White, British")).toHaveLength(715);
  });
});

describe("parsePopulationCsv: row errors", () => {
  it("collects every problem on every row, naming the spreadsheet row and column without echoing values", () => {
    const text = csv(
      HEADER,
      "OK-1,court,referral_order,2023-03-14,male,,15,low,medium,",
      "Jo Bloggs,court,referral_order,2023-03-14,male,,15,low,medium,",
      "OK-2,crown court,referral_order,31/02/2023,boy,,9,severe,,Jane Smith",
      "OK-3,out_of_court,referral_order,2023-13-01,female,,15.5,low,low,",
      "OK-4,court,referral_order,March 2023,female,,19,low,low,",
      "X".repeat(41) + ",court,referral_order,2023-03-14,male,,15,low,low,",
      "OK#5,court,licence,2023-03-14,male,,15,low,low,",
    );
    const failure = failureOf(parsePopulationCsv(text));
    expect(failure.fileError).toBeUndefined();
    expect(failure.omittedErrorCount).toBe(0);
    expect(failure.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "reference"],
      [4, "stream"],
      [4, "disposal_date"],
      [4, "gender"],
      [4, "age"],
      [4, "rosh"],
      [4, "safety_wellbeing"],
      [4, "case_manager"],
      [5, "disposal_date"],
      [5, "age"],
      [6, "disposal_date"],
      [6, "age"],
      [7, "reference"],
      [8, "reference"],
    ]);
    const messages = failure.errors.map((e) => e.message);
    expect(messages[0]).toBe("Row 3, reference: must be the pseudonymous case reference, without spaces. Never upload a child's name.");
    expect(messages).toContain("Row 4, disposal_date: is not a real date; check the day and the month.");
    expect(messages).toContain("Row 4, gender: is not a recognised gender; use one of male, female, other.");
    expect(messages).toContain("Row 4, age: must be a whole number of years from 10 to 18.");
    expect(messages).toContain("Row 4, safety_wellbeing: is empty; every case needs a value here.");
    expect(messages).toContain("Row 6, disposal_date: must be a date written YYYY-MM-DD or DD/MM/YYYY.");
    for (const secret of ["Jo Bloggs", "Jane Smith", "crown", "severe", "boy"]) {
      expect(messages.join("\n")).not.toContain(secret);
    }
  });

  it("refuses a name in every free-text column, ethnicity included, and accepts ethnicity codes and descriptions", () => {
    const row = (reference: string, ethnicity: string, caseManager: string) => `${reference},court,referral_order,2023-03-14,male,"${ethnicity}",15,low,low,${caseManager}`;
    const text = csv(HEADER, row("Jo Bloggs", "WBRI", ""), row("R-2", "Jo Bloggs", ""), row("R-3", "bloggs", ""), row("R-4", "", "Sam Carter"));
    const failure = failureOf(parsePopulationCsv(text));
    expect(failure.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "reference"],
      [3, "ethnicity"],
      [4, "ethnicity"],
      [5, "case_manager"],
    ]);
    expect(failure.errors[1]?.message).toBe(
      "Row 3, ethnicity: must be the YJS's ethnicity code (like WBRI) or an ethnic group description (like White British). Never upload a child's name.",
    );
    const accepted = ["WBRI", "E3", "White British", "Mixed - White and Black Caribbean", "Any other ethnic group", "Gypsy/Roma", "Not known", "Asian or Asian British: Indian"];
    const rows = rowsOf(parsePopulationCsv(csv(HEADER, ...accepted.map((ethnicity, i) => row(`R-${i}`, ethnicity, "")))));
    expect(rows.map((r) => r.ethnicity)).toEqual(accepted);
  });

  it("checks the disposal type against the row's stream", () => {
    const text = csv(HEADER, "R-1,out_of_court,referral_order,2023-03-14,male,,15,low,low,", "R-2,resettlement,licence,2023-03-14,male,,15,low,low,");
    const failure = failureOf(parsePopulationCsv(text));
    expect(failure.errors).toEqual([
      {
        row: 2,
        column: "disposal_type",
        message: `Row 2, disposal_type: is not a disposal type of the out_of_court stream; use one of ${DISPOSAL_TYPES.out_of_court.join(", ")}.`,
      },
    ]);
  });

  it("refuses duplicate references within the file, whatever their case", () => {
    const text = csv(
      HEADER,
      "D-1,court,referral_order,2023-03-14,male,,15,low,low,",
      "D-2,court,referral_order,2023-03-14,male,,15,low,low,",
      "d-1,court,referral_order,2023-03-15,female,,16,low,low,",
      "D-2,court,referral_order,2023-03-14,male,,15,low,low,",
    );
    expect(failureOf(parsePopulationCsv(text)).errors).toEqual([
      { row: 4, column: "reference", message: "Row 4, reference: the same reference is already on row 2; list each case once." },
      { row: 5, column: "reference", message: "Row 5, reference: the same reference is already on row 3; list each case once." },
    ]);
  });

  it("refuses disposal dates outside the eligibility window (S1: 2023-01-23 to 2023-11-17)", () => {
    const text = csv(
      HEADER,
      "E-1,court,referral_order,2023-01-22,male,,15,low,low,",
      "E-2,court,referral_order,2023-06-01,male,,15,low,low,",
      "E-3,court,referral_order,18/11/2023,male,,15,low,low,",
    );
    const failure = failureOf(parsePopulationCsv(text, { windowStart: "2023-01-23", windowEnd: "2023-11-17" }));
    expect(failure.errors).toEqual([
      { row: 2, column: "disposal_date", message: "Row 2, disposal_date: is before the eligibility window, which starts on 2023-01-23." },
      { row: 4, column: "disposal_date", message: "Row 4, disposal_date: is after the eligibility window, which ends on 2023-11-17." },
    ]);
    expect(() => parsePopulationCsv(text, { windowStart: "2023-02-30" })).toThrow(RangeError);
  });

  it("judges each row against its own stream's window when the streams have windows of their own (yjs-2018)", () => {
    // Fieldwork 2024-01-22: court 2023-04-22 to 2023-07-22, out-of-court 2023-08-22 to 2023-10-22.
    const streamWindows = { court: { start: "2023-04-22", end: "2023-07-22" }, out_of_court: { start: "2023-08-22", end: "2023-10-22" } };
    const text = csv(
      HEADER,
      "S-1,court,referral_order,2023-04-22,male,,15,low,low,",
      "S-2,court,referral_order,2023-09-01,male,,15,low,low,",
      "S-3,out_of_court,youth_caution,2023-10-22,male,,15,low,low,",
      "S-4,out_of_court,youth_caution,2023-07-01,male,,15,low,low,",
      "S-5,court,referral_order,2023-04-21,male,,15,low,low,",
    );
    expect(failureOf(parsePopulationCsv(text, { streamWindows })).errors).toEqual([
      { row: 3, column: "disposal_date", message: "Row 3, disposal_date: is after the court disposal eligibility window, which ends on 2023-07-22." },
      {
        row: 5,
        column: "disposal_date",
        message: "Row 5, disposal_date: is before the out-of-court disposal eligibility window, which starts on 2023-08-22.",
      },
      { row: 6, column: "disposal_date", message: "Row 6, disposal_date: is before the court disposal eligibility window, which starts on 2023-04-22." },
    ]);
    // A stream named with no window is not date-checked; a stream window overrides the general one.
    const open = parsePopulationCsv(text, { windowStart: "2023-01-01", windowEnd: "2023-12-31", streamWindows: { court: null } });
    expect(rowsOf(open)).toHaveLength(5);
    expect(() => parsePopulationCsv(text, { streamWindows: { court: { start: "2023-05-01", end: "2023-04-01" } } })).toThrow(RangeError);
  });

  it("reports rows with too many or too few values", () => {
    const text = csv(HEADER, "F-1,court,referral_order,2023-03-14,male,White, British,15,low,low,CM1", "F-2,court,referral_order");
    expect(failureOf(parsePopulationCsv(text)).errors).toEqual([
      {
        row: 2,
        column: null,
        message: "Row 2: has more values than there are columns (10). A value with a comma in it must be in quotes.",
      },
      { row: 3, column: null, message: "Row 3: has 3 values but there are 10 columns." },
    ]);
  });

  it("hints at an unquoted comma when a row with an empty extra value fails", () => {
    // Case manager blank, so the shifted row ends in an empty extra value, which alone is allowed.
    const text = csv(HEADER, "F-1,court,referral_order,2023-03-14,male,White, British,15,low,low,");
    expect(failureOf(parsePopulationCsv(text)).errors.map((e) => [e.column, e.message])).toEqual([
      [null, "Row 2: has more values than there are columns (10). A value with a comma in it must be in quotes."],
      ["age", "Row 2, age: must be a whole number of years from 10 to 18."],
      ["rosh", "Row 2, rosh: is not a recognised risk of serious harm classification; use one of low, medium, high, very_high."],
    ]);
  });

  it(`lists at most ${MAX_REPORTED_ERRORS} errors and counts the rest`, () => {
    const lines = [HEADER];
    for (let i = 0; i < 300; i++) lines.push(`G-${i},court,referral_order,2023-03-14,male,,99,unknown,low,`);
    const failure = failureOf(parsePopulationCsv(csv(...lines)));
    expect(failure.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(failure.omittedErrorCount).toBe(100);
    expect(failure.errors[0]?.row).toBe(2);
  });
});

describe("parsePopulationCsv: file errors", () => {
  const refused = (input: string | Uint8Array, options = {}): string => failureOf(parsePopulationCsv(input, options)).fileError ?? "";

  it("refuses an empty file, whitespace only, or a header with no cases", () => {
    expect(refused("")).toMatch(/empty/);
    expect(refused("\uFEFF \r\n\r\n")).toMatch(/empty/);
    expect(refused(new Uint8Array())).toMatch(/empty/);
    expect(refused(csv(HEADER, "", ",,,,,,,,,"))).toMatch(/no cases/);
  });

  it("refuses binary files: NUL bytes, an xlsx (zip) header, invalid UTF-8", () => {
    expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toMatch(/Excel workbook/);
    // "Unicode text" saved by Excel is UTF-16LE: every ASCII character is followed by a NUL byte.
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...HEADER].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(refused(utf16)).toMatch(/not a text CSV/);
    // "Café" saved as Windows-1252: 0xE9 is not valid UTF-8.
    expect(refused(new Uint8Array([...new TextEncoder().encode(HEADER + "\nA,"), 0x43, 0x61, 0x66, 0xe9]))).toMatch(/not UTF-8/);
    expect(refused("a\u0000b")).toMatch(/not a text CSV/);
    expect(refused("ref\uD800x")).toMatch(/encoding/);
  });

  it("refuses files over the size limit, counting bytes not characters", () => {
    expect(refused("x".repeat(101), { maxBytes: 100 })).toMatch(/larger than 1 KB/);
    expect(refused("é".repeat(60), { maxBytes: 100 })).toMatch(/larger than/);
    expect(refused(new Uint8Array(101).fill(0x41), { maxBytes: 100 })).toMatch(/larger than/);
    expect(refused("x", { maxBytes: 0 })).toMatch(/larger than/);
    expect(parsePopulationCsv(SALFORD_LIKE, { maxBytes: SALFORD_LIKE.length + 10 }).ok).toBe(true);
  });

  it("refuses more cases than the row limit", () => {
    expect(refused(SALFORD_LIKE, { maxRows: 3 })).toBe("The file has 4 cases; the limit is 3.");
    expect(parsePopulationCsv(SALFORD_LIKE, { maxRows: 4 }).ok).toBe(true);
  });

  it("names missing, unknown and repeated columns", () => {
    const missing = refused(csv("reference,stream,disposal_type,disposal_date,gender,age", "A,court,referral_order,2023-01-30,male,15"));
    expect(missing).toMatch(/^Missing columns: rosh, safety_wellbeing\./);
    const unknown = refused(csv(`${HEADER},Name,Date of birth`, "A,court,referral_order,2023-01-30,male,,15,low,low,,x,y"));
    expect(unknown).toMatch(/^Unknown columns: "Name" \(column K\), "Date of birth" \(column L\)\./);
    const repeated = refused(csv(`${HEADER},rosh`, "A,court,referral_order,2023-01-30,male,,15,low,low,,low"));
    expect(repeated).toMatch(/rosh \(columns H and K\)/);
  });

  it("says the header is missing, without quoting the first row back, when no column is recognised", () => {
    const message = refused(csv("Jo Bloggs,court,referral_order,2023-03-14,male,,15,low,low,"));
    expect(message).toMatch(/^The first row must be the column headings/);
    expect(message).not.toContain("Bloggs");
  });

  it("reports broken quoting with the row", () => {
    expect(refused(csv(HEADER, 'A-1,court,referral_order,2023-03-14,male,"White,15,low,low,'))).toMatch(/^Row 2: a quoted value is never closed/);
  });
});

describe("parsePopulationCsv: never throws", () => {
  const header = fc.constantFrom(HEADER, HEADER.toUpperCase(), POPULATION_COLUMNS.map((c) => c.name).reverse().join(","));
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom(...STREAMS, ...GENDERS, ...CLASSIFICATIONS, ...DISPOSAL_TYPES.court, "2023-02-29", "31/12/2023", '"', '""', ",", "\r\n"),
  );
  const isResult = (result: PopulationCsvResult): boolean =>
    result.ok ? Array.isArray(result.rows) : Array.isArray(result.errors) && (result.errors.length > 0 || result.fileError !== undefined);

  it("arbitrary strings give a result object", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        expect(isResult(parsePopulationCsv(text))).toBe(true);
      }), {
      numRuns: 500,
    });
  });

  it("arbitrary bytes give a result object", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(isResult(parsePopulationCsv(bytes))).toBe(true);
      }), {
      numRuns: 500,
    });
  });

  it("CSV-shaped noise under a real header gives a result object", () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 20 }), (head, table) => {
        const text = [head, ...table.map((row) => row.join(","))].join("\n");
        expect(isResult(parsePopulationCsv(text, { windowStart: "2023-01-01", windowEnd: "2023-12-31" }))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
