// Retention of children's data: once an inspection's sign-off in force is older than the retention
// period (CASE_CONTENT_RETENTION_MONTHS), its case text is erased. Figures, ratings, the sign-off
// (with the panel's decision notes, which are the rating's published reasons) and every audit event
// stay; the text inside case events' audit payloads is redacted through the one path the audit
// log's trigger allows (prisma/migrations/20261202005000_case_content_retention.sql), and the
// erasure itself is recorded: inspections.case_content_erased_at and an audit event with counts.
// `npm run retention` (scripts/retention.ts) erases what is due; /admin/retention shows it.

import "server-only";
import { auditEventInsert } from "@/lib/audit";
import { environment, parseEnvironment, type Variables } from "@/lib/config/env";
import { sqlQuery } from "@/lib/db/client";
import { SqlParams, withSqlTransaction, type SqlRunner } from "@/lib/db/sql";
import { authorizeGlobal, type Actor } from "@/lib/permissions/access";

/** What erased text reads as, everywhere (the same literal as case_content_redacted in SQL). */
export const ERASED_TEXT = "[erased]";

/** The retention period in months: CASE_CONTENT_RETENTION_MONTHS (lib/config/env.ts, default 24). */
export function retentionMonths(env?: Variables): number {
  return (env ? parseEnvironment(env) : environment()).CASE_CONTENT_RETENTION_MONTHS;
}

export interface RetentionRow {
  inspectionId: string;
  yjsName: string;
  signedOffAt: Date;
  /** The day the case text becomes due for erasure: sign-off plus the retention period. */
  dueAt: Date;
  erasedAt: Date | null;
}

export interface RetentionOverview {
  months: number;
  /** Signed off, past the period, text not yet erased: what `npm run retention` would erase now. */
  due: RetentionRow[];
  /** Signed off, text kept until dueAt. */
  kept: RetentionRow[];
  erased: RetentionRow[];
}

interface Row {
  inspection_id: string;
  yjs_name: string;
  signed_off_at: Date;
  due_at: Date;
  erased_at: Date | null;
}

const RETENTION_SQL = `
  SELECT i.id AS inspection_id, i.yjs_name, s.signed_at AS signed_off_at,
         s.signed_at + make_interval(months => $1::int) AS due_at, i.case_content_erased_at AS erased_at
  FROM inspections i
  JOIN sign_offs s ON s.inspection_id = i.id AND s.voided_at IS NULL
  WHERE i.status = 'signed_off'
  ORDER BY due_at, i.yjs_name`;

async function retentionRows(months: number): Promise<RetentionRow[]> {
  const { rows } = await sqlQuery<Row>(RETENTION_SQL, [months]);
  return rows.map((r) => ({ inspectionId: r.inspection_id, yjsName: r.yjs_name, signedOffAt: r.signed_off_at, dueAt: r.due_at, erasedAt: r.erased_at }));
}

function overviewOf(rows: RetentionRow[], months: number, now: Date): RetentionOverview {
  return {
    months,
    due: rows.filter((r) => !r.erasedAt && r.dueAt <= now),
    kept: rows.filter((r) => !r.erasedAt && r.dueAt > now),
    erased: rows.filter((r) => r.erasedAt),
  };
}

/** The retention overview for the admin page. */
export async function retentionOverview(actor: Actor, now = new Date()): Promise<RetentionOverview> {
  authorizeGlobal(actor, "retention.manage");
  const months = retentionMonths();
  return overviewOf(await retentionRows(months), months, now);
}

export interface ErasureCounts {
  answers: number;
  cases: number;
  comments: number;
  evidence: number;
  /** Rows of the moderation's text: a case's reason for being added, second rationales, outcome notes and replies. */
  moderation: number;
  auditEvents: number;
  changeRecords: number;
}

/**
 * Erases one inspection's case text, in one transaction, if it is still due (signed off, past the
 * period, not erased): a second instance running the command at the same time waits on the row
 * lock and then finds nothing to do. Returns null when it was not due.
 */
export async function eraseCaseContent(inspectionId: string, options: { months: number; now: Date; actorId: string | null }): Promise<ErasureCounts | null> {
  return withSqlTransaction(async (sql) => {
    const due = await sql.rows<{ signed_at: Date }>(
      `SELECT s.signed_at FROM inspections i JOIN sign_offs s ON s.inspection_id = i.id AND s.voided_at IS NULL
       WHERE i.id = $1::uuid AND i.status = 'signed_off' AND i.case_content_erased_at IS NULL
         AND s.signed_at + make_interval(months => $2::int) <= $3::timestamptz
       FOR UPDATE OF i`,
      [inspectionId, options.months, options.now],
    );
    const signedAt = due[0]?.signed_at;
    if (!signedAt) return null;
    const counts = await eraseText(sql, inspectionId);
    const params = new SqlParams();
    await sql.rows(
      `WITH marked AS (UPDATE inspections SET case_content_erased_at = clock_timestamp() WHERE id = ${params.add(inspectionId, "uuid")})
       ${auditEventInsert(params, {
         actorId: options.actorId,
         action: "inspection.case_content_erased",
         entityType: "inspection",
         entityId: inspectionId,
         inspectionId,
         after: { retentionMonths: options.months, signedOffAt: signedAt.toISOString(), ...counts },
       })}`,
      params.values,
    );
    return counts;
  }, { statementTimeoutMs: 120_000 });
}

async function eraseText(sql: SqlRunner, inspectionId: string): Promise<ErasureCounts> {
  // $1 is the inspection, $2 the erased text.
  const count = async (text: string, values: unknown[] = [inspectionId, ERASED_TEXT]) =>
    (await sql.rows<{ n: number }>(`WITH changed AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM changed`, values))[0]?.n ?? 0;
  const ofInspection = "SELECT id FROM cases WHERE inspection_id = $1::uuid";
  // The audit trigger lets this transaction replace payloads of this inspection's case events by
  // their redaction, and nothing else.
  await sql.rows("SELECT set_config('case_review.redacting_inspection', $1, true)", [inspectionId]);
  return {
    answers: await count(
      `UPDATE answers SET rationale = CASE WHEN rationale = '' THEN '' ELSE $2 END, na_reason = CASE WHEN na_reason IS NULL OR na_reason = '' THEN na_reason ELSE $2 END
       WHERE case_id IN (${ofInspection}) AND (rationale NOT IN ('', $2) OR na_reason NOT IN ('', $2))`,
    ),
    cases: await count(
      `UPDATE cases SET overall_notes = CASE WHEN overall_notes = '' THEN '' ELSE $2 END,
         addition_reason = CASE WHEN addition_reason IS NULL THEN NULL ELSE $2 END,
         removal_reason = CASE WHEN removal_reason IS NULL THEN NULL ELSE $2 END
       WHERE inspection_id = $1::uuid AND (overall_notes NOT IN ('', $2) OR addition_reason <> $2 OR removal_reason <> $2)`,
    ),
    comments: await count(`UPDATE query_messages SET body = $2 WHERE body <> $2 AND query_id IN (SELECT id FROM queries WHERE case_id IN (${ofInspection}))`),
    evidence: await count(`UPDATE evidence_items SET text = $2 WHERE inspection_id = $1::uuid AND text <> $2`),
    moderation:
      (await count(`UPDATE moderation_cases SET addition_reason = $2 WHERE inspection_id = $1::uuid AND addition_reason <> $2`)) +
      (await count(`UPDATE second_answers SET rationale = $2 WHERE rationale NOT IN ('', $2) AND case_id IN (${ofInspection})`)) +
      (await count(
        `UPDATE moderation_outcomes SET note = $2, reply = CASE WHEN reply IS NULL OR reply = '' THEN reply ELSE $2 END
         WHERE case_id IN (${ofInspection}) AND (note <> $2 OR reply NOT IN ('', $2))`,
      )),
    auditEvents: await count(
      `UPDATE audit_events SET before = case_content_redacted(before), after = case_content_redacted(after)
       WHERE case_id IN (${ofInspection})
         AND (before IS DISTINCT FROM case_content_redacted(before) OR after IS DISTINCT FROM case_content_redacted(after))`,
      [inspectionId],
    ),
    // Idempotency records of the outbox: a conflict's response holds the stored text. Years after
    // sign-off no browser resends those changes, so the records go.
    changeRecords: await count(`DELETE FROM applied_changes WHERE case_id IN (${ofInspection})`, [inspectionId]),
  };
}

export interface RetentionRun {
  months: number;
  due: RetentionRow[];
  erased: { row: RetentionRow; counts: ErasureCounts }[];
}

/** `npm run retention`: what is due now, erased when `erase` (one transaction per inspection). */
export async function runRetention(options: { erase: boolean; now?: Date; months?: number }): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  const months = options.months ?? retentionMonths();
  const { due } = overviewOf(await retentionRows(months), months, now);
  const erased: RetentionRun["erased"] = [];
  if (options.erase) {
    for (const row of due) {
      const counts = await eraseCaseContent(row.inspectionId, { months, now, actorId: null });
      if (counts) erased.push({ row, counts });
    }
  }
  return { months, due, erased };
}
