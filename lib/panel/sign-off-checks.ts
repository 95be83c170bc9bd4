// What the lead checks before signing off: every case not approved yet (with its status, inspector
// and comment threads still open) and the number of open threads. signOffRatings enforces the rule;
// this is the list the panel page shows beside the sign-off form.

import "server-only";
import { sqlQuery } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/permissions/access";
import { caseStatusOf, type CaseStatus } from "@/lib/statuses";

export interface CaseNotApproved {
  readonly id: string;
  readonly reference: string;
  readonly status: CaseStatus;
  readonly inspector: string | null;
  /** Comment threads on the case that are not closed (waiting for the inspector or for the lead). */
  readonly openComments: number;
}

export interface SignOffChecks {
  readonly notApproved: readonly CaseNotApproved[];
  readonly openComments: number;
}

const CHECKS_SQL = `
  SELECT c.id, c.reference, c.status::text AS status, u.name AS inspector,
         (SELECT count(*)::int FROM queries q WHERE q.case_id = c.id AND q.status <> 'closed') AS "openComments"
  FROM cases c LEFT JOIN users u ON u.id = c.allocated_to
  WHERE c.inspection_id = $1::uuid AND c.removed_at IS NULL
    AND (c.status <> 'approved' OR EXISTS (SELECT 1 FROM queries q WHERE q.case_id = c.id AND q.status <> 'closed'))
  ORDER BY c.reference`;

/** The lead's list before sign-off; only for those who may sign off. */
export async function signOffChecks(actor: Actor, inspectionId: string): Promise<SignOffChecks> {
  await authorize(actor, inspectionId, "panel.decide");
  const rows = (await sqlQuery<CaseNotApproved & { status: string }>(CHECKS_SQL, [inspectionId])).rows.map((r) => ({ ...r, status: caseStatusOf(r.status) }));
  return {
    notApproved: rows.filter((r) => r.status !== "approved"),
    openComments: rows.reduce((sum, r) => sum + r.openComments, 0),
  };
}
