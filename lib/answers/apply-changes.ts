import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { auditEventInsert, type AuditEvent } from "@/lib/audit";
import { SqlParams, withSqlTransaction, type SqlRunner } from "@/lib/db/sql";
import { ForbiddenError } from "@/lib/errors";
import { findKeyQuestion, keyQuestionApplicability } from "@/lib/framework";
import { isDisposalTypeOfStream } from "@/lib/framework/case-attributes";
import { caseContext, lockCase, LOCKED_CASE_MESSAGE, SIGNED_OFF_MESSAGE, type CaseContext, type LockedCaseRow } from "@/lib/cases/access";
import { afterContentChange } from "@/lib/cases/case-state";
import type { Actor } from "@/lib/permissions/access";
import { CASE_FIELDS, CASE_FIELD_NAMES, type CaseFieldName } from "@/lib/cases/case-fields";
import { changeBatchSchema, mergeChange, type AnswerChange, type CaseChange, type Change, type ChangeResult, type StoredState } from "./change";
import { PROMPT_KEY_PREFIX, storedAnswerFlat, type AnswerValue, type Scalar } from "@/lib/flat-fields";
import { parse } from "@/lib/validation";

// Applies a browser outbox batch (README, "The autosave is plain SQL"). Each change is its own
// transaction, in order: an already-applied change id answers as before; a change made on an older
// version that would overwrite someone else's value is a conflict carrying the stored value; anything
// else is written with version + 1 and an audit event (from → to). The first conflict or refusal ends
// the batch so that nothing is applied out of order; the browser resends the rest afterwards.
//
// This is the app's hottest write (every few seconds per inspector all day), so it is plain SQL on one
// pooled connection: per change BEGIN, lock the case, read, write, COMMIT, with no ORM in between.

/** Ends a change's transaction (rolling it back) with an answer for the browser. */
class Outcome extends Error {
  constructor(readonly result: ChangeResult) {
    super(result.status);
  }
}

const rejected = (changeId: string, code: number, message: string): Outcome => new Outcome({ changeId, status: "rejected", code, message });

export async function applyChanges(actor: Actor, caseId: string, input: unknown): Promise<{ results: ChangeResult[] }> {
  return applyChangesTo(actor, await answerableCase(actor, caseId), input);
}

/** The case, when `actor` may change it: checked before the outbox's body is read (app/api/cases/[caseId]/changes). */
export async function answerableCase(actor: Actor, caseId: string): Promise<CaseContext> {
  const ctx = await caseContext(actor, caseId);
  if (!ctx.canAnswer) {
    throw new ForbiddenError("Only the inspector allocated to this case, or the lead inspector, can change it.");
  }
  return ctx;
}

export async function applyChangesTo(actor: Actor, ctx: CaseContext, input: unknown): Promise<{ results: ChangeResult[] }> {
  const batch = parse(changeBatchSchema, input, { message: "The changes are not in the expected form.", wholeKey: "changes" });

  const results: ChangeResult[] = [];
  for (const change of batch.changes) {
    const result = await applyOne(actor, ctx, change);
    results.push(result);
    if (result.status === "conflict" || result.status === "rejected") break;
  }
  return { results };
}

async function applyOne(actor: Actor, ctx: CaseContext, change: Change): Promise<ChangeResult> {
  try {
    return await withSqlTransaction(async (sql) => {
      // The whole case row is locked first: a change may move the case's status, and the lead's
      // approval (which locks the same row) must see either all of it or none of it. The lock also
      // serialises changes to one case, so a resent change finds the first one's record below.
      const kase = await lockCase(sql, ctx.caseId);
      const applied = change.target === "answer" ? await prepareAnswerChange(sql, actor, ctx, change, kase) : await prepareCaseChange(sql, actor, ctx, change, kase);
      await writeChange(sql, actor, ctx, change, applied);
      const caseStatus = applied.effect
        ? await afterContentChange(sql, ctx.framework, { caseId: ctx.caseId, inspectionId: ctx.inspectionId, actorId: actor.id }, kase.status, kase.markedSections)
        : kase.status;
      // The page follows the status the server gave the case (e.g. completed → in progress).
      return applied.response.status === "applied" ? { ...applied.response, caseStatus } : applied.response;
    });
  } catch (error) {
    if (error instanceof Outcome) return error.result;
    throw error;
  }
}

/** What the change id's earlier use answered, if it was used before; refusals for a locked case. */
function priorOutcome(change: Change, actor: Actor, ctx: CaseContext, prior: PriorChange, kase: LockedCaseRow): ChangeResult | null {
  if (prior.priorCaseId !== null) {
    if (prior.priorCaseId !== ctx.caseId || prior.priorUserId !== actor.id) {
      throw rejected(change.changeId, 409, "This change id was already used for another change.");
    }
    if (prior.priorDigest !== null && prior.priorDigest !== changeDigest(change) && prior.priorDigest !== nestedMarksDigest(change)) {
      throw rejected(change.changeId, 409, "This change id was already used for a different change; a resend must repeat it exactly. Nothing was saved: send the new change with a new id.");
    }
    return { ...(prior.priorResponse as ChangeResult), status: "duplicate" } as ChangeResult;
  }
  if (kase.status === "approved") throw rejected(change.changeId, 423, LOCKED_CASE_MESSAGE);
  if (kase.signedOff) throw rejected(change.changeId, 423, SIGNED_OFF_MESSAGE);
  return null;
}

interface PriorChange {
  priorCaseId: string | null;
  priorUserId: string | null;
  priorResponse: unknown;
  priorDigest: string | null;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What a change says (its parsed content, keys in a fixed order), as SHA-256: equal for a faithful resend. */
export function changeDigest(change: Change): string {
  return createHash("sha256").update(canonicalJson(change)).digest("hex");
}

/**
 * The digest releases before the flat wire format recorded for an answer change: its prompt marks
 * nested ({"promptMarks": {"0": "met"}}). A change applied then and resent now is still a duplicate.
 */
function nestedMarksDigest(change: Change): string | null {
  if (change.target !== "answer") return null;
  const nested = (fields: Readonly<Record<string, Scalar>>) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (key.startsWith(PROMPT_KEY_PREFIX)) ((out.promptMarks ??= {}) as Record<string, Scalar>)[key.slice(PROMPT_KEY_PREFIX.length)] = value;
      else out[key] = value;
    }
    return out;
  };
  return createHash("sha256").update(canonicalJson({ ...change, from: nested(change.from), to: nested(change.to) })).digest("hex");
}

// Every read of a change starts with the record of its id, if it was applied before (a resend).
const PRIOR_CHANGE_JOIN = `
  FROM (SELECT 1) AS one
  LEFT JOIN applied_changes ac ON ac.change_id = $1::uuid`;
const PRIOR_CHANGE_COLUMNS = `ac.case_id AS "priorCaseId", ac.user_id AS "priorUserId", ac.response AS "priorResponse", ac.content_digest AS "priorDigest"`;

/** A change ready to write: its answer, and what it changes (none when it changes nothing). */
interface Applied {
  response: ChangeResult;
  effect?: {
    /** The change's writes, their values added to `params` (steps of one WITH statement). */
    writes(params: SqlParams): string[];
    audit: AuditEvent;
  };
}

/**
 * Writes the change, its audit event and the record of its id (with the answer a resend gets) in one
 * statement. Two uses of one id can only race across different cases (the case lock serialises the
 * rest): the second finds the first's record and is refused, its writes rolled back.
 */
async function writeChange(sql: SqlRunner, actor: Actor, ctx: CaseContext, change: Change, applied: Applied): Promise<void> {
  const params = new SqlParams();
  const steps = applied.effect ? [...applied.effect.writes(params), auditEventInsert(params, applied.effect.audit)] : [];
  const { changeId } = applied.response;
  const record = `INSERT INTO applied_changes (change_id, case_id, user_id, response, content_digest)
    VALUES (${params.add(changeId, "uuid")}, ${params.add(ctx.caseId, "uuid")}, ${params.add(actor.id, "uuid")}, ${params.add(JSON.stringify(applied.response), "jsonb")}, ${params.add(changeDigest(change))})
    ON CONFLICT (change_id) DO NOTHING RETURNING change_id`;
  const text = steps.length > 0 ? `WITH ${steps.map((step, i) => `write${i} AS (${step})`).join(",\n")}\n${record}` : record;
  const recorded = await sql.rows(text, params.values);
  if (recorded.length === 0) throw rejected(changeId, 409, "This change id was already used for another change.");
}

interface StoredAnswerRow extends PriorChange {
  answerId: string | null;
  value: AnswerValue | null;
  naReason: string | null;
  rationale: string | null;
  promptMarks: unknown;
  version: number | null;
  updatedByName: string | null;
  updatedAt: Date | null;
  disposalType: string;
  harmFactors: boolean | null;
  safetyWellbeingFactors: boolean | null;
}

const STORED_ANSWER_SQL = `
  SELECT ${PRIOR_CHANGE_COLUMNS},
         a.id AS "answerId", a.value::text AS value, a.na_reason AS "naReason", a.rationale, a.prompt_marks AS "promptMarks",
         a.version, u.name AS "updatedByName", a.updated_at AS "updatedAt",
         c.disposal_type AS "disposalType", c.harm_factors AS "harmFactors", c.safety_wellbeing_factors AS "safetyWellbeingFactors"
  ${PRIOR_CHANGE_JOIN}
  JOIN cases c ON c.id = $2::uuid
  LEFT JOIN answers a ON a.case_id = $2::uuid AND a.question_id = $3
  LEFT JOIN users u ON u.id = a.updated_by`;

async function prepareAnswerChange(sql: SqlRunner, actor: Actor, ctx: CaseContext, change: AnswerChange, kase: LockedCaseRow): Promise<Applied> {
  const kq = findKeyQuestion(ctx.framework, change.questionId);
  if (!kq || kq.appliesTo.stream !== ctx.stream) {
    throw rejected(change.changeId, 400, `Key question ${change.questionId} is not one this case answers.`);
  }
  const [stored] = await sql.rows<StoredAnswerRow>(STORED_ANSWER_SQL, [change.changeId, ctx.caseId, kq.id]);
  const prior = priorOutcome(change, actor, ctx, stored!, kase);
  if (prior) throw new Outcome(prior);
  // An answer is only given where the key question applies to the case as it stands now (a question
  // that stopped applying keeps its stored answer, which counts nowhere: lib/rating/counts-from-answers).
  const applicability = keyQuestionApplicability(kq, { stream: ctx.stream, disposalType: stored!.disposalType, harmFactors: stored!.harmFactors, safetyWellbeingFactors: stored!.safetyWellbeingFactors });
  if (!applicability.applies && change.to.value !== undefined && change.to.value !== null) {
    throw rejected(change.changeId, 400, `Key question ${kq.id} does not apply to this case, so it cannot be answered. ${applicability.reason}`);
  }
  if (change.to.value === "na" && !kq.notApplicableAllowed) {
    throw rejected(change.changeId, 400, `Key question ${kq.id} cannot be marked not applicable.`);
  }
  for (const key of Object.keys(change.to)) {
    const index = key.startsWith(PROMPT_KEY_PREFIX) ? key.slice(PROMPT_KEY_PREFIX.length) : null;
    if (index !== null && Number(index) >= kq.prompts.length) throw rejected(change.changeId, 400, `Key question ${kq.id} has no prompt ${index}.`);
  }
  const storedVersion = stored!.version ?? 0;
  const storedFlat = storedAnswerFlat({ value: stored!.value, naReason: stored!.naReason, rationale: stored!.rationale ?? "", promptMarks: stored!.promptMarks });
  const outcome = mergeChange(storedFlat, storedVersion, change);
  const base = { changeId: change.changeId, target: "answer" as const, questionId: kq.id };
  if (outcome.kind === "conflict") {
    throw new Outcome({
      ...base,
      status: "conflict",
      code: 409,
      message: `Someone else changed key question ${kq.id} after you loaded it.`,
      fields: outcome.fields,
      current: {
        version: storedVersion,
        fields: storedFlat,
        updatedByName: storedVersion === 0 ? null : stored!.updatedByName,
        updatedAt: storedVersion === 0 || !stored!.updatedAt ? null : stored!.updatedAt.toISOString(),
      } satisfies StoredState,
    });
  }
  if (outcome.kind === "unchanged") return { response: { ...base, status: "applied", version: storedVersion } };

  const merged = { ...storedFlat, ...outcome.updates };
  const promptMarks: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) if (key.startsWith(PROMPT_KEY_PREFIX) && value !== null) promptMarks[key.slice(PROMPT_KEY_PREFIX.length)] = String(value);
  const version = storedVersion + 1;
  // An answer's first save creates its row (version 0 is "no answer yet": rows of that version were
  // written by earlier releases, to lock them); its id is chosen here so the audit event can name it.
  const answerId = stored!.answerId ?? randomUUID();
  return {
    response: { ...base, status: "applied", version },
    effect: {
      writes: (p) => [
        `INSERT INTO answers (id, case_id, question_id, value, na_reason, rationale, prompt_marks, version, updated_by, updated_at)
         VALUES (${p.add(answerId, "uuid")}, ${p.add(ctx.caseId, "uuid")}, ${p.add(kq.id)}, ${p.add(merged.value, "answer_value")}, ${p.add(merged.naReason)},
                 ${p.add(merged.rationale)}, ${p.add(JSON.stringify(promptMarks), "jsonb")}, ${p.add(version, "integer")}, ${p.add(actor.id, "uuid")}, now())
         ON CONFLICT (case_id, question_id) DO UPDATE SET
           value = EXCLUDED.value, na_reason = EXCLUDED.na_reason, rationale = EXCLUDED.rationale, prompt_marks = EXCLUDED.prompt_marks,
           version = EXCLUDED.version, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      ],
      audit: {
        actorId: actor.id,
        action: "answer.changed",
        entityType: "answer",
        entityId: answerId,
        inspectionId: ctx.inspectionId,
        caseId: ctx.caseId,
        before: { questionId: kq.id, version: storedVersion, ...outcome.before },
        after: { questionId: kq.id, version, ...outcome.updates },
      },
    },
  };
}

/** A case field as the browser holds it: dates as YYYY-MM-DD and enums as text. */
export function storedCaseColumn(field: CaseFieldName): string {
  const { column, sqlType } = CASE_FIELDS[field];
  const expression = sqlType === "date" ? `to_char(c.${column}, 'YYYY-MM-DD')` : sqlType === "gender" || sqlType === "classification" ? `c.${column}::text` : `c.${column}`;
  return `${expression} AS "${field}"`;
}

const STORED_CASE_SQL = `
  SELECT ${PRIOR_CHANGE_COLUMNS}, c.version, c.updated_at AS "updatedAt", ${CASE_FIELD_NAMES.map(storedCaseColumn).join(", ")}
  ${PRIOR_CHANGE_JOIN}
  JOIN cases c ON c.id = $2::uuid`;

type StoredCaseRow = PriorChange & { version: number; updatedAt: Date } & Record<CaseFieldName, Scalar>;

async function prepareCaseChange(sql: SqlRunner, actor: Actor, ctx: CaseContext, change: CaseChange, kase: LockedCaseRow): Promise<Applied> {
  const [stored] = await sql.rows<StoredCaseRow>(STORED_CASE_SQL, [change.changeId, ctx.caseId]);
  const prior = priorOutcome(change, actor, ctx, stored!, kase);
  if (prior) throw new Outcome(prior);
  if (change.to.disposalType !== undefined && !isDisposalTypeOfStream(ctx.stream, change.to.disposalType)) {
    throw rejected(change.changeId, 400, "Choose a disposal type of this case's stream.");
  }
  const storedFlat: Record<string, Scalar> = {};
  for (const field of CASE_FIELD_NAMES) storedFlat[field] = stored![field];
  const outcome = mergeChange(storedFlat, stored!.version, change);
  const base = { changeId: change.changeId, target: "case" as const };
  if (outcome.kind === "conflict") {
    throw new Outcome({
      ...base,
      status: "conflict",
      code: 409,
      message: "Someone else changed this case's details after you loaded them.",
      fields: outcome.fields,
      current: { version: stored!.version, fields: storedFlat, updatedByName: null, updatedAt: stored!.updatedAt.toISOString() },
    });
  }
  if (outcome.kind === "unchanged") return { response: { ...base, status: "applied", version: stored!.version } };

  const fields = Object.keys(outcome.updates) as CaseFieldName[];
  const version = stored!.version + 1;
  const action = fields.every((k) => k === "overallNotes")
    ? "case.notes_changed"
    : fields.every((k) => k === "caseManagerInterviewed" || k === "caseManagerInterviewDate")
      ? "case.interview_changed"
      : "case.attributes_changed";
  return {
    response: { ...base, status: "applied", version },
    effect: {
      writes: (p) => [
        `UPDATE cases SET ${fields.map((f) => `${CASE_FIELDS[f].column} = ${p.add(outcome.updates[f], CASE_FIELDS[f].sqlType)}`).join(", ")},
           version = ${p.add(version, "integer")}, updated_at = now()
         WHERE id = ${p.add(ctx.caseId, "uuid")}`,
      ],
      audit: {
        actorId: actor.id,
        action,
        entityType: "case",
        entityId: ctx.caseId,
        inspectionId: ctx.inspectionId,
        caseId: ctx.caseId,
        before: outcome.before,
        after: outcome.updates,
      },
    },
  };
}
