import { randomUUID } from "node:crypto";
import { applyChanges } from "@/lib/answers/apply-changes";
import type { AnswerFlatFields } from "@/lib/flat-fields";
import type { CaseFieldValues } from "@/lib/cases/case-fields";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/permissions/access";

// Integration-test set-up: an inspection of our own with a lead, two inspectors and an outsider,
// and cases allocated to the first inspector. Unique names, so tests never share data.

export async function makeTeam(frameworkVersion: "yjs-2018" | "yjs-2021" = "yjs-2021") {
  const stamp = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const user = async (key: string, role: "lead_inspector" | "inspector" | "manager" | "admin"): Promise<Actor & { name: string }> => {
    const created = await db.user.create({
      data: { name: `${key} ${stamp}`, email: `${key}-${stamp}@example.test`, role, passwordHash: "$argon2id$not-a-real-hash" },
    });
    return { id: created.id, role, name: created.name };
  };
  const lead = await user("lead", "lead_inspector");
  const inspector = await user("inspector", "inspector");
  const colleague = await user("colleague", "inspector");
  const outsider = await user("outsider", "inspector");
  const manager = await user("manager", "manager");
  const admin = await user("admin", "admin");
  const inspection = await db.inspection.create({
    data: {
      yjsName: `Case tests ${stamp}`,
      frameworkVersion,
      fieldworkStart: new Date("2026-11-23"),
      status: "fieldwork",
      memberships: {
        create: [
          { userId: lead.id, role: "lead_inspector" },
          { userId: inspector.id, role: "inspector" },
          { userId: colleague.id, role: "inspector" },
        ],
      },
    },
  });
  let n = 0;
  const makeCase = async (stream: "court" | "out_of_court" | "resettlement" = "court", extra: Record<string, unknown> = {}) =>
    db.case.create({
      data: {
        inspectionId: inspection.id,
        reference: `T-${++n}`,
        stream,
        disposalType: stream === "out_of_court" ? "youth_caution" : stream === "court" ? "referral_order" : "detention_and_training_order",
        allocatedToId: inspector.id,
        ...extra,
      },
    });
  return { inspection, lead, inspector, colleague, outsider, manager, admin, makeCase };
}

export type TestTeam = Awaited<ReturnType<typeof makeTeam>>;

/** The court stream's key questions in the yjs-2021 framework, in order. */
const COURT_2021_QUESTIONS = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"];

/** A change for the outbox protocol with a fresh id. */
export function answerChange(questionId: string, baseVersion: number, from: AnswerFlatFields, to: AnswerFlatFields) {
  return { changeId: randomUUID(), target: "answer" as const, questionId, baseVersion, from, to };
}

/** A change of the case's own fields (attributes, interview, notes) with a fresh id. */
export function caseChange(baseVersion: number, from: Partial<CaseFieldValues>, to: Partial<CaseFieldValues>) {
  return { changeId: randomUUID(), target: "case" as const, baseVersion, from, to };
}

/**
 * The team's inspector answers every key question of a yjs-2021 court case (`answer`, "yes" by
 * default) and records that the case manager was not interviewed: all a case needs to be completed.
 */
export async function answerWholeCourtCase(team: TestTeam, caseId: string, answer: AnswerFlatFields = { value: "yes" }): Promise<void> {
  await applyChanges(team.inspector, caseId, { changes: COURT_2021_QUESTIONS.map((q) => answerChange(q, 0, {}, answer)) });
  await applyChanges(team.inspector, caseId, { changes: [caseChange(1, { caseManagerInterviewed: null }, { caseManagerInterviewed: false })] });
}
