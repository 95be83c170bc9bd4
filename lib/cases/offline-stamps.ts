import "server-only";
import { sqlQuery } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/permissions/access";

// What My cases and the stamps route (app/api/inspections/[inspectionId]/offline-stamps) give the
// device that keeps the inspector's cases offline (the cases' service worker, sw.js route): each case
// allocated to them with a stamp that moves whenever its page would show something new (the case's own
// fields, status and allocation, an answer, a section mark, a comment or a reply, evidence), so that
// the device refetches only the pages that changed instead of every page.

export interface OfflineCaseStamp {
  id: string;
  reference: string;
  stamp: string;
}

const STAMPS_SQL = `
  SELECT c.id, c.reference,
         concat_ws('.', c.version, c.status::text, extract(epoch FROM c.updated_at),
           (SELECT count(*) || ':' || COALESCE(sum(a.version), 0) FROM answers a WHERE a.case_id = c.id),
           (SELECT string_agg(s.standard_id, ',' ORDER BY s.standard_id) FROM case_sections s WHERE s.case_id = c.id),
           (SELECT count(*) || ':' || COALESCE(extract(epoch FROM max(q.updated_at)), 0) FROM queries q WHERE q.case_id = c.id),
           (SELECT count(*) FROM query_messages m JOIN queries q ON q.id = m.query_id WHERE q.case_id = c.id),
           (SELECT count(*) || ':' || count(e.deleted_at) FROM evidence_items e WHERE e.case_id = c.id)) AS stamp
  FROM cases c
  WHERE c.inspection_id = $1::uuid AND c.allocated_to = $2::uuid AND c.removed_at IS NULL
  ORDER BY c.reference`;

/** The cases allocated to the actor on this inspection, each with the stamp of its current state. */
export async function offlineCaseStamps(actor: Actor, inspectionId: string): Promise<OfflineCaseStamp[]> {
  await authorize(actor, inspectionId, "cases.read");
  return (await sqlQuery<{ id: string; reference: string; stamp: string }>(STAMPS_SQL, [inspectionId, actor.id])).rows;
}
