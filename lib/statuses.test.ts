import { describe, expect, it } from "vitest";
import { CASE_STATUSES, INSPECTION_STATUSES, caseStatusOf, inspectionStatusOf, isCaseStatus } from "./statuses";

describe("statuses read from plain SQL", () => {
  it("takes every status the database has, and nothing else", () => {
    for (const status of CASE_STATUSES) expect(caseStatusOf(status)).toBe(status);
    for (const status of INSPECTION_STATUSES) expect(inspectionStatusOf(status)).toBe(status);
    expect(() => caseStatusOf("signed_off")).toThrow('Unknown case status "signed_off"');
    expect(() => inspectionStatusOf("approved")).toThrow('Unknown inspection status "approved"');
    expect(isCaseStatus("Approved")).toBe(false);
  });
});
