// Test data for the panel, evidence and export tests (integration and end-to-end): a team and a
// yjs-2021 inspection whose completed cases reproduce Salford 2024's counts (score 20 before the
// panel's discretion, 22 with it on 2.2 and 2.4, once domain one, 3.4 and 4.1 are judged Good).
// Every name and email is unique, so tests never share data.

import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { SALFORD_YES, salfordAnswerIsYes } from "@/scripts/demo-data";

export const TEST_PASSWORD = "panel-test-password";

export { SALFORD_YES };

export interface PanelTestTeam {
  readonly inspectionId: string;
  readonly lead: { id: string; email: string; role: "lead_inspector" };
  readonly inspector: { id: string; email: string; role: "inspector" };
  readonly manager: { id: string; email: string; role: "manager" };
  readonly outsider: { id: string; email: string; role: "inspector" };
  /** Case ids by reference. */
  readonly cases: Readonly<Record<string, string>>;
}

export interface PanelTestOptions {
  /** Name of the service; made unique. */
  readonly name?: string;
  /** Extra court cases left in progress, each answered "yes" throughout (provisional only). */
  readonly inProgressCourtCases?: number;
  /** Resettlement cases to add (no answers: 4.1 is judged from evidence). */
  readonly resettlementCases?: number;
}

export async function createPanelTestInspection(db: Db, options: PanelTestOptions = {}): Promise<PanelTestTeam> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const person = async <R extends "lead_inspector" | "inspector" | "manager">(label: string, role: R) => {
    const email = `${label}.${stamp}@panel.test`;
    const user = await db.user.create({ data: { name: `${label} ${stamp}`, email, role, passwordHash }, select: { id: true } });
    return { id: user.id, email, role };
  };
  const lead = await person("lead", "lead_inspector");
  const inspector = await person("inspector", "inspector");
  const manager = await person("manager", "manager");
  const outsider = await person("outsider", "inspector");
  const inspection = await db.inspection.create({
    data: {
      yjsName: `${options.name ?? "Panel Test YJS"} ${stamp}`,
      frameworkVersion: "yjs-2021",
      fieldworkStart: new Date("2024-01-22"),
      status: "panel",
      memberships: { create: [{ userId: lead.id, role: "lead_inspector" }, { userId: inspector.id, role: "inspector" }] },
    },
    select: { id: true },
  });

  const cases: Record<string, string> = {};
  const caseRows: { id: string; reference: string; stream: "court" | "out_of_court" | "resettlement"; status: "completed" | "in_progress"; disposalType: string }[] = [];
  const answerRows: { caseId: string; questionId: string; value: "yes" | "no"; rationale: string; updatedById: string }[] = [];
  let n = 0;
  const streams = [
    { stream: "court" as const, count: 13, prefix: "2.", disposal: "referral_order" },
    { stream: "out_of_court" as const, count: 20, prefix: "3.", disposal: "youth_caution" },
  ];
  for (const { stream, count, prefix, disposal } of streams) {
    const questions = Object.keys(SALFORD_YES).filter((q) => q.startsWith(prefix));
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const reference = `PT-${String(++n).padStart(4, "0")}`;
      cases[reference] = id;
      caseRows.push({ id, reference, stream, status: "completed", disposalType: disposal });
      questions.forEach((questionId, q) => {
        const yes = salfordAnswerIsYes(questionId, i, q, count);
        answerRows.push({ caseId: id, questionId, value: yes ? "yes" : "no", rationale: yes ? "Sufficient." : "Not sufficient.", updatedById: inspector.id });
      });
    }
  }
  for (let i = 0; i < (options.inProgressCourtCases ?? 0); i++) {
    const id = randomUUID();
    const reference = `PT-${String(++n).padStart(4, "0")}`;
    cases[reference] = id;
    caseRows.push({ id, reference, stream: "court", status: "in_progress", disposalType: "referral_order" });
    for (const questionId of Object.keys(SALFORD_YES).filter((q) => q.startsWith("2."))) {
      answerRows.push({ caseId: id, questionId, value: "yes", rationale: "Sufficient.", updatedById: inspector.id });
    }
  }
  for (let i = 0; i < (options.resettlementCases ?? 0); i++) {
    const id = randomUUID();
    const reference = `PT-${String(++n).padStart(4, "0")}`;
    cases[reference] = id;
    caseRows.push({ id, reference, stream: "resettlement", status: "completed", disposalType: "detention_and_training_order" });
  }
  await db.case.createMany({
    data: caseRows.map((c) => ({ ...c, inspectionId: inspection.id, allocatedToId: inspector.id, harmFactors: true, safetyWellbeingFactors: true, caseManagerInterviewed: false })),
  });
  await db.answer.createMany({ data: answerRows });
  return { inspectionId: inspection.id, lead, inspector, manager, outsider, cases };
}

/** The judgements that make Salford's score: Good for domain one, 3.4 and 4.1. */
export const SALFORD_JUDGEMENTS: readonly string[] = Object.freeze(["1.1", "1.2", "1.3", "1.4", "3.4", "4.1"]);
