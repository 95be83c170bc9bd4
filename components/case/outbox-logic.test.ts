import { describe, expect, it } from "vitest";
import type { QueuedChange } from "./idb";
import { backoffMs, foldMine, overlay, remoteUpdates } from "./outbox-logic";

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

describe("remote updates", () => {
  const shown = { answers: { "2.1.1": { value: null, rationale: "" }, "2.1.2": { value: "yes", rationale: "" } }, caseFields: { overallNotes: "" } };
  const stored = (answers: Record<string, { version: number; value: string | null }>, caseVersion = 1) => ({
    caseVersion,
    caseFields: { overallNotes: "" },
    answers: Object.fromEntries(
      Object.entries(answers).map(([id, a]) => [id, { version: a.version, fields: { value: a.value, naReason: null, rationale: "" }, updatedByName: "Amira Khan", updatedAt: null }]),
    ),
  });

  it("takes someone else's newer answer, says whether it differs, and leaves answers this page is still sending", () => {
    const known = { "k|case": 1, "k|answer|2.1.1": 0, "k|answer|2.1.2": 1 };
    const updates = remoteUpdates("k", known, shown, stored({ "2.1.1": { version: 1, value: "no" }, "2.1.2": { version: 1, value: "yes" } }), new Set());
    expect(updates.map((u) => [u.questionId, u.changed])).toEqual([["2.1.1", true]]);
    expect(remoteUpdates("k", known, shown, stored({ "2.1.1": { version: 1, value: "no" } }), new Set(["k|answer|2.1.1"]))).toEqual([]);
    // A status change moves the case row's version without changing a field the page shows.
    expect(remoteUpdates("k", known, shown, stored({}, 2), new Set())).toMatchObject([{ key: "k|case", changed: false }]);
  });
});
