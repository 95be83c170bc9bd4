// Whether a key question applies to a case (framework.md "Product decisions": Not applicable).
// Answers to key questions that do not apply are left out of the counts, so the reason is shown to
// inspectors in plain English.

import { DISPOSAL_TYPE_LABELS, STREAM_LABELS, type ApplicabilityAttributes, type DisposalType } from "./case-attributes";
import type { KeyQuestion } from "./types";

export type KeyQuestionApplicability =
  | {
      readonly applies: true;
      /**
       * Set when the key question applies only provisionally: the factor it depends on has not been
       * judged yet (null). Unjudged factors count as applying so that nothing is hidden from an
       * inspector before the judgement is made; once judged "no", the answer leaves the counts.
       */
      readonly pendingJudgement?: string;
    }
  | { readonly applies: false; readonly reason: string };

/** Takes only what the rule reads, so the case page can apply it in the browser to what is shown. */
export function keyQuestionApplicability(kq: Pick<KeyQuestion, "id" | "standardId" | "appliesTo">, attrs: ApplicabilityAttributes): KeyQuestionApplicability {
  const { stream, requires } = kq.appliesTo;
  if (stream === null) {
    return {
      applies: false,
      reason: `Key question ${kq.id} informs the judgement of standard ${kq.standardId}; it is not answered per case.`,
    };
  }
  if (attrs.stream !== stream) {
    return {
      applies: false,
      reason: `Applies only to ${STREAM_LABELS[stream].toLowerCase()} cases; this is ${withArticle(STREAM_LABELS[attrs.stream].toLowerCase())} case.`,
    };
  }
  switch (requires) {
    case null:
      return { applies: true };
    case "safety_wellbeing_factors":
      return factorApplicability(attrs.safetyWellbeingFactors, "safety and wellbeing factors");
    case "harm_factors":
      return factorApplicability(attrs.harmFactors, "harm factors");
    case "youth_conditional_caution":
      if (attrs.disposalType === "youth_conditional_caution") return { applies: true };
      return {
        applies: false,
        reason: `Applies only to youth conditional caution cases; this case's disposal is ${disposalLabel(attrs.disposalType)}.`,
      };
  }
}

function factorApplicability(judged: boolean | null, factors: string): KeyQuestionApplicability {
  if (judged === true) return { applies: true };
  if (judged === false) {
    return { applies: false, reason: `Applies only to cases with ${factors}; the inspector judged there are none.` };
  }
  return {
    applies: true,
    pendingJudgement: `Applies only to cases with ${factors}; it counts until the inspector judges whether there are any.`,
  };
}

function disposalLabel(disposalType: string): string {
  const label: string | undefined = DISPOSAL_TYPE_LABELS[disposalType as DisposalType];
  return label === undefined ? `"${disposalType}"` : withArticle(label.toLowerCase());
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
