import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, keyQuestionApplicability, standardsForStream, type Framework, type KeyQuestion } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import type { Action, Caller } from "@/lib/permissions/table";
import { APPLICABILITY_SELECT } from "@/lib/cases/applicability-select";
import type { InspectionStatus } from "@/lib/statuses";

// What the moderation use cases share: their ids, a dip-sampled case and the caller's standing, the
// key questions a case answers, and the blindness rule.

export const uuid = (message: string) => z.string({ error: message }).refine(isUuid, message);
export const inspectionRef = { inspectionId: uuid("There is no such inspection.") };
export const caseRef = { ...inspectionRef, caseId: uuid("There is no such case.") };
export const keyQuestionRef = {
  ...caseRef,
  questionId: z.string({ error: "Choose a key question" }).min(1, "Choose a key question").max(20, "There is no such key question"),
};

/** A moderator's note on an outcome, and an inspector's reply. */
export const MAX_NOTE = 2000;
/** A reason for adding a case to the dip sample by hand. */
export const MAX_REASON = 500;

export interface DipCase {
  caseId: string;
  inspectionId: string;
  reference: string;
  stream: Stream;
  disposalType: string;
  harmFactors: boolean | null;
  safetyWellbeingFactors: boolean | null;
  allocatedToId: string | null;
  /** Null when the case is not in the dip sample. */
  moderation: { completedAt: Date | null; drawn: boolean; additionReason: string | null } | null;
  framework: Framework;
  inspectionStatus: InspectionStatus;
}

/** The case of the inspection (404 otherwise, or when removed from the main sample), with the caller checked for `action`. */
export async function loadDipCase(actor: Actor, inspectionId: string, caseId: string, action: Action, tx: Tx | typeof db = db): Promise<{ caller: Caller; kase: DipCase }> {
  const caller = await authorize(actor, inspectionId, action);
  const row = await tx.case.findFirst({
    where: { id: caseId, inspectionId, removedAt: null },
    select: {
      id: true,
      reference: true,
      ...APPLICABILITY_SELECT,
      allocatedToId: true,
      moderation: { select: { completedAt: true, drawId: true, additionReason: true } },
      inspection: { select: { frameworkVersion: true, status: true } },
    },
  });
  if (!row) throw new NotFoundError("There is no such case.");
  if (!isFrameworkVersion(row.inspection.frameworkVersion)) throw new Error(`Unknown framework version ${row.inspection.frameworkVersion}`);
  return {
    caller,
    kase: {
      caseId: row.id,
      inspectionId,
      reference: row.reference,
      stream: row.stream,
      disposalType: row.disposalType,
      harmFactors: row.harmFactors,
      safetyWellbeingFactors: row.safetyWellbeingFactors,
      allocatedToId: row.allocatedToId,
      moderation: row.moderation ? { completedAt: row.moderation.completedAt, drawn: row.moderation.drawId !== null, additionReason: row.moderation.additionReason } : null,
      framework: getFramework(row.inspection.frameworkVersion),
      inspectionStatus: row.inspection.status,
    },
  };
}

/** The key questions the case answers, as its stored attributes stand (lib/framework/applicability.ts). */
export function applicableKeyQuestions(kase: Pick<DipCase, "framework" | "stream" | "disposalType" | "harmFactors" | "safetyWellbeingFactors">): KeyQuestion[] {
  const attrs = { stream: kase.stream, disposalType: kase.disposalType, harmFactors: kase.harmFactors, safetyWellbeingFactors: kase.safetyWellbeingFactors };
  return standardsForStream(kase.framework, kase.stream)
    .flatMap((standard) => standard.keyQuestions)
    .filter((kq) => keyQuestionApplicability(kq, attrs).applies);
}

/**
 * Blindness: may this caller see the inspector's answers and rationales of the case? Case readers
 * (cases.read: the manager and the team) always may. A moderator only once their own second
 * assessment of the case is complete, so their judgement cannot lean on the inspector's.
 */
export function seesInspectorAnswers(caller: Caller, kase: Pick<DipCase, "moderation">, canReadCases: boolean): boolean {
  if (canReadCases) return true;
  return caller.moderator === true && kase.moderation?.completedAt != null;
}

function requireInDipSample(kase: DipCase): NonNullable<DipCase["moderation"]> {
  if (!kase.moderation) throw new NotFoundError("This case is not in the dip sample.");
  return kase.moderation;
}

/**
 * The start of a moderator's change to a dip-sampled case, inside its transaction: the case's
 * dip-sample row is locked first, so the changes to one case's moderation (second answers, completing
 * them, outcomes) run one at a time; then the case, for a caller who may moderate, in the dip sample.
 */
export async function lockDipCase(tx: Tx, actor: Actor, ids: { inspectionId: string; caseId: string }) {
  await tx.$queryRaw`SELECT 1 FROM moderation_cases WHERE case_id = ${ids.caseId}::uuid FOR UPDATE`;
  const { kase } = await loadDipCase(actor, ids.inspectionId, ids.caseId, "moderation.assess", tx);
  return { kase, moderation: requireInDipSample(kase) };
}
