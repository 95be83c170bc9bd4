import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeBatchSchema, mergeChange } from "./change";
import { promptIndexOf, promptKey, storedAnswerFlat } from "@/lib/flat-fields";

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
  it("reads stored prompt marks, ignoring anything that is not a mark", () => {
    expect(storedAnswerFlat({ value: null, naReason: null, rationale: "", promptMarks: { "1": "not_met", "2": "junk" } })).toEqual({
      value: null,
      naReason: null,
      rationale: "",
      "prompt.1": "not_met",
    });
  });

  it("names a prompt's mark by its index and reads the index back; other keys are not prompt marks", () => {
    expect(promptKey(0)).toBe("prompt.0");
    expect(promptIndexOf(promptKey(12))).toBe(12);
    for (const key of ["value", "rationale", "naReason", "promptMarks"]) expect(promptIndexOf(key)).toBeNull();
  });
});

describe("changeBatchSchema", () => {
  const change = { changeId: "0b6a1c9e-8a34-4c1e-9d4f-2a8c2f7d9e10", target: "answer", questionId: "2.1.1", baseVersion: 0, from: {}, to: { value: "yes" } };
  it("accepts a well-formed batch", () => {
    expect(changeBatchSchema.safeParse({ changes: [change] }).success).toBe(true);
  });
  it("takes an answer's fields as the flat map the browser holds, prompt marks one prompt at a time", () => {
    const to = { value: "no", rationale: "x", "prompt.0": "met", "prompt.3": null, "prompt.12": "not_met" };
    const parsed = changeBatchSchema.parse({ changes: [{ ...change, to }] });
    expect(parsed.changes[0]!.to).toEqual(to);
  });
  it("names what is wrong with an answer's flat map", () => {
    const problems = (to: unknown) => changeBatchSchema.safeParse({ changes: [{ ...change, to }] }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(problems({ score: "met" })).toEqual([["changes.0.to", 'Unrecognized key: "score"']]);
    expect(problems({ "prompt.01": "met" })).toEqual([["changes.0.to.prompt.01", "A prompt is numbered without leading zeros (0 to 99)"]]);
    expect(problems({ "prompt.100": "met" })).toEqual([["changes.0.to.prompt.100", "A prompt is numbered without leading zeros (0 to 99)"]]);
    expect(problems({ "prompt.1": "maybe" })).toEqual([["changes.0.to.prompt.1", expect.stringMatching(/met/)]]);
    expect(problems({ rationale: "x".repeat(20_001) })).toEqual([["changes.0.to.rationale", "Enter a rationale of at most 20000 characters"]]);
    // The nested shape of earlier releases is not taken: the outbox always held and now sends the flat map.
    expect(problems({ promptMarks: { "0": "met" } })).toEqual([["changes.0.to", 'Unrecognized key: "promptMarks"']]);
  });
  it("refuses unknown fields, bad ids, bad values and bad dates", () => {
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, to: { score: 3 } }] }).success).toBe(false);
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, changeId: "1" }] }).success).toBe(false);
    expect(changeBatchSchema.safeParse({ changes: [{ ...change, to: { value: "maybe" } }] }).success).toBe(false);
    const caseChange = { changeId: change.changeId, target: "case", baseVersion: 1, from: {}, to: { caseManagerInterviewDate: "2026-02-30" } };
    expect(changeBatchSchema.safeParse({ changes: [caseChange] }).success).toBe(false);
  });
});
