import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Client } from "pg";
import { findStandard, getFramework, standardsForStream } from "@/lib/framework";
import { DEMO_PASSWORD } from "@/scripts/demo-data";
import type { CallerKey } from "@/tests/entry-points";
import { createFixture, wellFormed, type Fixture } from "./entry-point-calls";

// What the access matrix's allowed callers send to prove they get through: one valid call per
// (server action, caller), each on a fixture of its own (createFixture) brought into the state the
// action needs, so no call depends on another or on their order. `changed` reads the database
// afterwards and must answer `true`: the action did what it says, not only answer without an error.

export interface ValidCall {
  fixture: Fixture;
  form: Record<string, string>;
  /** SQL whose first row's `v` is true once the action has done its work. */
  changed: { sql: string; params: unknown[] };
  /** Where an action that redirects on success sends the caller (instead of a success state). */
  redirectsTo?: RegExp;
}

const PANEL_TEST_DATA = "tests/panel/test-support-cli.ts";

/** A Salford-like panel inspection (tests/panel/test-support.ts) whose lead is the demo lead. */
async function panelInspection(client: Client, f: Fixture, decided: boolean): Promise<string> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const { stdout } = await promisify(execFile)(tsx, ["--conditions=react-server", PANEL_TEST_DATA, "create", JSON.stringify({ name: "Matrix panel", decided })], {
    env: process.env,
  });
  const { inspectionId } = JSON.parse(stdout) as { inspectionId: string };
  await client.query("UPDATE memberships SET user_id = $2 WHERE inspection_id = $1 AND role = 'lead_inspector'", [inspectionId, f.userIds.lead]);
  return inspectionId;
}

/** Every key question of a standard, or of every standard of the court stream. */
function keyQuestions(standardId?: string): string[] {
  const fw = getFramework("yjs-2021");
  const standards = standardId ? [findStandard(fw, standardId)!] : standardsForStream(fw, "court");
  return standards.flatMap((s) => s.keyQuestions.map((kq) => kq.id));
}

/** The allocated case with both factor judgements made (so every key question applies) and each given key question answered yes. */
async function answered(client: Client, f: Fixture, questionIds: readonly string[], table: "answers" | "second_answers"): Promise<void> {
  await client.query("UPDATE cases SET harm_factors = true, safety_wellbeing_factors = true WHERE id = $1", [f.allocatedCase.id]);
  if (table === "answers") {
    await client.query(
      "INSERT INTO answers (case_id, question_id, value, rationale, updated_by) SELECT $1, q, 'yes', 'Matrix: sufficient', $3 FROM unnest($2::text[]) q ON CONFLICT (case_id, question_id) DO UPDATE SET value = 'yes'",
      [f.allocatedCase.id, questionIds, f.userIds.inspector],
    );
  } else {
    await client.query("INSERT INTO second_answers (case_id, question_id, value, rationale, moderator_id) SELECT $1, q, 'yes', 'Matrix: second', $3 FROM unnest($2::text[]) q", [
      f.allocatedCase.id,
      questionIds,
      f.userIds.qualityAssurer,
    ]);
  }
}

async function inDipSample(client: Client, f: Fixture, caseId: string, completed = false): Promise<void> {
  await client.query("INSERT INTO moderation_cases (case_id, inspection_id, added_by, addition_reason, completed_at, completed_by) VALUES ($1, $2, $3, 'Matrix', $4, $5)", [
    caseId,
    f.inspectionId,
    f.userIds.qualityAssurer,
    completed ? new Date() : null,
    completed ? f.userIds.qualityAssurer : null,
  ]);
}

/**
 * The allocated case in the dip sample, assessed by the moderator, who answered 2.1.1 no where the
 * inspector answered yes (createFixture): a disagreement to decide.
 */
async function disagreementOn211(client: Client, f: Fixture): Promise<void> {
  await inDipSample(client, f, f.allocatedCase.id, true);
  await client.query("INSERT INTO second_answers (case_id, question_id, value, rationale, moderator_id) VALUES ($1, '2.1.1', 'no', 'Matrix: second', $2)", [
    f.allocatedCase.id,
    f.userIds.qualityAssurer,
  ]);
}

async function population(client: Client, f: Fixture, rows: readonly { reference: string; stream: "court" | "out_of_court" }[]): Promise<void> {
  const importId = (
    await client.query<{ id: string }>("INSERT INTO population_imports (inspection_id, file_name, sha256, row_count, imported_by) VALUES ($1, 'matrix.csv', $2, $3, $4) RETURNING id", [
      f.inspectionId,
      `matrix-${f.stamp}`,
      rows.length,
      f.userIds.lead,
    ])
  ).rows[0]!.id;
  for (const row of rows) {
    await client.query(
      "INSERT INTO population_cases (inspection_id, import_id, reference, stream, disposal_type, disposal_date, gender, age, rosh, safety_wellbeing) VALUES ($1, $2, $3, $4, $5, '2026-06-01', 'female', 16, 'low', 'medium')",
      [f.inspectionId, importId, row.reference, row.stream, row.stream === "court" ? "referral_order" : "youth_caution"],
    );
  }
}

async function recommendations(client: Client, f: Fixture): Promise<[string, string]> {
  const ids: string[] = [];
  for (const position of [1, 2]) {
    const row = await client.query<{ id: string }>("INSERT INTO recommendations (inspection_id, position, party, text, created_by) VALUES ($1, $2, 'yjs', $3, $4) RETURNING id", [
      f.inspectionId,
      position,
      `Matrix recommendation ${position}`,
      f.userIds.lead,
    ]);
    ids.push(row.rows[0]!.id);
  }
  return ids as [string, string];
}

const setStatus = (client: Client, f: Fixture, status: string) => client.query("UPDATE inspections SET status = $2 WHERE id = $1", [f.inspectionId, status]);
const setCaseStatus = (client: Client, f: Fixture, status: string) => client.query("UPDATE cases SET status = $2 WHERE id = $1", [f.allocatedCase.id, status]);
const closeQuery = (client: Client, f: Fixture) => client.query("UPDATE queries SET status = 'closed' WHERE id = $1", [f.queryId]);

/**
 * A fresh fixture in the state `name` needs and the valid form `caller` sends, with the check that
 * it took effect. changePasswordAction is not here: it ends the caller's sessions, so the matrix
 * calls it as a user of its own (e2e/access-matrix.spec.ts).
 */
export async function validCall(client: Client, name: string, caller: CallerKey): Promise<ValidCall> {
  const f = await createFixture(client, `Matrix ${name}`);
  const form = wellFormed(name, f);
  const call = (changed: string, params: unknown[], extra: Partial<ValidCall> = {}): ValidCall => ({ fixture: f, form, changed: { sql: changed, params }, ...extra });
  switch (name) {
    case "createUserAction":
      return call("SELECT count(*) = 1 AS v FROM users WHERE email = $1", [form.email]);
    case "changeRoleAction":
      return call("SELECT role = 'manager' AS v FROM users WHERE id = $1", [f.targetUserId]);
    case "disableUserAction":
      return call("SELECT NOT active AS v FROM users WHERE id = $1", [f.targetUserId], { redirectsTo: /^\/admin\/users\?disabled=/ });
    case "enableUserAction":
      await client.query("UPDATE users SET active = false WHERE id = $1", [f.targetUserId]);
      return call("SELECT active AS v FROM users WHERE id = $1", [f.targetUserId]);
    case "resetPasswordAction":
      return call("SELECT password_hash <> 'not-a-hash' AND password_is_temporary AS v FROM users WHERE id = $1", [f.targetUserId]);
    case "createApiTokenAction":
      return call("SELECT count(*) = 1 AS v FROM api_tokens WHERE name = $1", [form.name]);
    case "revokeApiTokenAction":
      return call("SELECT revoked_at IS NOT NULL AS v FROM api_tokens WHERE id = $1", [f.apiTokenId]);
    case "markNotificationsSeenAction": {
      const newest = (await client.query<{ id: string }>("SELECT max(id)::text AS id FROM audit_events")).rows[0]!.id;
      form.upTo = newest;
      return call("SELECT seen_up_to >= $2::bigint AS v FROM notification_marks WHERE user_id = $1", [f.userIds[caller], newest]);
    }
    case "createInspectionAction":
      form.yjsName = `Matrix created by ${caller} ${f.stamp}`;
      return call("SELECT count(*) = 1 AS v FROM inspections WHERE yjs_name = $1", [form.yjsName], { redirectsTo: /^\/inspections\/[0-9a-f-]{36}\/setup\?created=1$/ });
    case "updateDetailsAction":
      await setStatus(client, f, "setup");
      return call("SELECT yjs_name = $2 AS v FROM inspections WHERE id = $1", [f.inspectionId, form.yjsName]);
    case "startFieldworkAction":
      await setStatus(client, f, "setup");
      return call("SELECT status = 'fieldwork' AS v FROM inspections WHERE id = $1", [f.inspectionId]);
    case "addMemberAction":
      return call("SELECT count(*) = 1 AS v FROM memberships WHERE inspection_id = $1 AND user_id = $2 AND role = 'inspector'", [f.inspectionId, f.targetUserId]);
    case "setMemberRoleAction":
      // Only a manager appoints a lead (lib/inspections/team.ts), and a team has no third role: the
      // lead's one valid change is none, answered as such. The manager makes another lead inspector the lead.
      if (caller === "lead") {
        form.role = "inspector";
        return call("SELECT role = 'inspector' AS v FROM memberships WHERE inspection_id = $1 AND user_id = $2", [f.inspectionId, f.userIds.inspector2]);
      }
      await client.query("INSERT INTO memberships (inspection_id, user_id, role) VALUES ($1, $2, 'inspector')", [f.inspectionId, f.userIds.otherLead]);
      form.userId = f.userIds.otherLead;
      return call("SELECT role = 'lead_inspector' AS v FROM memberships WHERE inspection_id = $1 AND user_id = $2", [f.inspectionId, f.userIds.otherLead]);
    case "removeMemberAction":
      await client.query("INSERT INTO memberships (inspection_id, user_id, role) VALUES ($1, $2, 'inspector')", [f.inspectionId, f.targetUserId]);
      form.userId = f.targetUserId;
      return call("SELECT count(*) = 0 AS v FROM memberships WHERE inspection_id = $1 AND user_id = $2", [f.inspectionId, f.targetUserId]);
    case "drawSampleAction":
      // Out-of-court: the court cases have answers, so that stream can no longer be redrawn.
      await setStatus(client, f, "setup");
      await population(client, f, [1, 2, 3].map((n) => ({ reference: `POP-${f.stamp}-${n}`, stream: "out_of_court" as const })));
      Object.assign(form, { stream: "out_of_court", size: "2" });
      return call("SELECT count(*) = 2 AS v FROM cases WHERE inspection_id = $1 AND stream = 'out_of_court'", [f.inspectionId]);
    case "addCaseAction":
      await population(client, f, [{ reference: form.reference!, stream: "court" }]);
      return call("SELECT count(*) = 1 AS v FROM cases WHERE inspection_id = $1 AND reference = $2 AND removed_at IS NULL", [f.inspectionId, form.reference]);
    case "removeCaseAction":
      return call("SELECT removed_at IS NOT NULL AS v FROM cases WHERE id = $1", [f.otherCase.id]);
    case "allocateBalancedAction":
      await client.query("UPDATE cases SET allocated_to = NULL WHERE id = $1", [f.otherCase.id]);
      return call("SELECT allocated_to IS NOT NULL AS v FROM cases WHERE id = $1", [f.otherCase.id]);
    case "reassignCaseAction":
      return call("SELECT allocated_to = $2 AS v FROM cases WHERE id = $1", [f.allocatedCase.id, f.userIds.inspector2]);
    case "completeAction":
      await answered(client, f, keyQuestions("2.1"), "answers");
      await closeQuery(client, f);
      form.scope = "2.1";
      return call("SELECT count(*) = 1 AS v FROM case_sections WHERE case_id = $1 AND standard_id = '2.1'", [f.allocatedCase.id]);
    case "raiseQueryAction":
      return call("SELECT count(*) = 1 AS v FROM queries WHERE case_id = $1 AND question_id = '2.1.2'", [f.allocatedCase.id]);
    case "replyQueryAction":
      return call("SELECT count(*) = 2 AS v FROM query_messages WHERE query_id = $1", [f.queryId]);
    case "closeQueryAction":
      return call("SELECT status = 'closed' AS v FROM queries WHERE id = $1", [f.queryId]);
    case "returnCaseAction":
      await setCaseStatus(client, f, "completed");
      return call("SELECT status = 'returned' AS v FROM cases WHERE id = $1", [f.allocatedCase.id]);
    case "approveCaseAction":
    case "approveCasesAction":
      await setCaseStatus(client, f, "completed");
      await closeQuery(client, f);
      return call("SELECT status = 'approved' AS v FROM cases WHERE id = $1", [f.allocatedCase.id]);
    case "reopenCaseAction":
      await setCaseStatus(client, f, "approved");
      return call("SELECT status <> 'approved' AS v FROM cases WHERE id = $1", [f.allocatedCase.id]);
    case "recordEvidenceAction":
      return call("SELECT count(*) = 1 AS v FROM evidence_items WHERE inspection_id = $1 AND text = $2 AND author_id = $3", [f.inspectionId, form.text, f.userIds[caller]]);
    case "deleteEvidenceAction":
      return call("SELECT count(*) = 0 AS v FROM evidence_items WHERE id = $1 AND deleted_at IS NULL", [f.evidenceId]);
    case "recordJudgementAction":
      return call("SELECT count(*) = 1 AS v FROM panel_decisions WHERE inspection_id = $1 AND standard_id = '1.1' AND kind = 'judgement' AND rating = 'Good'", [f.inspectionId]);
    case "clearDecisionAction":
      await client.query("INSERT INTO panel_decisions (inspection_id, standard_id, kind, rating, note, decided_by) VALUES ($1, '1.1', 'judgement', 'Good', 'Matrix', $2)", [
        f.inspectionId,
        f.userIds.lead,
      ]);
      return call("SELECT count(*) = 0 AS v FROM panel_decisions WHERE inspection_id = $1", [f.inspectionId]);
    case "recordDiscretionAction": {
      // Discretion moves a case-rated standard one band from its figures: Salford's 2.2 (tests/panel/test-support.ts).
      const inspectionId = await panelInspection(client, f, false);
      Object.assign(form, { inspectionId, standardId: "2.2", rating: "Requires improvement" });
      return { ...call("SELECT count(*) = 1 AS v FROM panel_decisions WHERE inspection_id = $1 AND standard_id = '2.2' AND kind = 'discretion'", [inspectionId]), fixture: { ...f, inspectionId } };
    }
    case "signOffAction": {
      // Every standard rated: Salford's cases and decisions, its 33 cases completed and not approved confirmed.
      const inspectionId = await panelInspection(client, f, true);
      Object.assign(form, { inspectionId, confirmUnapproved: "33" });
      return { ...call("SELECT status = 'signed_off' AS v FROM inspections WHERE id = $1", [inspectionId]), fixture: { ...f, inspectionId } };
    }
    case "reopenAction":
      await setStatus(client, f, "signed_off");
      await client.query("INSERT INTO sign_offs (inspection_id, signed_by, ratings) VALUES ($1, $2, '{}')", [f.inspectionId, f.userIds.lead]);
      return call("SELECT status = 'panel' AS v FROM inspections WHERE id = $1", [f.inspectionId]);
    case "addRecommendationAction":
      return call("SELECT count(*) = 1 AS v FROM recommendations WHERE inspection_id = $1 AND text = $2", [f.inspectionId, form.text]);
    case "editRecommendationAction": {
      const [first] = await recommendations(client, f);
      form.recommendationId = first;
      return call("SELECT text = $2 AS v FROM recommendations WHERE id = $1", [first, form.text]);
    }
    case "moveRecommendationAction": {
      const [, second] = await recommendations(client, f);
      form.recommendationId = second;
      return call("SELECT position = 1 AS v FROM recommendations WHERE id = $1", [second]);
    }
    case "deleteRecommendationAction": {
      const [first] = await recommendations(client, f);
      form.recommendationId = first;
      return call("SELECT count(*) = 0 AS v FROM recommendations WHERE id = $1", [first]);
    }
    case "saveNarrativeAction":
      return call("SELECT strengths = $2 AS v FROM standard_narratives WHERE inspection_id = $1 AND standard_id = '2.1'", [f.inspectionId, form.strengths]);
    case "addModeratorAction":
      await client.query("UPDATE users SET role = 'quality_assurer' WHERE id = $1", [f.targetUserId]);
      return call("SELECT count(*) = 1 AS v FROM inspection_moderators WHERE inspection_id = $1 AND user_id = $2", [f.inspectionId, f.targetUserId]);
    case "removeModeratorAction":
      return call("SELECT count(*) = 0 AS v FROM inspection_moderators WHERE inspection_id = $1", [f.inspectionId]);
    case "drawDipSampleAction":
      return call("SELECT count(*) = 1 AS v FROM moderation_cases WHERE inspection_id = $1", [f.inspectionId]);
    case "addDipCaseAction":
      return call("SELECT count(*) = 1 AS v FROM moderation_cases WHERE case_id = $1", [f.allocatedCase.id]);
    case "removeDipCaseAction":
      await inDipSample(client, f, f.otherCase.id);
      return call("SELECT count(*) = 0 AS v FROM moderation_cases WHERE case_id = $1", [f.otherCase.id]);
    case "saveSecondAnswerAction":
      await inDipSample(client, f, f.allocatedCase.id);
      return call("SELECT count(*) = 1 AS v FROM second_answers WHERE case_id = $1 AND question_id = '2.1.1' AND value = 'yes'", [f.allocatedCase.id]);
    case "completeSecondAssessmentAction":
      await inDipSample(client, f, f.allocatedCase.id);
      await answered(client, f, keyQuestions(), "second_answers");
      return call("SELECT completed_at IS NOT NULL AS v FROM moderation_cases WHERE case_id = $1", [f.allocatedCase.id]);
    case "recordOutcomeAction":
      await disagreementOn211(client, f);
      return call("SELECT count(*) = 1 AS v FROM moderation_outcomes WHERE case_id = $1 AND question_id = '2.1.1' AND outcome = 'answer_stands'", [f.allocatedCase.id]);
    case "respondToOutcomeAction":
      await disagreementOn211(client, f);
      await client.query(
        "INSERT INTO moderation_outcomes (case_id, question_id, outcome, note, inspector_value, second_value, decided_by) VALUES ($1, '2.1.1', 'inspector_to_review', 'Matrix: review', 'yes', 'no', $2)",
        [f.allocatedCase.id, f.userIds.qualityAssurer],
      );
      return call("SELECT response = 'kept' AS v FROM moderation_outcomes WHERE case_id = $1 AND question_id = '2.1.1'", [f.allocatedCase.id]);
    default:
      throw new Error(`No valid call for ${name}`);
  }
}

/** A new password that passes the strength check (lib/users/own-password.ts), for changePasswordAction. */
export const STRONG_PASSWORD = "Staple horse battery correct 2026";
export { DEMO_PASSWORD };
