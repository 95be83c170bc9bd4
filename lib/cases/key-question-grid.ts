// The lead's grid: every case × every key question of its stream (REDCap's record status dashboard,
// one step further: the answer itself, not only the form's progress), filtered by inspector, stream,
// status and open comments. One SQL statement; applicability comes from lib/framework, so a question
// that does not apply to a case says so instead of "unanswered".

import "server-only";
import { z } from "zod";
import { sqlQuery } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, keyQuestionApplicability, standardsForStream, streamsWithKeyQuestions, type FrameworkVersion } from "@/lib/framework";
import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { CASE_STATUSES, type CaseStatus } from "@/lib/statuses";

/** What one cell says: the stored answer, nothing yet, or that the question does not apply to the case. */
export type GridCell = "yes" | "no" | "na" | "unanswered" | "does_not_apply";

const COMMENT_FILTERS = ["open", "none"] as const;

const STREAM_MESSAGE = "Choose a stream from the list";

/** The filters as the GET form sends them; an unknown value is reported and ignored, never a 500. */
const filterSchema = z.object({
  inspector: z.string().refine((v) => v === "unallocated" || isUuid(v), "Choose an inspector from the list").optional(),
  /** One of the grid's streams: parseFilters checks it against the inspection's version. */
  stream: z.enum(STREAMS, { message: STREAM_MESSAGE }).optional(),
  /** A case status, or "changed": cases edited after completion that the lead has not approved since. */
  status: z.enum([...CASE_STATUSES, "changed"], { message: "Choose a status from the list" }).optional(),
  comments: z.enum(COMMENT_FILTERS, { message: "Choose whether to show cases with open comments" }).optional(),
});

export type GridFilters = z.infer<typeof filterSchema>;

export interface GridRow {
  readonly id: string;
  readonly reference: string;
  readonly stream: Stream;
  readonly status: CaseStatus;
  readonly inspector: { readonly id: string; readonly name: string } | null;
  /** When the case was first edited after being completed, until the lead approves it (lib/cases/case-state.ts). */
  readonly changedAfterCompletionAt: string | null;
  /** Comment threads not closed: waiting for the inspector's reply or for the lead. */
  readonly openComments: number;
  /** Completed, with no open comment: the lead can approve it from the grid. */
  readonly approvable: boolean;
  /** Key question id → what its cell says, in framework order. */
  readonly cells: Readonly<Record<string, GridCell>>;
}

export interface GridColumn {
  readonly id: string;
  readonly text: string;
}

export interface KeyQuestionGrid {
  readonly inspection: { readonly id: string; readonly yjsName: string; readonly frameworkVersion: FrameworkVersion; readonly signedOff: boolean };
  readonly filters: GridFilters;
  /** Field → message for each filter value that was not understood (the page lists them). */
  readonly filterErrors: Readonly<Record<string, string>>;
  /** The inspection's team, for the inspector filter. */
  readonly inspectors: readonly { readonly id: string; readonly name: string }[];
  /** The streams of the inspection's version whose cases answer key questions: the stream filter's choices. */
  readonly streamChoices: readonly Stream[];
  /** One table per stream of streamChoices, or only the filtered one. */
  readonly streams: readonly { readonly stream: Stream; readonly columns: readonly GridColumn[]; readonly rows: readonly GridRow[] }[];
  /** Cases on the inspection before filtering. */
  readonly totalCases: number;
  readonly canApprove: boolean;
}

interface Row {
  id: string;
  reference: string;
  stream: Stream;
  status: CaseStatus;
  disposal_type: string;
  harm_factors: boolean | null;
  safety_wellbeing_factors: boolean | null;
  inspector_id: string | null;
  inspector_name: string | null;
  open_comments: number;
  changed_after_completion_at: string | null;
  answers: Record<string, "yes" | "no" | "na"> | null;
}

const GRID_SQL = `
  SELECT c.id, c.reference, c.stream, c.status, c.disposal_type, c.harm_factors, c.safety_wellbeing_factors,
         u.id AS inspector_id, u.name AS inspector_name, c.changed_after_completion_at,
         (SELECT count(*)::int FROM queries q WHERE q.case_id = c.id AND q.status <> 'closed') AS open_comments,
         (SELECT json_object_agg(a.question_id, a.value) FROM answers a WHERE a.case_id = c.id AND a.value IS NOT NULL) AS answers
  FROM cases c LEFT JOIN users u ON u.id = c.allocated_to
  WHERE c.inspection_id = $1::uuid AND c.removed_at IS NULL
  ORDER BY c.reference`;

const HEAD_SQL = `
  SELECT i.yjs_name, i.framework_version,
         (i.status = 'signed_off' OR EXISTS (SELECT 1 FROM sign_offs s WHERE s.inspection_id = i.id AND s.voided_at IS NULL)) AS signed_off,
         COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                   FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.inspection_id = i.id), '[]') AS team
  FROM inspections i WHERE i.id = $1::uuid`;

function parseFilters(input: Record<string, string | string[] | undefined>, streams: readonly Stream[]): { filters: GridFilters; errors: Record<string, string> } {
  const filters: GridFilters = {};
  const errors: Record<string, string> = {};
  for (const key of ["inspector", "stream", "status", "comments"] as const) {
    const raw = input[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = filterSchema.shape[key].safeParse(value);
    if (key === "stream" && parsed.success && !streams.includes(parsed.data as Stream)) errors[key] = STREAM_MESSAGE;
    else if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else errors[key] = parsed.error.issues[0]?.message ?? "Choose from the list";
  }
  return { filters, errors };
}

function matches(row: GridRow, filters: GridFilters): boolean {
  if (filters.inspector === "unallocated" ? row.inspector !== null : filters.inspector && row.inspector?.id !== filters.inspector) return false;
  if (filters.stream && row.stream !== filters.stream) return false;
  if (filters.status === "changed" ? row.changedAfterCompletionAt === null : filters.status && row.status !== filters.status) return false;
  if (filters.comments === "open" && row.openComments === 0) return false;
  if (filters.comments === "none" && row.openComments > 0) return false;
  return true;
}

/** The grid for anyone who may read the inspection's cases; approving from it is the lead's. */
export async function keyQuestionGrid(actor: Actor, inspectionId: string, query: Record<string, string | string[] | undefined>): Promise<KeyQuestionGrid> {
  const caller = await authorize(actor, inspectionId, "cases.read");
  const head = (await sqlQuery<{ yjs_name: string; framework_version: string; signed_off: boolean; team: { id: string; name: string }[] }>(HEAD_SQL, [inspectionId])).rows[0];
  if (!head) throw new NotFoundError("There is no such inspection.");
  if (!isFrameworkVersion(head.framework_version)) throw new Error(`Unknown framework version ${head.framework_version}`);
  const fw = getFramework(head.framework_version);
  const streamChoices = streamsWithKeyQuestions(fw);
  const { filters, errors } = parseFilters(query, streamChoices);
  const rows = (await sqlQuery<Row>(GRID_SQL, [inspectionId])).rows;

  const streams = streamChoices.flatMap((stream) => {
    const keyQuestions = standardsForStream(fw, stream).flatMap((s) => s.keyQuestions);
    const gridRows: GridRow[] = rows
      .filter((r) => r.stream === stream)
      .map((r) => {
        const attrs = { stream, disposalType: r.disposal_type, harmFactors: r.harm_factors, safetyWellbeingFactors: r.safety_wellbeing_factors };
        const cells: Record<string, GridCell> = {};
        for (const kq of keyQuestions) {
          cells[kq.id] = !keyQuestionApplicability(kq, attrs).applies ? "does_not_apply" : (r.answers?.[kq.id] ?? "unanswered");
        }
        return {
          id: r.id,
          reference: r.reference,
          stream,
          status: r.status,
          inspector: r.inspector_id && r.inspector_name ? { id: r.inspector_id, name: r.inspector_name } : null,
          openComments: r.open_comments,
          changedAfterCompletionAt: r.changed_after_completion_at ? new Date(r.changed_after_completion_at).toISOString() : null,
          approvable: r.status === "completed" && r.open_comments === 0,
          cells,
        };
      })
      .filter((row) => matches(row, filters));
    if (filters.stream && filters.stream !== stream) return [];
    return [{ stream, columns: keyQuestions.map((k) => ({ id: k.id, text: k.text })), rows: gridRows }];
  });

  return {
    inspection: { id: inspectionId, yjsName: head.yjs_name, frameworkVersion: head.framework_version, signedOff: head.signed_off },
    filters,
    filterErrors: errors,
    inspectors: head.team,
    streamChoices,
    streams,
    totalCases: rows.length,
    canApprove: can(caller, "case.qualityAssure") && !head.signed_off,
  };
}
