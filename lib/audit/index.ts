import type { Prisma } from "@/lib/generated/prisma/client";
import { sqlRunner, type AnyTx } from "@/lib/db/sql";

// Every change a user makes is recorded here, in the same transaction as the change itself.
// Events go to the append-only audit_events table, never to process logs.

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  inspectionId?: string | null;
  caseId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

// clock_timestamp(), not now(): events of one transaction keep the order in which they happened.
const INSERT_AUDIT_EVENT = `
  INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, inspection_id, case_id, before, after)
  VALUES (clock_timestamp(), $1::uuid, $2, $3, $4, $5::uuid, $6::uuid, $7::jsonb, $8::jsonb)`;

function auditValues(entry: AuditEntry): unknown[] {
  return [
    entry.actorId,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.inspectionId ?? null,
    entry.caseId ?? null,
    entry.before == null ? null : JSON.stringify(entry.before),
    entry.after == null ? null : JSON.stringify(entry.after),
  ];
}

/** Records one event in `tx` (a Prisma transaction or a plain SQL one). */
export async function recordAudit(tx: AnyTx, entry: AuditEntry): Promise<void> {
  await sqlRunner(tx).rows(INSERT_AUDIT_EVENT, auditValues(entry));
}
