import { describe, expect, it } from "vitest";
import { POPULATION_COLUMN_NAMES, POPULATION_COLUMNS, populationCsvTemplate } from "./columns";
import { parseCsv } from "./csv";

describe("POPULATION_COLUMNS", () => {
  it("describes every column once, in file order, with only ethnicity and case_manager optional", () => {
    expect(POPULATION_COLUMNS.map((column) => column.name)).toEqual([...POPULATION_COLUMN_NAMES]);
    expect(POPULATION_COLUMNS.every((column) => column.description.length > 20)).toBe(true);
    expect(POPULATION_COLUMNS.filter((column) => !column.required).map((column) => column.name)).toEqual(["ethnicity", "case_manager"]);
  });

  it("the template is a header and two example rows of the same width", () => {
    const parsed = parseCsv(populationCsvTemplate());
    expect(parsed.ok && parsed.records.map((record) => record.fields.length)).toEqual([10, 10, 10]);
    expect(parsed.ok && parsed.records[0]?.fields).toEqual([...POPULATION_COLUMN_NAMES]);
  });
});
