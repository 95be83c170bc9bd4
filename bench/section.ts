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

export function verdict(ok: boolean, text: string): string {
  return `${ok ? "**Met**" : "**Not met**"}: ${text}`;
}
