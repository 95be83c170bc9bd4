import { db, type Tx } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, type Framework } from "@/lib/framework";
import { callerFor, isUuid, type Actor } from "@/lib/permissions/access";
import { can, canAnswerCase, type Caller } from "@/lib/permissions/table";

// Finding a case and how the acting user stands to it. Every case use case starts here, so the
// rights (cases.read, case.answer + canAnswerCase, case.qualityAssure) are checked in one way.

export interface CaseContext {
  caseId: string;
  inspectionId: string;
  allocatedToId: string | null;
  stream: "court" | "out_of_court" | "resettlement";
  framework: Framework;
  caller: Caller;
  canAnswer: boolean;
  canQualityAssure: boolean;
}

/** The case (in `inspectionId` when given) and the caller's rights; 404 / 403 as appropriate. */
export async function caseContext(actor: Actor, caseId: string, inspectionId?: string): Promise<CaseContext> {
  if (!isUuid(caseId) || (inspectionId !== undefined && !isUuid(inspectionId))) throw new NotFoundError("There is no such case.");
  const kase = await db.case.findUnique({
    where: { id: caseId },
    select: { id: true, inspectionId: true, allocatedToId: true, stream: true, removedAt: true, inspection: { select: { frameworkVersion: true } } },
  });
  if (!kase || kase.removedAt || (inspectionId !== undefined && kase.inspectionId !== inspectionId)) {
    throw new NotFoundError("There is no such case.");
  }
  const caller = await callerFor(actor, kase.inspectionId);
  if (!can(caller, "cases.read")) throw new ForbiddenError("You do not have access to this case.");
  const version = kase.inspection.frameworkVersion;
  if (!isFrameworkVersion(version)) throw new Error(`Inspection uses unknown framework version ${version}`);
  return {
    caseId: kase.id,
    inspectionId: kase.inspectionId,
    allocatedToId: kase.allocatedToId,
    stream: kase.stream,
    framework: getFramework(version),
    caller,
    canAnswer: canAnswerCase(caller, kase.allocatedToId),
    canQualityAssure: can(caller, "case.qualityAssure"),
  };
}

export const LOCKED_CASE_MESSAGE = "This case is approved, so it is locked. Ask the lead inspector to reopen it if it needs to change.";
export const SIGNED_OFF_MESSAGE = "This inspection's ratings are signed off, so its cases can no longer change.";

export interface LockedCaseRow {
  status: "not_started" | "in_progress" | "completed" | "returned" | "approved";
  version: number;
  /** How many of the case's sections are marked complete. */
  markedSections: number;
  /** Whether the inspection is signed off (its status, or a sign-off that has not been voided). */
  signedOff: boolean;
}

/**
 * Locks the case row for the rest of the transaction (SELECT … FOR UPDATE): changes to one case, its
 * status moves and the lead's approval run one after another, each seeing the others' result.
 */
export async function lockCase(tx: Tx, caseId: string): Promise<LockedCaseRow> {
  // One round trip for everything a change needs to know before it writes (saves are frequent).
  const rows = await tx.$queryRaw<LockedCaseRow[]>`
    SELECT c.status::text AS status, c.version,
           (SELECT count(*)::int FROM case_sections s WHERE s.case_id = c.id) AS "markedSections",
           (i.status = 'signed_off' OR EXISTS (
              SELECT 1 FROM sign_offs so WHERE so.inspection_id = c.inspection_id AND so.voided_at IS NULL)) AS "signedOff"
    FROM cases c JOIN inspections i ON i.id = c.inspection_id
    WHERE c.id = ${caseId}::uuid
    FOR UPDATE OF c`;
  const row = rows[0];
  if (!row) throw new NotFoundError("There is no such case.");
  return row;
}
