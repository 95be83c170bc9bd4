import { describe, expect, it } from "vitest";
import type { QueuedChange } from "./idb";
import { backoffMs, foldMine, outboxQueue, overlay, remoteUpdates } from "./outbox-logic";

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

describe("what the outbox sends and holds back", () => {
  const refused = (c: QueuedChange, code: number): QueuedChange => ({ ...c, rejected: { code, message: "Refused." } });
  const sent = (queue: ReturnType<typeof outboxQueue>) => Object.fromEntries([...queue.sendable].map(([caseId, list]) => [caseId, list.map((c) => c.seq)]));

  it("a change refused for itself (its question no longer applies) holds back only later changes to that answer", () => {
    const all = [change(5, "2.1.3", { rationale: "more" }), refused(change(2, "2.1.3", { value: "yes" }), 400), change(3, "2.1.1", { value: "no" }), change(1, "2.1.2", { value: "no" })];
    const queue = outboxQueue(all, 50);
    expect(sent(queue)).toEqual({ k: [1, 3] });
    expect(queue.held.map((c) => c.seq)).toEqual([5]);
  });

  it("a change the case refused (approved, signed off, not the user's) holds back every later change to that case, and no other case's", () => {
    const other = { ...change(6, "2.1.1", { value: "yes" }), caseId: "other" };
    for (const code of [401, 403, 404, 423]) {
      const queue = outboxQueue([change(1, "2.1.2", { value: "no" }), refused(change(2, "2.1.3", { value: "yes" }), code), change(3, "2.1.1", { value: "no" }), other], 50);
      expect(sent(queue)).toEqual({ k: [1], other: [6] });
      expect(queue.held.map((c) => c.seq)).toEqual([3]);
    }
  });

  it("sends at most a batch a case, oldest first", () => {
    const queue = outboxQueue([change(3, "2.1.3", { value: "no" }), change(1, "2.1.1", { value: "no" }), change(2, "2.1.2", { value: "no" })], 2);
    expect(sent(queue)).toEqual({ k: [1, 2] });
    expect(queue.held).toEqual([]);
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
