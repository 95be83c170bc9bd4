// Codes for the case attributes of framework.md section 8. Stored as these codes; shown with the
// labels. Pseudonymous data only: nothing here identifies a child.

export const STREAMS = ["court", "out_of_court", "resettlement"] as const;
export type Stream = (typeof STREAMS)[number];
export const STREAM_LABELS: Readonly<Record<Stream, string>> = Object.freeze({
  court: "Court disposal",
  out_of_court: "Out-of-court disposal",
  resettlement: "Resettlement",
});

export const DISPOSAL_TYPES = {
  court: [
    "referral_order",
    "youth_rehabilitation_order",
    "detention_and_training_order",
    "community_sentence",
    "custodial_sentence",
    "licence",
  ],
  out_of_court: [
    "youth_conditional_caution",
    "youth_caution",
    "community_resolution",
    "outcome_22",
    "deferred_prosecution",
    "prevention",
    "other_out_of_court",
  ],
  resettlement: ["detention_and_training_order", "custodial_sentence", "licence"],
} as const satisfies Record<Stream, readonly string[]>;

export type DisposalType = (typeof DISPOSAL_TYPES)[Stream][number];

export const DISPOSAL_TYPE_LABELS: Readonly<Record<DisposalType, string>> = Object.freeze({
  referral_order: "Referral order",
  youth_rehabilitation_order: "Youth rehabilitation order",
  detention_and_training_order: "Detention and training order",
  community_sentence: "Community sentence (other)",
  custodial_sentence: "Custodial sentence",
  licence: "Licence (post-custody)",
  youth_conditional_caution: "Youth conditional caution",
  youth_caution: "Youth caution",
  community_resolution: "Community resolution",
  outcome_22: "Outcome 22",
  deferred_prosecution: "Deferred prosecution",
  prevention: "Prevention",
  other_out_of_court: "Other out-of-court disposal",
});

export function isDisposalTypeOfStream(stream: Stream, disposalType: string): disposalType is DisposalType {
  return (DISPOSAL_TYPES[stream] as readonly string[]).includes(disposalType);
}

/** AssetPlus scale used for both risk of serious harm and safety and wellbeing. */
export const CLASSIFICATIONS = ["low", "medium", "high", "very_high"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = Object.freeze({
  low: "Low",
  medium: "Medium",
  high: "High",
  very_high: "Very high",
});

export const GENDERS = ["male", "female", "other"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, string>> = Object.freeze({
  male: "Male",
  female: "Female",
  other: "Other or not recorded",
});

/**
 * What decides whether a key question applies to a case (yjs-2018 gates on these; yjs-2021 applies
 * every key question of the stream). Harm and safety-and-wellbeing factors are the inspector's
 * judgement, not the YJS's classification (S2); null means not yet judged.
 */
export interface ApplicabilityAttributes {
  stream: Stream;
  disposalType: string;
  harmFactors: boolean | null;
  safetyWellbeingFactors: boolean | null;
}
