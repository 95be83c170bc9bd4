// A small RFC 4180 CSV reader (no dependency needed for one file format).
//
// Follows RFC 4180 — comma separator, fields optionally in double quotes, "" for a quote inside a
// quoted field, commas and line breaks allowed inside quotes — and is lenient where spreadsheets
// are: CRLF, LF or a bare CR ends a record; a final line break does not start an empty record;
// spaces around a quoted field are ignored; a quote inside an unquoted field is kept as text.
// Anything else after a closing quote, or a quote never closed, is an error, because guessing would
// silently shift values into the wrong columns.

export interface CsvRecord {
  fields: string[];
  /** 1-based record number: the row a spreadsheet shows it on. */
  row: number;
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; row: number; message: string };

export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let fieldWasQuoted = false;
  let index = 0;
  const length = text.length;

  const endField = (): void => {
    fields.push(field);
    field = "";
    fieldWasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    records.push({ fields, row: records.length + 1 });
    fields = [];
  };

  while (index < length) {
    const char = text[index];
    if (char === ",") {
      endField();
      index += 1;
    } else if (char === "\n" || char === "\r") {
      endRecord();
      index += char === "\r" && text[index + 1] === "\n" ? 2 : 1;
    } else if (fieldWasQuoted) {
      if (char === " " || char === "\t") {
        index += 1;
      } else {
        return {
          ok: false,
          row: records.length + 1,
          message: `Row ${records.length + 1}: there is text after a closing quote. Put the whole value in quotes and write a quote inside it as two quotes ("").`,
        };
      }
    } else if (char === '"' && field.trim() === "") {
      // Opening quote: read to the closing quote, turning "" into ".
      const startRow = records.length + 1;
      field = "";
      index += 1;
      for (;;) {
        const quoteAt = text.indexOf('"', index);
        if (quoteAt === -1) {
          return {
            ok: false,
            row: startRow,
            message: `Row ${startRow}: a quoted value is never closed, so the rest of the file would be read as one value. Check for a missing quote (").`,
          };
        }
        field += text.slice(index, quoteAt);
        if (text[quoteAt + 1] === '"') {
          field += '"';
          index = quoteAt + 2;
        } else {
          index = quoteAt + 1;
          break;
        }
      }
      fieldWasQuoted = true;
    } else if ((char === " " || char === "\t") && field.trim() === "") {
      // Leading spaces one at a time, so an opening quote after them is still seen as one.
      field += char;
      index += 1;
    } else {
      // Unquoted run up to the next separator or line break, taken in one slice for speed.
      let end = index;
      while (end < length) {
        const c = text[end];
        if (c === "," || c === "\n" || c === "\r") break;
        end += 1;
      }
      field += text.slice(index, end);
      index = end;
    }
  }
  if (field !== "" || fieldWasQuoted || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** One value quoted only when it has to be, for writing CSV. */
export function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}
