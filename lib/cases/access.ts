import "server-only";
import { sqlQuery } from "@/lib/db/client";
import { sqlRunner, type AnyTx } from "@/lib/db/sql";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, type Framework } from "@/lib/framework";
import type { Stream } from "@/lib/framework/case-attributes";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { callerOf, can, canAnswerCase, type Caller } from "@/lib/permissions/table";
import type { CaseStatus } from "@/lib/statuses";

// Finding a case and how the acting user stands to it. Every case use case starts here, so the
// rights (cases.read, case.answer + canAnswerCase, case.qualityAssure) are checked in one way.

export interface CaseContext {
  caseId: string;
  /** The case's pseudonymous reference, e.g. NB-0001. */
  reference: string;
  inspectionId: string;
  allocatedToId: string | null;
  stream: Stream;
  framework: Framework;
  caller: Caller;
  canAnswer: boolean;
  canQualityAssure: boolean;
}

// One round trip (it runs before every save): the case, its inspection's framework and the caller's
// membership of that inspection.
const CASE_CONTEXT_SQL = `
  SELECT c.id, c.reference, c.inspection_id AS "inspectionId", c.allocated_to AS "allocatedToId", c.stream::text AS stream,
         c.removed_at IS NOT NULL AS removed, i.framework_version AS "frameworkVersion",
         (SELECT m.role::text FROM memberships m WHERE m.inspection_id = c.inspection_id AND m.user_id = $2::uuid) AS "inspectionRole",
         EXISTS (SELECT 1 FROM inspection_moderators im WHERE im.inspection_id = c.inspection_id AND im.user_id = $2::uuid) AS "moderatorAssigned"
  FROM cases c JOIN inspections i ON i.id = c.inspection_id
  WHERE c.id = $1::uuid`;

interface CaseContextRow {
  id: string;
  reference: string;
  inspectionId: string;
  allocatedToId: string | null;
  stream: CaseContext["stream"];
  removed: boolean;
  frameworkVersion: string;
  inspectionRole: Caller["inspectionRole"];
  moderatorAssigned: boolean;
}

/** The case (in `inspectionId` when given) and the caller's rights; 404 / 403 as appropriate. */
export async function caseContext(actor: Actor, caseId: string, inspectionId?: string): Promise<CaseContext> {
  if (!isUuid(caseId) || (inspectionId !== undefined && !isUuid(inspectionId))) throw new NotFoundError("There is no such case.");
  const kase = (await sqlQuery<CaseContextRow>(CASE_CONTEXT_SQL, [caseId, actor.id])).rows[0];
  if (!kase || kase.removed || (inspectionId !== undefined && kase.inspectionId !== inspectionId)) {
    throw new NotFoundError("There is no such case.");
  }
  const caller = callerOf(actor.id, actor.role, kase.inspectionRole, kase.moderatorAssigned);
  if (!can(caller, "cases.read")) throw new ForbiddenError("You do not have access to this case.");
  if (!isFrameworkVersion(kase.frameworkVersion)) throw new Error(`Inspection uses unknown framework version ${kase.frameworkVersion}`);
  return {
    caseId: kase.id,
    reference: kase.reference,
    inspectionId: kase.inspectionId,
    allocatedToId: kase.allocatedToId,
    stream: kase.stream,
    framework: getFramework(kase.frameworkVersion),
    caller,
    canAnswer: canAnswerCase(caller, kase.allocatedToId),
    canQualityAssure: can(caller, "case.qualityAssure"),
  };
}

/** The case's reference for a page title when `actor` may read the case; null otherwise (no leak in titles). */
export async function readableCaseReference(actor: Actor | null, caseId: string, inspectionId: string): Promise<string | null> {
  if (!actor) return null;
  try {
    return (await caseContext(actor, caseId, inspectionId)).reference;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return null;
    throw error;
  }
}

export const LOCKED_CASE_MESSAGE = "This case is approved, so it is locked. Ask the lead inspector to reopen it if it needs to change.";
export const SIGNED_OFF_MESSAGE = "This inspection's ratings are signed off, so its cases can no longer change.";

export interface LockedCaseRow {
  status: CaseStatus;
  version: number;
  /** How many of the case's sections are marked complete. */
  markedSections: number;
  /** Whether the inspection is signed off (its status, or a sign-off that has not been voided). */
  signedOff: boolean;
}

// One round trip for everything a change needs to know before it writes (saves are frequent).
const LOCK_CASE_SQL = `
    SELECT c.status::text AS status, c.version,
           (SELECT count(*)::int FROM case_sections s WHERE s.case_id = c.id) AS "markedSections",
           (i.status = 'signed_off' OR EXISTS (
              SELECT 1 FROM sign_offs so WHERE so.inspection_id = c.inspection_id AND so.voided_at IS NULL)) AS "signedOff"
    FROM cases c JOIN inspections i ON i.id = c.inspection_id
    WHERE c.id = $1::uuid
    FOR UPDATE OF c`;

/**
 * Locks the case row for the rest of the transaction (SELECT … FOR UPDATE): changes to one case, its
 * status moves and the lead's approval run one after another, each seeing the others' result. It is
 * also what keeps two writes of one answer apart: only a change to its case writes an answer.
 */
export async function lockCase(tx: AnyTx, caseId: string): Promise<LockedCaseRow> {
  const rows = await sqlRunner(tx).rows<LockedCaseRow>(LOCK_CASE_SQL, [caseId]);
  const row = rows[0];
  if (!row) throw new NotFoundError("There is no such case.");
  return row;
}
