import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { Client } from "pg";
import { CALLERS, type CallerKey, type Outcome } from "@/tests/entry-points";
import { DEMO_PASSWORD } from "@/scripts/demo-data";
import { createInspectionWithCases, demoUser } from "./fixtures";

// What the access matrix and the fuzzing specs share: the entry points found in the source tree,
// the build's server action ids, calling an action over HTTP the way Next's client does, reading
// the outcome of a response, and a fingerprint of the database rows one inspection owns.

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The URL pattern of an app folder: route groups and the file name dropped. */
function routeOf(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  if (/^export\s+default\b/m.test(source)) names.add("default");
  return [...names];
}

function isUseServerFile(source: string): boolean {
  const body = source.replace(/^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/, "");
  return /^\s*["']use server["']/.test(body);
}

/** Every page, route handler method and server action export in app/ (and any "use server" file in lib/ or components/). */
export function sourceEntryPoints(): string[] {
  const keys: string[] = [];
  for (const file of filesUnder("app")) {
    if (/\/page\.(tsx|ts|jsx|js)$/.test(file)) keys.push(`page ${routeOf(file)}`);
    if (/\/route\.(ts|js)$/.test(file)) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const name of exportedNames(source)) if (HTTP_METHODS.includes(name)) keys.push(`${name} ${routeOf(file)}`);
    }
  }
  for (const dir of ["app", "lib", "components"]) {
    for (const file of filesUnder(dir)) {
      if (!/\.(ts|tsx|js|jsx)$/.test(file) || /\.test\.tsx?$/.test(file) || file.startsWith("lib/generated/")) continue;
      const source = readFileSync(path.join(root, file), "utf8");
      if (isUseServerFile(source)) for (const name of exportedNames(source)) keys.push(`action ${file}#${name}`);
    }
  }
  return keys.sort();
}

export interface ServerActionRef {
  id: string;
  file: string;
  name: string;
  /** A page (route pattern) whose bundle holds the action: where Next's client would POST it. */
  page: string;
}

/** The build's server actions, from <distDir>/server/server-reference-manifest.json. */
export function serverActions(): ServerActionRef[] {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
    if (!entry.filename || !entry.exportedName || !worker) throw new Error(`Server action ${id} has no file, export name or page in the manifest`);
    return { id, file: entry.filename, name: entry.exportedName, page: worker.replace(/^app/, "").replace(/\/page$/, "") || "/" };
  });
}

/** Fills a route pattern's dynamic segments. */
export function concrete(route: string, values: Readonly<Record<string, string>>): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${route}`);
    return value;
  });
}

export type ActionArgs = { form: Readonly<Record<string, string>> } | { raw: string };

/**
 * Calls a server action as React's client does for a form action under useActionState: a multipart
 * body whose field "0" is the argument list [previous state, form] and "_1_<name>" the form's fields.
 * `raw` sends field "0" as given (junk argument lists).
 */
export async function callAction(request: APIRequestContext, action: ServerActionRef, pagePath: string, args: ActionArgs): Promise<APIResponse> {
  // React reads field "0" as soon as it arrives, so the form's fields go first (as its client sends them).
  const multipart = new FormData();
  if ("raw" in args) multipart.append("0", args.raw);
  else {
    for (const [name, value] of Object.entries(args.form)) multipart.append(`_1_${name}`, value);
    multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  }
  const origin = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").origin;
  return request.post(pagePath, {
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: origin },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

export type Observed = Outcome | "error";

/** What a response amounts to, in the entry-point table's terms. */
export function outcomeOf(response: APIResponse): Observed {
  const status = response.status();
  const headers = response.headers();
  const location = headers["location"] ?? headers["x-action-redirect"] ?? "";
  if (status >= 500) return "error";
  if (/^(https?:\/\/[^/]+)?\/(sign-in|api\/auth\/signin)\b/.test(location)) return "signIn";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  return "ok";
}

/**
 * The state a server action answered, from its RSC payload (lines "<id>:<json>": the root names the
 * result, inline or as a reference "$@<id>" to another line), or null when there is none.
 */
export function actionState(body: string): { status: string; message?: string; fieldErrors?: Record<string, string> } | null {
  const rows = new Map<string, unknown>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1]!, JSON.parse(match[2]!));
    } catch {
      // a row that is not plain JSON (a module, a stream): not the result
    }
  }
  let result = (rows.get("0") as { a?: unknown } | undefined)?.a;
  if (typeof result === "string" && result.startsWith("$@")) result = rows.get(result.slice(2));
  const state = result as { status?: unknown } | undefined;
  return state && typeof state === "object" && typeof state.status === "string" ? (state as { status: string }) : null;
}

/**
 * A fingerprint of every row the inspection owns (and of the given users): equal before and after
 * means nothing was written. Audit events are counted, since they can only be appended.
 */
export async function snapshot(client: Client, inspectionId: string, userIds: readonly string[] = []): Promise<Record<string, string>> {
  const digest = (from: string) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ${from})`;
  const cases = "(SELECT id FROM cases WHERE inspection_id = $1)";
  const tables: Record<string, string> = {
    inspection: "inspections t WHERE t.id = $1",
    memberships: "memberships t WHERE t.inspection_id = $1",
    cases: "cases t WHERE t.inspection_id = $1",
    case_sections: `case_sections t WHERE t.case_id IN ${cases}`,
    answers: `answers t WHERE t.case_id IN ${cases}`,
    applied_changes: `applied_changes t WHERE t.case_id IN ${cases}`,
    queries: `queries t WHERE t.case_id IN ${cases}`,
    query_messages: `query_messages t WHERE t.query_id IN (SELECT id FROM queries WHERE case_id IN ${cases})`,
    evidence_items: "evidence_items t WHERE t.inspection_id = $1",
    panel_decisions: "panel_decisions t WHERE t.inspection_id = $1",
    sign_offs: "sign_offs t WHERE t.inspection_id = $1",
    population_imports: "population_imports t WHERE t.inspection_id = $1",
    population_cases: "population_cases t WHERE t.inspection_id = $1",
    sample_draws: "sample_draws t WHERE t.inspection_id = $1",
    inspection_moderators: "inspection_moderators t WHERE t.inspection_id = $1",
    moderation_draws: "moderation_draws t WHERE t.inspection_id = $1",
    moderation_cases: "moderation_cases t WHERE t.inspection_id = $1",
    second_answers: `second_answers t WHERE t.case_id IN ${cases}`,
    moderation_outcomes: `moderation_outcomes t WHERE t.case_id IN ${cases}`,
    audit_events: "audit_events t WHERE t.inspection_id = $1 OR t.entity_id = ANY($2::text[])",
    users: "users t WHERE t.id::text = ANY($2::text[])",
  };
  const sql = `SELECT ${Object.entries(tables)
    .map(([name, from]) => `${digest(from)} AS ${name}`)
    .join(", ")}`;
  const result = await client.query<Record<string, string>>(sql, [inspectionId, userIds]);
  return result.rows[0]!;
}

/**
 * The fingerprint (snapshot) before each of a run of fuzzed inputs, read anew only when needed: after
 * a refused input, the fingerprint that was checked equal to the one before it is the next input's
 * "before" as it stands, since nothing else writes the fuzzed inspection.
 */
export function snapshotsBefore(read: () => Promise<Record<string, string>>) {
  let unchanged: Record<string, string> | null = null;
  return {
    async next(): Promise<Record<string, string>> {
      const rows = unchanged ?? (await read());
      unchanged = null;
      return rows;
    },
    /** Rows just checked equal to `next()`'s: the following input starts from them. */
    unchanged(rows: Record<string, string>): void {
      unchanged = rows;
    },
  };
}

export async function connect(): Promise<Client> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

export interface Fixture {
  inspectionId: string;
  inspectionName: string;
  allocatedCase: { id: string; reference: string };
  otherCase: { id: string; reference: string };
  queryId: string;
  evidenceId: string;
  targetUserId: string;
  /** An API token (not revoked) for the revoke action. */
  apiTokenId: string;
  userIds: Record<CallerKey, string>;
  stamp: string;
  /**
   * Text a refused response must not carry unless the caller may read it anyway (a refused action
   * answers with the page it was posted to, which a reader of that page may see).
   */
  secrets: { text: string; readableBy: readonly CallerKey[] }[];
}

/** cases.read and panel.view (lib/permissions/table.ts) on the test's inspection: not its moderator. */
const CASE_READERS: readonly CallerKey[] = ["manager", "lead", "inspector", "inspector2"];

export async function createFixture(client: Client, name: string): Promise<Fixture> {
  const { inspectionId, cases } = await createInspectionWithCases(name, [
    { stream: "court", allocatedTo: "inspector" },
    { stream: "court", allocatedTo: "inspector2" },
  ]);
  const [allocatedCase, otherCase] = cases as [{ id: string; reference: string }, { id: string; reference: string }];
  const stamp = allocatedCase.reference.split("-")[1]!;
  const userIds = { signedOut: "" } as Record<CallerKey, string>;
  for (const caller of CALLERS) {
    if (caller === "signedOut") continue;
    const row = await client.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [demoUser(caller).email]);
    userIds[caller] = row.rows[0]!.id;
  }
  // The demo quality assurer moderates the test's inspection (lib/permissions/table.ts moderatorHeld).
  await client.query("INSERT INTO inspection_moderators (inspection_id, user_id, added_by) VALUES ($1, $2, $3)", [inspectionId, userIds.qualityAssurer, userIds.lead]);
  const inspectionName = (await client.query<{ yjs_name: string }>("SELECT yjs_name FROM inspections WHERE id = $1", [inspectionId])).rows[0]!.yjs_name;
  const rationale = `Matrix rationale ${stamp}: the plan names the child's worker`;
  await client.query("INSERT INTO answers (case_id, question_id, value, rationale, updated_by) VALUES ($1, '2.1.1', 'yes', $2, $3)", [
    allocatedCase.id,
    rationale,
    userIds.inspector,
  ]);
  const queryId = (
    await client.query<{ id: string }>("INSERT INTO queries (case_id, question_id, created_by) VALUES ($1, '2.1.1', $2) RETURNING id", [allocatedCase.id, userIds.lead])
  ).rows[0]!.id;
  const comment = `Matrix comment ${stamp}: say who wrote the plan`;
  await client.query("INSERT INTO query_messages (query_id, author_id, body) VALUES ($1, $2, $3)", [queryId, userIds.lead, comment]);
  const evidenceText = `Matrix evidence ${stamp}: the board meets monthly`;
  const evidenceId = (
    await client.query<{ id: string }>(
      "INSERT INTO evidence_items (inspection_id, standard_id, topic, kind, source, text, occurred_on, author_id) VALUES ($1, '1.1', '1.1.1', 'strength', 'document', $2, '2026-11-01', $3) RETURNING id",
      [inspectionId, evidenceText, userIds.lead],
    )
  ).rows[0]!.id;
  const targetEmail = `matrix-target-${stamp}@case-review.test`;
  const targetUserId = (
    await client.query<{ id: string }>("INSERT INTO users (name, email, role, password_hash) VALUES ('Matrix Target', $1, 'inspector', 'not-a-hash') RETURNING id", [
      targetEmail,
    ])
  ).rows[0]!.id;
  const apiTokenId = (
    await client.query<{ id: string }>(
      "INSERT INTO api_tokens (name, token_hash, token_prefix, created_by) VALUES ($1, $2, 'crv_matrix', $3) RETURNING id",
      [`Matrix token ${stamp}`, `matrix-${stamp}`, userIds.admin],
    )
  ).rows[0]!.id;
  return {
    inspectionId,
    inspectionName,
    allocatedCase,
    otherCase,
    queryId,
    evidenceId,
    targetUserId,
    apiTokenId,
    userIds,
    stamp,
    secrets: [
      // The moderator sees the case references (never the rationale or comments before their own assessment).
      ...[allocatedCase.reference, otherCase.reference].map((text) => ({ text, readableBy: [...CASE_READERS, "qualityAssurer"] as CallerKey[] })),
      ...[rationale, comment].map((text) => ({ text, readableBy: CASE_READERS })),
      { text: evidenceText, readableBy: CASE_READERS },
      { text: inspectionName, readableBy: ["admin", ...CASE_READERS, "qualityAssurer"] },
      { text: targetEmail, readableBy: ["admin"] },
    ],
  };
}

/** Well-formed input for each action: what a refused caller sends, so only the rights can stop it. */
export function wellFormed(name: string, f: Fixture): Record<string, string> {
  const inspection = { inspectionId: f.inspectionId };
  const kase = { ...inspection, caseId: f.allocatedCase.id };
  const forms: Record<string, Record<string, string>> = {
    createUserAction: { name: "Matrix Person", email: `matrix-new-${f.stamp}@case-review.test`, role: "inspector", password: "a-long-enough-password" },
    changeRoleAction: { userId: f.targetUserId, role: "manager" },
    disableUserAction: { userId: f.targetUserId },
    enableUserAction: { userId: f.targetUserId },
    resetPasswordAction: { userId: f.targetUserId, password: "a-long-enough-password" },
    createApiTokenAction: { name: `Matrix token created ${f.stamp}` },
    revokeApiTokenAction: { tokenId: f.apiTokenId },
    // The current password is never right here: fuzzing it as the demo lead must not change theirs.
    changePasswordAction: { currentPassword: "not-the-current-password", newPassword: "a-long-enough-password", confirmPassword: "a-long-enough-password" },
    createInspectionAction: { yjsName: `Matrix created ${f.stamp}`, frameworkVersion: "yjs-2021", fieldworkStart: "2026-12-01" },
    updateDetailsAction: { ...inspection, yjsName: `Matrix renamed ${f.stamp}`, frameworkVersion: "yjs-2021", fieldworkStart: "2026-12-01" },
    startFieldworkAction: inspection,
    addMemberAction: { ...inspection, userId: f.targetUserId, role: "inspector" },
    setMemberRoleAction: { ...inspection, userId: f.userIds.inspector2, role: "lead_inspector" },
    removeMemberAction: { ...inspection, userId: f.userIds.inspector2 },
    drawSampleAction: { ...inspection, stream: "court", size: "1", seed: "matrix", confirmRedraw: "on" },
    addCaseAction: { ...inspection, reference: `MATRIX-${f.stamp}`, reason: "Matrix: added by hand" },
    removeCaseAction: { ...inspection, caseId: f.otherCase.id, reason: "Matrix: removed" },
    allocateBalancedAction: { ...inspection, includeLead: "on" },
    reassignCaseAction: { ...kase, userId: f.userIds.inspector2, expectedUserId: f.userIds.inspector },
    completeAction: { ...kase, scope: "case" },
    raiseQueryAction: { ...kase, questionId: "2.1.2", body: "Matrix: a comment" },
    replyQueryAction: { ...kase, queryId: f.queryId, body: "Matrix: a reply" },
    closeQueryAction: { ...kase, queryId: f.queryId },
    returnCaseAction: kase,
    approveCaseAction: kase,
    markNotificationsSeenAction: { upTo: "1" },
    approveCasesAction: { ...inspection, which: "ticked", caseId: f.allocatedCase.id },
    reopenCaseAction: { ...kase, reason: "Matrix: reopen", confirmed: "on" },
    recordEvidenceAction: { ...inspection, standardId: "1.1", topic: "1.1.2", kind: "strength", source: "document", occurredOn: "2026-11-01", text: "Matrix: evidence" },
    deleteEvidenceAction: { ...inspection, evidenceId: f.evidenceId },
    recordDiscretionAction: { ...inspection, standardId: "2.1", rating: "Outstanding", note: "Matrix: discretion" },
    recordJudgementAction: { ...inspection, standardId: "1.1", rating: "Good", note: "Matrix: judgement" },
    clearDecisionAction: { ...inspection, standardId: "1.1", kind: "judgement" },
    signOffAction: { ...inspection, password: DEMO_PASSWORD },
    reopenAction: { ...inspection, reason: "Matrix: reopen the ratings" },
    // No such recommendation: the lead gets a form error (it may have been deleted in another tab), others a refusal.
    addRecommendationAction: { ...inspection, party: "yjs", text: "Matrix: a recommendation" },
    editRecommendationAction: { ...inspection, recommendationId: "00000000-0000-4000-8000-000000000000", party: "yjs", text: "Matrix: changed" },
    moveRecommendationAction: { ...inspection, recommendationId: "00000000-0000-4000-8000-000000000000", direction: "up" },
    deleteRecommendationAction: { ...inspection, recommendationId: "00000000-0000-4000-8000-000000000000" },
    saveNarrativeAction: { ...inspection, standardId: "2.1", strengths: "Matrix: a strength", areasForImprovement: "" },
    addModeratorAction: { ...inspection, userId: f.targetUserId },
    removeModeratorAction: { ...inspection, userId: f.userIds.qualityAssurer },
    drawDipSampleAction: { ...inspection, kind: "count", amount: "1", seed: "matrix" },
    addDipCaseAction: { ...inspection, reference: f.allocatedCase.reference, reason: "Matrix: by hand" },
    removeDipCaseAction: { ...inspection, caseId: f.otherCase.id },
    saveSecondAnswerAction: { ...kase, questionId: "2.1.1", value: "yes", rationale: "Matrix: second" },
    completeSecondAssessmentAction: kase,
    recordOutcomeAction: { ...kase, questionId: "2.1.1", outcome: "answer_stands", note: "Matrix: outcome" },
    respondToOutcomeAction: { ...kase, questionId: "2.1.1", response: "kept", reply: "Matrix: reply" },
  };
  const form = forms[name];
  if (!form) throw new Error(`No well-formed input for ${name}`);
  return form;
}
