import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv, toCsvField } from "./csv";

function fieldsOf(text: string): string[][] {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((record) => record.fields);
}

describe("parseCsv", () => {
  it("reads plain records with LF, CRLF and bare CR", () => {
    expect(fieldsOf("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads quoted fields with commas, line breaks and doubled quotes", () => {
    expect(fieldsOf('ref,note\nA1,"White, British"\nA2,"two\r\nlines"\nA3,"say ""hi"""\n')).toEqual([
      ["ref", "note"],
      ["A1", "White, British"],
      ["A2", "two\r\nlines"],
      ["A3", 'say "hi"'],
    ]);
  });

  it("numbers records as spreadsheet rows, counting blank lines", () => {
    const result = parseCsv('h\n"multi\nline"\n\nlast\n\n');
    expect(result.ok && result.records.map((r) => [r.row, r.fields])).toEqual([
      [1, ["h"]],
      [2, ["multi\nline"]],
      [3, [""]],
      [4, ["last"]],
      [5, [""]],
    ]);
  });

  it("keeps empty fields and an empty quoted last field", () => {
    expect(fieldsOf('a,,c\n,,\n""')).toEqual([["a", "", "c"], ["", "", ""], [""]]);
  });

  it("tolerates spaces around quoted fields and quotes inside unquoted ones", () => {
    expect(fieldsOf(' "a" , b"c\n')).toEqual([["a", ' b"c']]);
  });

  it("reports an unclosed quote and text after a closing quote with the row", () => {
    expect(parseCsv('a\nb\n"never closed\nc')).toMatchObject({ ok: false, row: 3 });
    expect(parseCsv('a\n"x"y,z')).toMatchObject({ ok: false, row: 2 });
  });

  it("round-trips any table written with toCsvField (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        (table) => {
          const text = table.map((row) => row.map(toCsvField).join(",")).join("\r\n");
          expect(fieldsOf(text)).toEqual(table);
        },
      ),
    );
  });
});
