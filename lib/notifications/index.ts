// In-app notifications, derived from the audit trail (nothing is written when an event happens):
// an inspector hears of their cases returned or reopened to them (with the lead's reason) and of the
// lead's comments awaiting their reply, and of a moderator's outcome asking them to review an answer; a lead hears, for inspections they lead, of cases completed,
// cases changed after completion and replies to their comments. Never one's own actions. The only
// state is each user's "seen up to" audit event id (notification_marks), so every instance agrees.

import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, sqlQuery } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { questionBaseId } from "@/lib/cases/field-ids";
import type { Actor } from "@/lib/permissions/access";

export type NotificationKind = "returned" | "reopened" | "comment" | "follow_up" | "completed" | "changed_after_completion" | "reply" | "moderation";

export interface Notification {
  readonly id: string;
  readonly at: Date;
  readonly kind: NotificationKind;
  readonly actorName: string;
  readonly caseReference: string;
  readonly inspectionName: string;
  /** The key question a comment is about. */
  readonly questionId: string | null;
  /** The lead's reason for reopening, or the comment or reply (the reader may read the case). */
  readonly text: string | null;
  /** For a comment: whether it still waits for the inspector's reply. */
  readonly awaitingReply: boolean;
  readonly openComments: number | null;
  readonly href: string;
  readonly unseen: boolean;
}

const LIMIT = 50;

// The two audiences as one UNION ALL, each branch reaching audit_events through an index: the
// inspector's allocated cases (audit_events by case_id), the lead's inspections (by inspection_id).
const EVENTS = `
  SELECT e.id, e.at, e.action, e.case_id, e.inspection_id, e.entity_id, e.before, e.after, e.actor_id
  FROM cases c JOIN audit_events e ON e.case_id = c.id
  WHERE c.allocated_to = $1::uuid AND c.removed_at IS NULL AND e.actor_id IS DISTINCT FROM $1::uuid AND e.id > $2
    AND ((e.action = 'case.status_changed' AND (e.after->>'status' = 'returned' OR (e.before->>'status' = 'approved' AND e.after->>'status' = 'in_progress')))
         OR e.action IN ('query.raised', 'query.followed_up')
         OR (e.action = 'moderation.outcome_recorded' AND e.after->>'outcome' = 'inspector_to_review'))
  UNION ALL
  SELECT e.id, e.at, e.action, e.case_id, e.inspection_id, e.entity_id, e.before, e.after, e.actor_id
  FROM memberships m JOIN audit_events e ON e.inspection_id = m.inspection_id
  WHERE m.user_id = $1::uuid AND m.role = 'lead_inspector' AND e.actor_id IS DISTINCT FROM $1::uuid AND e.id > $2
    AND e.case_id IS NOT NULL
    AND ((e.action = 'case.status_changed' AND (e.after->>'status' = 'completed' OR (e.before->>'status' = 'completed' AND e.after->>'status' = 'in_progress')))
         OR e.action = 'query.answered')`;

const LIST_SQL = `
  WITH mark AS (SELECT COALESCE((SELECT seen_up_to FROM notification_marks WHERE user_id = $1::uuid), 0) AS seen)
  SELECT ev.id::text, ev.at, ev.action, ev.before, ev.after, ev.case_id, ev.inspection_id, ev.id > mark.seen AS unseen,
         COALESCE(u.name, 'Someone') AS actor_name, c.reference, i.yjs_name,
         (SELECT q.status::text FROM queries q WHERE ev.action LIKE 'query.%' AND q.id::text = ev.entity_id) AS query_status
  FROM (${EVENTS}) ev CROSS JOIN mark
  JOIN cases c ON c.id = ev.case_id AND c.removed_at IS NULL
  JOIN inspections i ON i.id = ev.inspection_id
  LEFT JOIN users u ON u.id = ev.actor_id
  ORDER BY ev.id DESC LIMIT ${LIMIT}`;

const COUNT_SQL = `
  SELECT count(*)::int AS n FROM (
    SELECT 1 FROM (${EVENTS}) ev LIMIT 100
  ) x`;

interface ListRow {
  id: string;
  at: Date;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  case_id: string;
  inspection_id: string;
  unseen: boolean;
  actor_name: string;
  reference: string;
  yjs_name: string;
  query_status: string | null;
}

function kindOf(row: ListRow): NotificationKind | null {
  const to = row.after?.status;
  const from = row.before?.status;
  switch (row.action) {
    case "query.raised":
      return "comment";
    case "query.followed_up":
      return "follow_up";
    case "query.answered":
      return "reply";
    // A moderator asked the inspector to review an answer (lib/moderation); the note is on the case page.
    case "moderation.outcome_recorded":
      return "moderation";
    case "case.status_changed":
      if (to === "returned") return "returned";
      if (to === "completed") return "completed";
      if (from === "approved" && to === "in_progress") return "reopened";
      if (from === "completed" && to === "in_progress") return "changed_after_completion";
      return null;
    default:
      return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function toNotification(row: ListRow): Notification | null {
  const kind = kindOf(row);
  if (!kind) return null;
  const caseHref = `/inspections/${row.inspection_id}/cases/${row.case_id}`;
  const questionId = str(row.after?.questionId);
  const href =
    kind === "changed_after_completion"
      ? `${caseHref}/history`
      : kind === "moderation"
        ? `${caseHref}#moderation-notes-heading`
        : questionId && (kind === "comment" || kind === "follow_up" || kind === "reply")
        ? `${caseHref}#${questionBaseId(questionId)}-card`
        : caseHref;
  const text = kind === "reopened" ? str(row.after?.reason) : kind === "comment" ? str(row.after?.comment) : kind === "follow_up" || kind === "reply" ? str(row.after?.reply) : null;
  return {
    id: row.id,
    at: new Date(row.at),
    kind,
    actorName: row.actor_name,
    caseReference: row.reference,
    inspectionName: row.yjs_name,
    questionId,
    text,
    awaitingReply: (kind === "comment" || kind === "follow_up") && row.query_status === "open",
    openComments: typeof row.after?.openComments === "number" ? row.after.openComments : null,
    href,
    unseen: row.unseen,
  };
}

/** The user's latest notifications, newest first, each marked whether it is new to them. */
export async function listNotifications(actor: Actor): Promise<Notification[]> {
  const rows = (await sqlQuery<ListRow>(LIST_SQL, [actor.id, 0])).rows;
  return rows.flatMap((row) => toNotification(row) ?? []);
}

/** How many notifications are new to the user (at most 100: the header says "99+" beyond). */
export async function unseenNotificationCount(actor: Actor): Promise<number> {
  const mark = await db.notificationMark.findUnique({ where: { userId: actor.id }, select: { seenUpTo: true } });
  const rows = (await sqlQuery<{ n: number }>(COUNT_SQL, [actor.id, String(mark?.seenUpTo ?? 0)])).rows;
  return rows[0]?.n ?? 0;
}

const markSchema = z.object({
  upTo: z
    .string({ message: "Reload the notifications and try again" })
    .regex(/^\d{1,18}$/, "Reload the notifications and try again"),
});

/**
 * Marks every notification up to audit event `upTo` (the newest the page showed) as seen. Never moves
 * the mark backwards, so an older page submitted late cannot bring back what was read.
 */
export async function markNotificationsSeen(actor: Actor, input: unknown): Promise<void> {
  const parsed = markSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Reload the notifications and try again", { upTo: "Reload the notifications and try again" });
  const upTo = BigInt(parsed.data.upTo);
  const newest = await db.auditEvent.aggregate({ _max: { id: true } });
  if (upTo > (newest._max.id ?? BigInt(0))) throw new ValidationError("Reload the notifications and try again", { upTo: "Reload the notifications and try again" });
  await db.$transaction(async (tx) => {
    const before = await tx.notificationMark.findUnique({ where: { userId: actor.id }, select: { seenUpTo: true } });
    if (before && before.seenUpTo >= upTo) return;
    await tx.notificationMark.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, seenUpTo: upTo },
      update: { seenUpTo: upTo, updatedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "notifications.seen",
      entityType: "user",
      entityId: actor.id,
      before: { seenUpTo: String(before?.seenUpTo ?? 0) },
      after: { seenUpTo: String(upTo) },
    });
  });
}
