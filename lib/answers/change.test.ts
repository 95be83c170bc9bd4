import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeBatchSchema, mergeChange } from "./change";
import { flattenAnswerFields, storedAnswerFlat, unflattenAnswerFields } from "./flat-fields";

describe("mergeChange", () => {
  const stored = { value: "yes", rationale: "Theirs", naReason: null };

  it("applies a change made on the stored version, whatever its from", () => {
    expect(mergeChange(stored, 3, { baseVersion: 3, from: { value: "no" }, to: { value: "na" } })).toEqual({
      kind: "apply",
      updates: { value: "na" },
      before: { value: "yes" },
    });
  });

  it("applies a stale change when its fields still hold the values it started from", () => {
    expect(mergeChange(stored, 5, { baseVersion: 3, from: { naReason: null }, to: { naReason: "Case closed early" } })).toMatchObject({ kind: "apply" });
  });

  it("is a conflict when someone else changed the same field to something else", () => {
    expect(mergeChange(stored, 5, { baseVersion: 3, from: { rationale: "Mine before" }, to: { rationale: "Mine after" } })).toEqual({
      kind: "conflict",
      fields: ["rationale"],
    });
  });

  it("is no conflict when both wrote the same value", () => {
    expect(mergeChange(stored, 5, { baseVersion: 3, from: { value: null }, to: { value: "yes" } })).toEqual({ kind: "unchanged" });
  });

  it("treats a missing from on a stale change as unknown (conflict), never as agreement", () => {
    expect(mergeChange(stored, 5, { baseVersion: 3, from: {}, to: { value: "no" } })).toEqual({ kind: "conflict", fields: ["value"] });
  });

  it("never loses a value: after apply, every field of `to` holds its new value (property)", () => {
    const value = fc.constantFrom("yes", "no", "na", null);
    fc.assert(
      fc.property(value, value, value, fc.nat(5), fc.nat(5), (storedValue, from, to, sv, bv) => {
        const outcome = mergeChange({ value: storedValue }, sv, { baseVersion: bv, from: { value: from }, to: { value: to } });
        if (outcome.kind === "apply") expect({ value: storedValue, ...outcome.updates }.value).toBe(to);
        if (outcome.kind === "unchanged") expect(storedValue).toBe(to);
        if (outcome.kind === "conflict") expect(sv !== bv && storedValue !== from && storedValue !== to).toBe(true);
      }),
    );
  });
});

describe("flat answer fields", () => {
  it("round-trips prompt marks one prompt at a time", () => {
    const fields = { value: "no" as const, rationale: "x", promptMarks: { "0": "met" as const, "3": null } };
    expect(flattenAnswerFields(fields)).toEqual({ value: "no", rationale: "x", "prompt.0": "met", "prompt.3": null });
    expect(unflattenAnswerFields(flattenAnswerFields(fields))).toEqual(fields);
  });

  it("reads stored prompt marks, ignoring anything that is not a mark", () => {
    expect(storedAnswerFlat({ value: null, naReason: null, rationale: "", promptMarks: { "1": "not_met", "2": "junk" } })).toEqual({
      value: null,
      naReason: null,
      rationale: "",
      "prompt.1": "not_met",
    });
  });
});

describe("changeBatchSchema", () => {
  const change = { changeId: "0b6a1c9e-8a34-4c1e-9d4f-2a8c2f7d9e10", target: "answer", questionId: "2.1.1", baseVersion: 0, from: {}, to: { value: "yes" } };
  it("accepts a well-formed batch", () => {
    expect(changeBatchSchema.safeParse({ changes: [change] }).success).toBe(true);
  });
  it("refuses unknown fields, bad ids, bad values and bad dates", () => {
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, to: { score: 3 } }] }).success).toBe(false);
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, changeId: "1" }] }).success).toBe(false);
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, to: { value: "maybe" } }] }).success).toBe(false);
    const caseChange = { changeId: change.changeId, target: "case", baseVersion: 1, from: {}, to: { caseManagerInterviewDate: "2026-02-30" } };
    expect(changeBatchSchema.safeParse({ changes: [caseChange] }).success).toBe(false);
  });
});
