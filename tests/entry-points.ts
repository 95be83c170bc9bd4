// Every way into the app, and who may use it: the expected outcome of each page, route handler and
// server action for each kind of caller. e2e/access-matrix.spec.ts checks the source tree has
// exactly these entry points (a new page, handler or action that is not declared here fails the
// suite) and calls each one as each caller against the running app. Pure data: the rules it
// restates live in table.ts (PERMISSIONS, canAnswerCase) and the use cases that apply them.

/**
 * The callers the matrix plays, all demo users (scripts/demo-data.ts) except the first. The
 * inspection called is one where `lead` is the lead and `inspector` and `inspector2` are members;
 * the case called is allocated to `inspector`, not `inspector2`; `otherLead` leads another
 * inspection only; `qualityAssurer` is assigned to moderate it (and is on no team).
 */
export const CALLERS = ["signedOut", "admin", "manager", "lead", "inspector", "inspector2", "otherLead", "qualityAssurer"] as const;
export type CallerKey = (typeof CALLERS)[number];

/**
 * ok: served (any 2xx-4xx except the refusals below, so a validation error counts as allowed);
 * signIn: sent to /sign-in; unauthenticated: 401; forbidden: 403; notFound: 404 (hidden).
 */
export type Outcome = "ok" | "signIn" | "unauthenticated" | "forbidden" | "notFound";
export type Expectations = Readonly<Record<CallerKey, Outcome>>;

export type EntryPoint =
  | { kind: "page"; route: string; expect: Expectations }
  | { kind: "route"; route: string; method: "GET" | "POST"; expect: Expectations }
  | { kind: "action"; file: string; name: string; expect: Expectations };

type SignedIn = Exclude<CallerKey, "signedOut">;

/** Only `allowed` get through; other signed-in callers get `refused`; signed-out callers `signedOut`. */
function only(allowed: readonly SignedIn[], signedOut: Outcome, refused: Outcome = "forbidden"): Expectations {
  const expectations = { signedOut } as Record<CallerKey, Outcome>;
  for (const caller of CALLERS) if (caller !== "signedOut") expectations[caller] = allowed.includes(caller) ? "ok" : refused;
  return Object.freeze(expectations);
}

const EVERYONE_SIGNED_IN: readonly SignedIn[] = ["admin", "manager", "lead", "inspector", "inspector2", "otherLead", "qualityAssurer"];
const MEMBERS: readonly SignedIn[] = ["lead", "inspector", "inspector2"];
/** inspection.view: the manager, the team and the moderator; admins see the overview only. */
const VIEWERS: readonly SignedIn[] = ["admin", "manager", ...MEMBERS, "qualityAssurer"];
/** The set-up pages (authorizeSetupRead): the manager and the team. */
const SETUP_READERS: readonly SignedIn[] = ["manager", ...MEMBERS];
/** cases.read and panel.view: the manager and the team (admins are deliberately excluded). */
const READERS: readonly SignedIn[] = ["manager", ...MEMBERS];
/** inspection.editSetup and ratings.export. */
const MANAGER_OR_LEAD: readonly SignedIn[] = ["manager", "lead"];
/** canAnswerCase: the lead and the inspector the case is allocated to. */
const ANSWERERS: readonly SignedIn[] = ["lead", "inspector"];
const LEAD: readonly SignedIn[] = ["lead"];
/** programme.view: admins and managers (every inspection) and the roles that sit on teams (their own). */
const PROGRAMME_VIEWERS: readonly SignedIn[] = ["admin", "manager", "lead", "inspector", "inspector2", "otherLead"];
/** moderation.view: the manager, the lead and the inspection's moderator. */
const MODERATION_VIEWERS: readonly SignedIn[] = ["manager", "lead", "qualityAssurer"];
/** moderation.assess: the moderator only (a quality assurer assigned to the inspection). */
const MODERATOR: readonly SignedIn[] = ["qualityAssurer"];

const page = (route: string, allowed: readonly SignedIn[]): EntryPoint => ({ kind: "page", route, expect: only(allowed, "signIn") });
const api = (method: "GET" | "POST", route: string, allowed: readonly SignedIn[]): EntryPoint => ({
  kind: "route",
  route,
  method,
  expect: only(allowed, "unauthenticated"),
});
const action = (file: string, name: string, allowed: readonly SignedIn[]): EntryPoint => ({ kind: "action", file, name, expect: only(allowed, "signIn") });

const SETUP_ACTIONS = "app/inspections/[inspectionId]/setup/actions.ts";
const CASE_ACTIONS = "app/inspections/[inspectionId]/cases/[caseId]/actions.ts";
const PANEL_ACTIONS = "app/inspections/[inspectionId]/panel/actions.ts";
const EVIDENCE_ACTIONS = "app/inspections/[inspectionId]/evidence/actions.ts";
const REPORT_ACTIONS = "app/inspections/[inspectionId]/panel/report/actions.ts";
const USER_ACTIONS = "app/admin/users/actions.ts";
const MODERATION_ACTIONS = "app/inspections/[inspectionId]/moderation/actions.ts";

export const ENTRY_POINTS: readonly EntryPoint[] = Object.freeze([
  // Pages (route patterns as in the app folder).
  page("/", EVERYONE_SIGNED_IN),
  { kind: "page", route: "/sign-in", expect: Object.freeze({ ...only(EVERYONE_SIGNED_IN, "ok"), signedOut: "ok" }) },
  page("/admin/users", ["admin"]),
  page("/admin/retention", ["admin"]),
  page("/admin/users/[userId]/disable", ["admin"]),
  page("/admin/api-tokens", ["admin"]),
  page("/account/password", EVERYONE_SIGNED_IN),
  page("/notifications", EVERYONE_SIGNED_IN),
  page("/inspections/new", ["admin", "manager"]),
  page("/inspections/[inspectionId]", VIEWERS),
  page("/inspections/[inspectionId]/setup", SETUP_READERS),
  page("/inspections/[inspectionId]/setup/team", SETUP_READERS),
  page("/inspections/[inspectionId]/setup/population", SETUP_READERS),
  page("/inspections/[inspectionId]/setup/sample", SETUP_READERS),
  page("/inspections/[inspectionId]/setup/allocation", SETUP_READERS),
  page("/inspections/[inspectionId]/cases", READERS),
  page("/inspections/[inspectionId]/grid", READERS),
  // The moderator gets the blind second assessment there (no inspector answer), not the case itself.
  page("/inspections/[inspectionId]/cases/[caseId]", [...READERS, "qualityAssurer"]),
  page("/inspections/[inspectionId]/cases/[caseId]/history", READERS),
  page("/inspections/[inspectionId]/panel", READERS),
  page("/inspections/[inspectionId]/panel/questions/[questionId]", READERS),
  page("/inspections/[inspectionId]/panel/consistency", READERS),
  page("/inspections/[inspectionId]/panel/report", READERS),
  page("/inspections/[inspectionId]/panel/benchmark", READERS),
  page("/inspections/[inspectionId]/evidence", READERS),
  page("/inspections/[inspectionId]/evidence/[standardId]", READERS),
  page("/inspections/[inspectionId]/exports", MANAGER_OR_LEAD),
  // programme.view: managers and admins see every inspection, leads and inspectors their teams' (lib/programme's
  // programmeScope); a quality assurer, on no team, has no programme.
  page("/programme", PROGRAMME_VIEWERS),
  page("/inspections/[inspectionId]/moderation", MODERATION_VIEWERS),
  page("/inspections/[inspectionId]/moderation/cases/[caseId]", MODERATION_VIEWERS),

  // Route handlers. next-auth's own endpoints, the health check and the service worker script are public.
  { kind: "route", route: "/api/auth/[...nextauth]", method: "GET", expect: Object.freeze({ ...only(EVERYONE_SIGNED_IN, "ok"), signedOut: "ok" }) },
  // A POST without next-auth's CSRF token is sent back to the sign-in page, whoever sends it.
  { kind: "route", route: "/api/auth/[...nextauth]", method: "POST", expect: only([], "signIn", "signIn") },
  api("POST", "/api/cases/[caseId]/changes", ANSWERERS),
  api("GET", "/api/cases/[caseId]/state", READERS),
  { kind: "route", route: "/api/health", method: "GET", expect: Object.freeze({ ...only(EVERYONE_SIGNED_IN, "ok"), signedOut: "ok" }) },
  api("GET", "/api/inspections/[inspectionId]/panel", READERS),
  api("GET", "/api/inspections/[inspectionId]/offline-stamps", READERS),
  // The OpenAPI description of POST /api/rate: public, it holds no data.
  { kind: "route", route: "/api/openapi.json", method: "GET", expect: Object.freeze({ ...only(EVERYONE_SIGNED_IN, "ok"), signedOut: "ok" }) },
  api("GET", "/api/population-template", EVERYONE_SIGNED_IN),
  api("POST", "/api/rate", EVERYONE_SIGNED_IN),
  { kind: "route", route: "/inspections/[inspectionId]/cases/sw.js", method: "GET", expect: Object.freeze({ ...only(EVERYONE_SIGNED_IN, "ok"), signedOut: "ok" }) },
  api("GET", "/inspections/[inspectionId]/exports/[file]", MANAGER_OR_LEAD),
  api("POST", "/inspections/[inspectionId]/setup/population/import", MANAGER_OR_LEAD),
  api("GET", "/programme/exports/[file]", PROGRAMME_VIEWERS),

  // Server actions (file + export).
  action(USER_ACTIONS, "createUserAction", ["admin"]),
  action(USER_ACTIONS, "changeRoleAction", ["admin"]),
  action(USER_ACTIONS, "disableUserAction", ["admin"]),
  action(USER_ACTIONS, "enableUserAction", ["admin"]),
  action(USER_ACTIONS, "resetPasswordAction", ["admin"]),
  action("app/admin/api-tokens/actions.ts", "createApiTokenAction", ["admin"]),
  action("app/admin/api-tokens/actions.ts", "revokeApiTokenAction", ["admin"]),
  action("app/account/password/actions.ts", "changePasswordAction", EVERYONE_SIGNED_IN),
  action("app/notifications/actions.ts", "markNotificationsSeenAction", EVERYONE_SIGNED_IN),
  action("app/inspections/new/actions.ts", "createInspectionAction", ["admin", "manager"]),
  action(SETUP_ACTIONS, "updateDetailsAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "startFieldworkAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "addMemberAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "setMemberRoleAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "removeMemberAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "drawSampleAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "addCaseAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "removeCaseAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "allocateBalancedAction", MANAGER_OR_LEAD),
  action(SETUP_ACTIONS, "reassignCaseAction", MANAGER_OR_LEAD),
  action(CASE_ACTIONS, "completeAction", ANSWERERS),
  action(CASE_ACTIONS, "raiseQueryAction", LEAD),
  action(CASE_ACTIONS, "replyQueryAction", ANSWERERS),
  action(CASE_ACTIONS, "closeQueryAction", LEAD),
  action(CASE_ACTIONS, "returnCaseAction", LEAD),
  action(CASE_ACTIONS, "approveCaseAction", LEAD),
  action(CASE_ACTIONS, "reopenCaseAction", LEAD),
  action("app/inspections/[inspectionId]/grid/actions.ts", "approveCasesAction", LEAD),
  action(EVIDENCE_ACTIONS, "recordEvidenceAction", MEMBERS),
  // Deleting needs evidence.record and authorship (or the lead): the item called was recorded by the lead.
  action(EVIDENCE_ACTIONS, "deleteEvidenceAction", LEAD),
  action(PANEL_ACTIONS, "recordDiscretionAction", LEAD),
  action(PANEL_ACTIONS, "recordJudgementAction", LEAD),
  action(PANEL_ACTIONS, "clearDecisionAction", LEAD),
  action(PANEL_ACTIONS, "signOffAction", LEAD),
  action(PANEL_ACTIONS, "reopenAction", LEAD),
  action(REPORT_ACTIONS, "addRecommendationAction", LEAD),
  action(REPORT_ACTIONS, "editRecommendationAction", LEAD),
  action(REPORT_ACTIONS, "moveRecommendationAction", LEAD),
  action(REPORT_ACTIONS, "deleteRecommendationAction", LEAD),
  action(REPORT_ACTIONS, "saveNarrativeAction", LEAD),
  action(MODERATION_ACTIONS, "addModeratorAction", MANAGER_OR_LEAD),
  action(MODERATION_ACTIONS, "removeModeratorAction", MANAGER_OR_LEAD),
  action(MODERATION_ACTIONS, "drawDipSampleAction", MODERATOR),
  action(MODERATION_ACTIONS, "addDipCaseAction", MODERATOR),
  action(MODERATION_ACTIONS, "removeDipCaseAction", MODERATOR),
  action(MODERATION_ACTIONS, "saveSecondAnswerAction", MODERATOR),
  action(MODERATION_ACTIONS, "completeSecondAssessmentAction", MODERATOR),
  action(MODERATION_ACTIONS, "recordOutcomeAction", MODERATOR),
  // moderation.respond with canAnswerCase: the lead and the inspector the case is allocated to.
  action(MODERATION_ACTIONS, "respondToOutcomeAction", ANSWERERS),
]);

/** The key an entry point is known by in the source tree: "page /x", "GET /api/y", "action file#name". */
export function entryKey(entry: EntryPoint): string {
  if (entry.kind === "page") return `page ${entry.route}`;
  if (entry.kind === "route") return `${entry.method} ${entry.route}`;
  return `action ${entry.file}#${entry.name}`;
}
