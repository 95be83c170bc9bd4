import { describe, expect, it } from "vitest";
import type { QueuedChange } from "./idb";
import { backoffMs, foldMine, overlay } from "./outbox-logic";

const change = (seq: number, questionId: string, to: Record<string, string | null>): QueuedChange => ({
  seq,
  changeId: `c${seq}`,
  userId: "u",
  caseId: "k",
  target: "answer",
  questionId,
  baseVersion: 1,
  from: {},
  to,
  createdAt: seq,
});

describe("outbox logic", () => {
  it("shows unconfirmed changes over the server's values, in the order they were made", () => {
    const server = { answers: { "2.1.1": { value: "yes", rationale: "" } }, caseFields: { overallNotes: "" } };
    const result = overlay(server, [change(2, "2.1.1", { rationale: "AB" }), change(1, "2.1.1", { rationale: "A" }), change(3, "2.1.2", { value: "no" })], []);
    expect(result.answers).toEqual({ "2.1.1": { value: "yes", rationale: "AB" }, "2.1.2": { value: "no" } });
    expect(server.answers["2.1.1"].rationale).toBe("");
  });

  it("folds a conflicted answer's pending changes into one 'mine', latest last", () => {
    expect(foldMine([change(5, "2.1.1", { rationale: "ABC" }), change(4, "2.1.1", { value: "no", rationale: "AB" })], { value: "yes" })).toEqual({
      value: "no",
      rationale: "ABC",
    });
  });

  it("backs off 1, 2, 4 … seconds up to 30", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
