import { describe, expect, it } from "vitest";
import type { QueuedChange } from "./idb";
import { changeInWords, changeSubject, refusedByCase } from "./refused-changes";

const change = (seq: number, caseId: string, to: QueuedChange["to"], rejected?: string, extra: Partial<QueuedChange> = {}): QueuedChange => ({
  seq,
  changeId: `c${seq}`,
  userId: "u",
  caseId,
  target: "answer",
  questionId: "2.1.1",
  baseVersion: 1,
  from: {},
  to,
  createdAt: seq,
  ...(rejected ? { rejected: { code: 403, message: rejected } } : {}),
  ...extra,
});

describe("refused changes", () => {
  it("lists the refused changes by case, oldest first, with how many of that case's changes wait behind them", () => {
    const pending = [
      change(4, "a", { rationale: "later" }),
      change(1, "a", { value: "no" }, "Not yours any more.", { caseReference: "NB-0001" }),
      change(2, "b", { value: "yes" }),
      change(3, "a", { rationale: "why" }, "Not yours any more."),
    ];
    const refused = refusedByCase(pending, {});
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ caseId: "a", reference: "NB-0001", waiting: 1 });
    expect(refused[0]!.refused.map((c) => c.seq)).toEqual([1, 3]);
  });

  it("counts as waiting only the changes a refusal holds back: for a change refused for itself, later changes to the same answer", () => {
    const ownRefusal = { ...change(1, "a", { value: "yes" }, "Key question 2.1.1 does not apply to this case."), rejected: { code: 400, message: "Key question 2.1.1 does not apply to this case." } };
    const pending = [ownRefusal, change(2, "a", { value: "no" }, undefined, { questionId: "2.1.2" }), change(3, "a", { rationale: "still" })];
    expect(refusedByCase(pending, {})[0]).toMatchObject({ caseId: "a", waiting: 1 });
  });

  it("names a case from My cases' list when its changes did not record the reference, and says so when neither knows it", () => {
    const pending = [change(1, "a", { value: "no" }, "Locked."), change(2, "b", { value: "no" }, "Gone.")];
    expect(refusedByCase(pending, { a: "NB-0002" }).map((c) => c.reference)).toEqual(["NB-0002", null]);
  });

  it("says what a change sets in words", () => {
    expect(changeSubject({ target: "answer", questionId: "2.1.1" })).toBe("Key question 2.1.1");
    expect(changeSubject({ target: "case" })).toBe("The case's details");
    expect(changeInWords({ target: "answer", to: { value: "na", naReason: "No plan", rationale: "", "prompt.1": "not_met" } })).toEqual([
      ["Answer", "Not applicable"],
      ["Why not applicable", "No plan"],
      ["Rationale", "(blank)"],
      ["Prompt 2", "Not met"],
    ]);
    expect(changeInWords({ target: "case", to: { age: 15, harmFactors: false, disposalDate: null } })).toEqual([
      ["Age", "15"],
      ["Harm factors", "No"],
      ["Disposal date", "(blank)"],
    ]);
  });
});
