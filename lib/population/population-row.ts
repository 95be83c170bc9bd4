import type { Classification, DisposalType, Gender, Stream } from "@/lib/framework/case-attributes";

/**
 * One case of the YJS's eligible population, as validated from the uploaded CSV. Pseudonymous: the
 * reference and case manager are identifiers, never names.
 */
export interface PopulationRow {
  reference: string;
  stream: Stream;
  disposalType: DisposalType;
  /** YYYY-MM-DD */
  disposalDate: string;
  gender: Gender;
  ethnicity: string | null;
  age: number;
  rosh: Classification;
  safetyWellbeing: Classification;
  caseManager: string | null;
  /** The row's number as a spreadsheet shows it (header = row 1), to point people back at the file. */
  sourceRow: number;
}

/**
 * The attributes a sampled case keeps from its population row (the same columns in cases and
 * population_cases), selected as one: the draw reads them from the population, the case page from the case.
 */
export const SAMPLED_ATTRIBUTES_SELECT = {
  id: true,
  reference: true,
  stream: true,
  disposalType: true,
  disposalDate: true,
  gender: true,
  ethnicity: true,
  age: true,
  rosh: true,
  safetyWellbeing: true,
} as const;
