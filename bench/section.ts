import { median } from "@/lib/statistics/distribution";
import type { AppServer } from "@/scripts/app-server";
import type { LargeDataset } from "./large-dataset";

export interface BenchContext {
  databaseUrl: string;
  large: LargeDataset;
  hundredCaseInspectionId: string;
  /** The production build, serving the bench database on loopback. */
  app: AppServer;
}

/** One part of the report: returns its Markdown lines (a table and a verdict against the goal). */
export interface BenchSection {
  title: string;
  run(context: BenchContext): Promise<string[]>;
}

/**
 * A part that times pure functions on data of its own: it needs neither the database nor the app,
 * so `npm run bench -- <its name>` runs it without building or seeding.
 */
export interface PureBenchSection {
  title: string;
  pure: true;
  run(): Promise<string[]>;
}

export function verdict(ok: boolean, text: string): string {
  return `${ok ? "**Met**" : "**Not met**"}: ${text}`;
}

/** The median of a section's repeated measurements (NaN if there were none). */
export function medianOfRuns(values: readonly number[]): number {
  return median(values) ?? NaN;
}
