// Helpers for the set-up integration tests: unique users and inspections, and population CSVs built
// in memory (no committed test files).
import { db } from "@/lib/db/client";
import { POPULATION_COLUMN_NAMES } from "@/lib/population/columns";
import type { Actor } from "@/lib/permissions/access";
import type { GlobalRole } from "@/lib/permissions/table";
import { createInspection } from "@/lib/inspections/details";
import { addMember } from "@/lib/inspections/team";

export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export async function makeUser(role: GlobalRole, name = `Test ${role} ${unique()}`, active = true): Promise<Actor & { name: string }> {
  const user = await db.user.create({
    data: { name, email: `${unique()}@setup.test`, role, passwordHash: "not-a-real-hash", active },
    select: { id: true, role: true, name: true },
  });
  return user;
}

/**
 * The people most set-up tests need: a manager, a lead and an inspector to form the team, and an
 * outsider (an inspector unless told) on no team.
 */
export async function makeSetupPeople(outsiderRole: GlobalRole = "inspector") {
  return {
    manager: await makeUser("manager"),
    lead: await makeUser("lead_inspector"),
    inspector: await makeUser("inspector"),
    outsider: await makeUser(outsiderRole),
  };
}

/** A yjs-2021 inspection with fieldwork on 2024-01-22 (window 2023-01-23 to 2023-11-17). */
export async function makeInspection(manager: Actor, overrides: Record<string, string> = {}): Promise<string> {
  const { id } = await createInspection(manager, {
    yjsName: `Testshire YJS ${unique()}`,
    frameworkVersion: "yjs-2021",
    fieldworkStart: "2024-01-22",
    windowStart: "",
    windowEnd: "",
    ...overrides,
  });
  return id;
}

/** An inspection (as makeInspection) whose team is `lead` and `inspectors`, added by the manager. */
export async function makeInspectionWithTeam(manager: Actor, lead: Actor, inspectors: readonly Actor[]): Promise<string> {
  const inspectionId = await makeInspection(manager);
  await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
  for (const inspector of inspectors) await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });
  return inspectionId;
}

export interface CsvCase {
  reference: string;
  stream?: string;
  disposal_type?: string;
  disposal_date?: string;
  gender?: string;
  ethnicity?: string;
  age?: string;
  rosh?: string;
  safety_wellbeing?: string;
  case_manager?: string;
}

const COURT = ["referral_order", "youth_rehabilitation_order", "community_sentence"];
const OOC = ["youth_conditional_caution", "youth_caution", "community_resolution"];
const LEVELS = ["low", "medium", "high", "very_high"];

/** `count` varied, valid cases: 60% court, 40% out of court, dates inside the 2024-01-22 window. */
export function populationCases(count: number, prefix = "T"): CsvCase[] {
  return Array.from({ length: count }, (_, i) => {
    const court = i % 5 < 3;
    return {
      reference: `${prefix}-${String(i + 1).padStart(5, "0")}`,
      stream: court ? "court" : "out_of_court",
      disposal_type: (court ? COURT : OOC)[i % 3] as string,
      disposal_date: `2023-0${(i % 8) + 2}-1${i % 10}`,
      gender: i % 4 === 0 ? "female" : "male",
      ethnicity: i % 2 === 0 ? "WBRI" : "",
      age: String(10 + (i % 8)),
      rosh: LEVELS[i % 4] as string,
      safety_wellbeing: LEVELS[(i >> 1) % 4] as string,
      case_manager: `CM${i % 7}`,
    };
  });
}

export function toCsv(cases: readonly CsvCase[]): Uint8Array {
  const lines = [POPULATION_COLUMN_NAMES.join(",")];
  for (const c of cases) {
    const record = c as unknown as Record<string, string | undefined>;
    lines.push(POPULATION_COLUMN_NAMES.map((name) => record[name] ?? "").join(","));
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}
