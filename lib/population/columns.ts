// The documented columns of the eligible population CSV (the YJS's case list), for the upload
// template and the help text. Pseudonymous data only: the file must never hold a child's name.

import {
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  DISPOSAL_TYPES,
  GENDER_LABELS,
  GENDERS,
  STREAM_LABELS,
  STREAMS,
  type Stream,
} from "@/lib/framework/case-attributes";
import type { EligibilityWindow } from "@/lib/framework/eligibility-window";
import { toCsvField } from "./csv";

export const POPULATION_COLUMN_NAMES = [
  "reference",
  "stream",
  "disposal_type",
  "disposal_date",
  "gender",
  "ethnicity",
  "age",
  "rosh",
  "safety_wellbeing",
  "case_manager",
] as const;
export type PopulationColumnName = (typeof POPULATION_COLUMN_NAMES)[number];

export interface PopulationColumn {
  name: PopulationColumnName;
  /** A required column must be in the header and have a value on every row. */
  required: boolean;
  description: string;
}

const list = (codes: readonly string[]): string => codes.join(", ");

export const REFERENCE_MAX_LENGTH = 40;
export const ETHNICITY_MAX_LENGTH = 60;
export const CASE_MANAGER_MAX_LENGTH = 60;
export const MIN_AGE = 10;
export const MAX_AGE = 18;

export const POPULATION_COLUMNS: readonly PopulationColumn[] = Object.freeze([
  {
    name: "reference",
    required: true,
    description:
      `The YJS's pseudonymous case reference: 1–${REFERENCE_MAX_LENGTH} letters, digits, hyphens (-), underscores (_) or slashes (/), ` +
      "no spaces. Never a child's name: values with spaces are refused because they look like names. Each case once.",
  },
  {
    name: "stream",
    required: true,
    description: `${list(STREAMS)} (or the labels ${list(STREAMS.map((s) => `"${STREAM_LABELS[s]}"`))}).`,
  },
  {
    name: "disposal_type",
    required: true,
    description:
      `A disposal type of the row's stream, as a code or its label. Court: ${list(DISPOSAL_TYPES.court)}. ` +
      `Out of court: ${list(DISPOSAL_TYPES.out_of_court)}. Resettlement: ${list(DISPOSAL_TYPES.resettlement)}.`,
  },
  {
    name: "disposal_date",
    required: true,
    description:
      "When the sentence or licence began, the out-of-court disposal was delivered, or the child was sentenced or released " +
      "(resettlement): YYYY-MM-DD or DD/MM/YYYY. Must be inside the eligibility window.",
  },
  {
    name: "gender",
    required: true,
    description: `${list(GENDERS)} (or ${list(GENDERS.map((g) => `"${GENDER_LABELS[g]}"`))}; M and F are accepted).`,
  },
  {
    name: "ethnicity",
    required: false,
    description:
      `The YJS's ethnicity code (like WBRI) or an ethnic group description (like White British), up to ${ETHNICITY_MAX_LENGTH} ` +
      "characters. Never a name: other words are refused. Optional.",
  },
  {
    name: "age",
    required: true,
    description: `Age in whole years, ${MIN_AGE} to ${MAX_AGE}.`,
  },
  {
    name: "rosh",
    required: true,
    description: `Risk of serious harm classification: ${list(CLASSIFICATIONS)} (or ${list(CLASSIFICATIONS.map((c) => `"${CLASSIFICATION_LABELS[c]}"`))}).`,
  },
  {
    name: "safety_wellbeing",
    required: true,
    description: `Safety and wellbeing classification, on the same scale as rosh: ${list(CLASSIFICATIONS)}.`,
  },
  {
    name: "case_manager",
    required: false,
    description:
      `A pseudonymous staff identifier or initials, up to ${CASE_MANAGER_MAX_LENGTH} letters, digits, dots, hyphens, underscores or ` +
      "slashes, no spaces (not a name). Optional; used to spread interviews across case managers.",
  },
]);

/**
 * Header spellings people commonly use, after normalising (lower case, spaces and hyphens as
 * underscores). Kept small and explicit so an unexpected header is reported rather than guessed.
 */
export const POPULATION_COLUMN_ALIASES: Readonly<Record<string, PopulationColumnName>> = Object.freeze({
  case_reference: "reference",
  disposal: "disposal_type",
  risk_of_serious_harm: "rosh",
  safety_and_wellbeing: "safety_wellbeing",
});

/** One example row for each stream; the template without an inspection shows court and out-of-court. */
const TEMPLATE_EXAMPLE_ROWS: Readonly<Record<Stream, readonly string[]>> = {
  court: ["YJ-2023-0141", "court", "referral_order", "2023-03-14", "male", "WBRI", "15", "low", "medium", "CM07"],
  out_of_court: ["YJ-2023-0178", "out_of_court", "youth_conditional_caution", "21/06/2023", "female", "", "14", "medium", "high", ""],
  resettlement: ["YJ-2023-0192", "resettlement", "detention_and_training_order", "2023-05-09", "male", "MWBC", "17", "high", "high", "CM03"],
};

/** The middle day of a window, YYYY-MM-DD. */
function middleOf(window: EligibilityWindow): string {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return new Date(Math.floor((day(window.start) + day(window.end)) / 2) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The header and an example row for each stream, CRLF-separated as spreadsheets write CSV. Given an
 * inspection's eligibility window for each stream its version samples, there is one example for each
 * of those streams, its disposal date in the stream's window (the middle day), so the template
 * imports as it is; the second example keeps the DD/MM/YYYY spelling.
 */
export function populationCsvTemplate(windows: Partial<Record<Stream, EligibilityWindow | null>> = { court: null, out_of_court: null }): string {
  const examples = STREAMS.filter((stream) => stream in windows).map((stream, i) => {
    const row = TEMPLATE_EXAMPLE_ROWS[stream];
    const window = windows[stream];
    if (!window) return row;
    const [year, month, day] = middleOf(window).split("-");
    return row.map((value, column) => (POPULATION_COLUMN_NAMES[column] !== "disposal_date" ? value : i === 0 ? `${year}-${month}-${day}` : `${day}/${month}/${year}`));
  });
  const rows = [POPULATION_COLUMN_NAMES, ...examples];
  return rows.map((row) => row.map(toCsvField).join(",")).join("\r\n") + "\r\n";
}
