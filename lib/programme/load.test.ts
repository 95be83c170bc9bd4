import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { parse } from "@/lib/validation";
import { programmeFiltersSchema, programmeScope } from "./load";

describe("the programme's filters", () => {
  it("take a URL's strings, empty meaning no filter", () => {
    expect(parse(programmeFiltersSchema, { year: "2024", frameworkVersion: "yjs-2018", status: "published" })).toEqual({
      year: 2024,
      frameworkVersion: "yjs-2018",
      status: "published",
    });
    expect(parse(programmeFiltersSchema, { year: "", frameworkVersion: "", status: "" })).toEqual({});
    expect(parse(programmeFiltersSchema, {})).toEqual({});
  });

  it("refuse a value that is not one of the choices, naming the filter", () => {
    const refusal = (input: unknown) => {
      try {
        parse(programmeFiltersSchema, input);
      } catch (error) {
        return (error as { fieldErrors: unknown }).fieldErrors;
      }
      throw new Error("accepted");
    };
    expect(refusal({ year: "2024.5" })).toEqual({ year: "Choose a year" });
    expect(refusal({ year: "1999" })).toEqual({ year: "Choose a year from 2000" });
    expect(refusal({ frameworkVersion: "yjs-2030" })).toEqual({ frameworkVersion: "Choose a framework version" });
    expect(refusal({ status: "closed" })).toEqual({ status: "Choose a status" });
  });
});

describe("who sees which inspections in the programme", () => {
  it("follows the permission table: managers and admins all, leads and inspectors their teams', nobody else", () => {
    expect(programmeScope({ id: "u", role: "manager" })).toBe("all");
    expect(programmeScope({ id: "u", role: "admin" })).toBe("all");
    expect(programmeScope({ id: "u", role: "lead_inspector" })).toBe("own");
    expect(programmeScope({ id: "u", role: "inspector" })).toBe("own");
    expect(() => programmeScope({ id: "u", role: "quality_assurer" })).toThrow(ForbiddenError);
  });
});
