import { describe, expect, it } from "vitest";
import { parseProgrammeQuery, programmeSearch, sortInspections, type SortableInspection } from "./query";
import type { ProgrammeStatus } from "@/lib/statuses";

describe("parseProgrammeQuery", () => {
  it("reads every filter and the sort", () => {
    expect(parseProgrammeQuery({ year: "2024", framework: "yjs-2021", status: "signed_off", sort: "score", order: "desc" })).toEqual({
      query: { year: 2024, framework: "yjs-2021", status: "signed_off", sort: "score", order: "desc" },
      errors: {},
    });
  });

  it("sorts by most recent fieldwork when the URL says nothing, and ascending when only a column is named", () => {
    expect(parseProgrammeQuery({}).query).toEqual({ sort: "fieldworkStart", order: "desc" });
    expect(parseProgrammeQuery({ sort: "name" }).query).toEqual({ sort: "name", order: "asc" });
  });

  it("reports each value it does not understand beside its field, and keeps the others", () => {
    const parsed = parseProgrammeQuery({ year: "24", framework: "yjs-1999", status: "closed", sort: "password", order: "up", extra: "x" });
    expect(parsed.query).toEqual({ sort: "fieldworkStart", order: "desc" });
    expect(parsed.errors).toEqual({
      year: "Enter the year as four digits, for example 2024",
      framework: "Choose a framework version from the list",
      status: "Choose a status from the list",
      sort: "Sort by one of the table's columns",
      order: "Sort in ascending or descending order",
    });
    expect(parseProgrammeQuery({ year: "1066", status: "panel" })).toEqual({
      query: { status: "panel", sort: "fieldworkStart", order: "desc" },
      errors: { year: "Choose a year from 2000 to 2100" },
    });
  });

  it("takes the first of a repeated parameter and treats an empty one as not given", () => {
    expect(parseProgrammeQuery({ year: ["2023", "2024"], status: "" })).toEqual({ query: { year: 2023, sort: "fieldworkStart", order: "desc" }, errors: {} });
  });

  it("round-trips through programmeSearch, leaving the default sort out of the URL", () => {
    const { query } = parseProgrammeQuery({ year: "2023", framework: "yjs-2018" });
    expect(programmeSearch(query)).toBe("?year=2023&framework=yjs-2018");
    expect(programmeSearch(query, { sort: "score", order: "asc" })).toBe("?year=2023&framework=yjs-2018&sort=score&order=asc");
    const search = new URLSearchParams(programmeSearch(query, { sort: "overallRating", order: "desc" }));
    expect(parseProgrammeQuery(Object.fromEntries(search)).query).toEqual({ ...query, sort: "overallRating", order: "desc" });
  });
});

describe("sortInspections", () => {
  const row = (name: string, score: number | null, overallRating: string | null, fieldworkStart: string, status: ProgrammeStatus = "signed_off"): SortableInspection => ({
    name,
    frameworkVersion: "yjs-2021",
    fieldworkStart: new Date(fieldworkStart),
    status,
    overallRating,
    score,
  });
  const rows = [
    row("Salford", 22, "Good", "2024-01-22"),
    row("Ashby", null, null, "2026-11-23", "fieldwork"),
    row("Bury", 8, "Inadequate", "2023-05-01"),
    row("Croft", 22, "Good", "2022-09-12"),
    row("Dale", 31, "Outstanding", "2025-02-03", "published"),
  ];
  const names = (sorted: SortableInspection[]) => sorted.map((r) => r.name);

  it("sorts scores either way, ties by name, and inspections not rated yet last in both directions", () => {
    expect(names(sortInspections(rows, "score", "asc"))).toEqual(["Bury", "Croft", "Salford", "Dale", "Ashby"]);
    expect(names(sortInspections(rows, "score", "desc"))).toEqual(["Dale", "Croft", "Salford", "Bury", "Ashby"]);
  });

  it("orders ratings from Inadequate to Outstanding ascending", () => {
    expect(names(sortInspections(rows, "overallRating", "asc"))).toEqual(["Bury", "Croft", "Salford", "Dale", "Ashby"]);
    expect(names(sortInspections(rows, "overallRating", "desc"))).toEqual(["Dale", "Croft", "Salford", "Bury", "Ashby"]);
  });

  it("orders dates, names and statuses (by stage, set-up first)", () => {
    expect(names(sortInspections(rows, "fieldworkStart", "desc"))).toEqual(["Ashby", "Dale", "Salford", "Bury", "Croft"]);
    expect(names(sortInspections(rows, "name", "desc"))).toEqual(["Salford", "Dale", "Croft", "Bury", "Ashby"]);
    expect(names(sortInspections(rows, "status", "asc"))).toEqual(["Ashby", "Bury", "Croft", "Salford", "Dale"]);
  });

  it("leaves the input as it was", () => {
    const before = names(rows);
    sortInspections(rows, "score", "desc");
    expect(names(rows)).toEqual(before);
  });
});
