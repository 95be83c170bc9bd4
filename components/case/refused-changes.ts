// Changes kept in this browser that the server refused (the case was reallocated to someone else,
// removed, approved or signed off, or the change no longer fits the case): the outbox keeps them,
// marked, and never sends them again by itself (components/case/outbox.ts). My cases lists them by
// case with what each one says, so that the inspector can pass it on to the lead, and lets them
// discard them (refused-changes-panel.tsx). Pure: tested without a browser.

import { promptIndexOf } from "@/lib/flat-fields";
import { caseFieldLabel } from "@/lib/cases/case-fields";
import { valueInWords } from "@/lib/cases/value-in-words";
import type { QueuedChange } from "./idb";
import { outboxQueue } from "./outbox-logic";

export interface RefusedCase {
  caseId: string;
  /** As recorded with the change, or from My cases' list; null when neither knows it. */
  reference: string | null;
  /** Oldest first, each with the server's reason. */
  refused: QueuedChange[];
  /** How many more of this case's changes wait behind the refused ones (outboxQueue: sent once those are discarded). */
  waiting: number;
}

/** The refused changes among `pending` (this user's, any order), by case in the order of their first refusal. */
export function refusedByCase(pending: readonly QueuedChange[], references: Readonly<Record<string, string>>): RefusedCase[] {
  const byCase = new Map<string, RefusedCase>();
  const ordered = [...pending].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const change of ordered) {
    if (!change.rejected) continue;
    const entry = byCase.get(change.caseId) ?? { caseId: change.caseId, reference: null, refused: [], waiting: 0 };
    entry.reference ??= change.caseReference ?? references[change.caseId] ?? null;
    entry.refused.push(change);
    byCase.set(change.caseId, entry);
  }
  for (const change of outboxQueue(pending, Infinity).held) {
    const entry = byCase.get(change.caseId);
    if (entry) entry.waiting += 1;
  }
  return [...byCase.values()];
}

function fieldLabel(change: Pick<QueuedChange, "target">, field: string): string {
  if (change.target === "case") return caseFieldLabel(field);
  const prompt = promptIndexOf(field);
  if (prompt !== null) return `Prompt ${prompt + 1}`;
  return field === "value" ? "Answer" : field === "rationale" ? "Rationale" : field === "naReason" ? "Why not applicable" : field;
}

/** What a change is about: "Key question 2.1.1" or "The case's details". */
export function changeSubject(change: Pick<QueuedChange, "target" | "questionId">): string {
  return change.target === "answer" && change.questionId ? `Key question ${change.questionId}` : "The case's details";
}

/** What a change sets, field by field in words: [["Answer", "No"], ["Rationale", "…"]]. */
export function changeInWords(change: Pick<QueuedChange, "target" | "to">): [label: string, value: string][] {
  return Object.entries(change.to).map(([field, value]) => [fieldLabel(change, field), valueInWords(field, value)]);
}
