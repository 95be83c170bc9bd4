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
