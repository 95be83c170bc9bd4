import "server-only";
import { SqlParams, sqlRunner, type AnyTx } from "@/lib/db/sql";
import type { AuditEvent } from "./events";

// Every change a user makes is recorded here, in the same transaction as the change itself.
// Events go to the append-only audit_events table, never to process logs. Their kinds and shapes
// are declared once, in ./events.ts.

export type { AuditEvent } from "./events";

/**
 * The INSERT of one event, its values added to `params`: on its own (recordAudit), or as a step of a
 * statement that writes and audits in one round trip. clock_timestamp(), not now(): events of one
 * transaction keep the order in which they happened.
 */
export function auditEventInsert(params: SqlParams, entry: AuditEvent): string {
  const json = (value: unknown) => (value == null ? null : JSON.stringify(value));
  return `INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, inspection_id, case_id, before, after)
    VALUES (clock_timestamp(), ${params.add(entry.actorId, "uuid")}, ${params.add(entry.action)}, ${params.add(entry.entityType)},
            ${params.add(entry.entityId)}, ${params.add(entry.inspectionId ?? null, "uuid")}, ${params.add(entry.caseId ?? null, "uuid")},
            ${params.add(json(entry.before), "jsonb")}, ${params.add(json(entry.after), "jsonb")})`;
}

/** Records one event in `tx` (a Prisma transaction or a plain SQL one). */
export async function recordAudit(tx: AnyTx, entry: AuditEvent): Promise<void> {
  const params = new SqlParams();
  await sqlRunner(tx).rows(auditEventInsert(params, entry), params.values);
}
