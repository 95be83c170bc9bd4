import type { ApplicabilityAttributes } from "@/lib/framework/case-attributes";

/**
 * The case columns that decide which key questions the case answers (keyQuestionApplicability in
 * lib/framework/applicability.ts), selected as one by every read model that applies the rule.
 */
export const APPLICABILITY_SELECT = {
  stream: true,
  disposalType: true,
  harmFactors: true,
  safetyWellbeingFactors: true,
} as const satisfies Record<keyof ApplicabilityAttributes, true>;
