// Prompt aggregates: the prompt marks inspectors record under a key question, summed per prompt over
// the final cases it applies to, so the lead can cite them as the reports do ("analysis of offending
// behaviour (23 out of 25)"). Marks are guidance, never scored: these figures feed the narrative,
// not the ratings. Pure: the loader gives marks aggregated in SQL per case attributes.

import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";
import { findKeyQuestion, keyQuestionApplicability, type Framework } from "@/lib/framework";
import { FINAL_CASE_STATUSES } from "@/lib/rating";
import type { CaseStatus } from "@/lib/statuses";

export interface PromptMarkCount {
  readonly status: CaseStatus;
  readonly attributes: ApplicabilityAttributes;
  readonly questionId: string;
  readonly promptIndex: number;
  readonly mark: "met" | "not_met";
  readonly count: number;
}

export interface PromptAggregate {
  readonly questionId: string;
  readonly promptIndex: number;
  readonly prompt: string;
  readonly met: number;
  /** Final cases the key question applies to where the prompt was marked, met or not. */
  readonly marked: number;
  /** "analysis of offending behaviour (23 out of 25)": the phrase to cite. */
  readonly citation: string;
}

/** By key question id, its prompts' aggregates in prompt order; prompts never marked are left out. */
export function promptAggregates(fw: Framework, counts: readonly PromptMarkCount[]): Record<string, PromptAggregate[]> {
  const sums = new Map<string, { met: number; marked: number }>();
  for (const c of counts) {
    if (!FINAL_CASE_STATUSES.includes(c.status)) continue;
    const kq = findKeyQuestion(fw, c.questionId);
    if (!kq || !kq.prompts[c.promptIndex] || !keyQuestionApplicability(kq, c.attributes).applies) continue;
    const key = `${c.questionId}|${c.promptIndex}`;
    const sum = sums.get(key) ?? { met: 0, marked: 0 };
    sum.marked += c.count;
    if (c.mark === "met") sum.met += c.count;
    sums.set(key, sum);
  }
  const out: Record<string, PromptAggregate[]> = {};
  for (const [key, { met, marked }] of sums) {
    const [questionId = "", index = "0"] = key.split("|");
    const promptIndex = Number(index);
    const prompt = findKeyQuestion(fw, questionId)?.prompts[promptIndex] ?? "";
    (out[questionId] ??= []).push({ questionId, promptIndex, prompt, met, marked, citation: `${lowerFirst(prompt)} (${met} out of ${marked})` });
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.promptIndex - b.promptIndex);
  return out;
}

/** Lower-cases the first letter unless the first word is an acronym or a name ("ICT", "AssetPlus"). */
function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0] ?? "";
  if (first.length > 1 && /[A-Z]/.test(first.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
