import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { passwordProblem, type PasswordOwner } from "@/lib/auth/password-rules";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeGlobal, isUuid, type Actor } from "@/lib/permissions/access";
import { GLOBAL_ROLES, type GlobalRole } from "@/lib/permissions/table";
import { reconcileTeamsForRole, teamPlacesOf, type TeamPlaces } from "./teams";
import { parse } from "@/lib/validation";

// Managing user accounts: administrators only. Every change is audited; a change of role, a reset
// password or disabling ends the user's existing sessions (session version bump). A password an
// administrator sets is temporary: its owner chooses their own at their next sign-in.

/** A new password, set by an administrator or by its owner. */
export const passwordSchema = z
  .string({ message: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Enter a password of at most 200 characters");

/** A new password must also pass lib/auth/password-rules.ts for its owner: refused on `field` otherwise. */
export function checkPasswordFor(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new ValidationError(problem, { [field]: problem });
}

const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name").max(120, "Enter a name of at most 120 characters"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address")
    .max(320, "Enter an email address of at most 320 characters")
    .pipe(z.email({ message: "Enter an email address in the right format, like name@example.gov.uk" })),
  role: z.enum(GLOBAL_ROLES, { message: "Choose a role" }),
  password: passwordSchema,
});

const roleChangeSchema = z.object({
  userId: z.string().refine(isUuid, "Unknown user"),
  role: z.enum(GLOBAL_ROLES, { message: "Choose a role" }),
});

const activeChangeSchema = z.object({
  userId: z.string().refine(isUuid, "Unknown user"),
  active: z.boolean(),
});

export const userSearchSchema = z.string().trim().max(100).catch("");

const passwordResetSchema = z.object({
  userId: z.string().refine(isUuid, "Unknown user"),
  password: passwordSchema,
});


export interface UserListing {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  active: boolean;
  passwordIsTemporary: boolean;
  /** Their places on inspection teams: what a change of role would do to them. */
  teams: TeamPlaces;
}

/** Every user, or those whose name or email contains `search` (any case), active ones first. */
export async function listUsers(actor: Actor, search: unknown = ""): Promise<UserListing[]> {
  authorizeGlobal(actor, "users.manage");
  const text = userSearchSchema.parse(search);
  const users = await db.user.findMany({
    where: text
      ? { OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] }
      : undefined,
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      passwordIsTemporary: true,
      memberships: { select: { role: true } },
    },
  });
  return users.map(({ memberships, ...user }) => ({ ...user, teams: teamPlacesOf(memberships) }));
}

/** One user, for the confirmation pages. */
export async function findUser(actor: Actor, userId: string) {
  authorizeGlobal(actor, "users.manage");
  if (!isUuid(userId)) throw new NotFoundError("There is no such user.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, active: true } });
  if (!user) throw new NotFoundError("There is no such user.");
  return user;
}

export async function createUser(actor: Actor, input: unknown) {
  authorizeGlobal(actor, "users.manage");
  const data = parse(newUserSchema, input);
  checkPasswordFor(data.password, { email: data.email, name: data.name, whose: "their" }, "password");
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new ValidationError("There is a problem with what you entered.", { email: "A user with this email address already exists" });
    }
    const user = await tx.user.create({
      data: { name: data.name, email: data.email, role: data.role, passwordHash, passwordIsTemporary: true },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.created", entityType: "user", entityId: user.id, after: { role: user.role, active: true } });
    return user;
  });
}

const SELF_CHANGE = "You cannot remove your own administrator rights or disable your own account.";

async function lockUser(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ name: string; role: GlobalRole; active: boolean }[]>`
    SELECT name, role::text AS role, active FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  const user = rows[0];
  if (!user) throw new NotFoundError("There is no such user.");
  return user;
}

/** Sets a user's role and active flag, ending their sessions, with its audit event. */
async function changeRights(tx: Tx, actor: Actor, userId: string, before: { role: GlobalRole; active: boolean }, after: { role: GlobalRole; active: boolean }) {
  await tx.user.update({ where: { id: userId }, data: { ...after, sessionVersion: { increment: 1 } } });
  await recordAudit(tx, { actorId: actor.id, action: "user.rights_changed", entityType: "user", entityId: userId, before: { role: before.role, active: before.active }, after });
}

/**
 * Changes a user's role and, in the same transaction, their places on inspection teams so that they
 * hold only what the new role may hold (lib/users/teams.ts). Returns what happened, for the admin.
 */
export async function changeRole(actor: Actor, input: unknown): Promise<string> {
  authorizeGlobal(actor, "users.manage");
  const data = parse(roleChangeSchema, input);
  if (data.userId === actor.id && data.role !== "admin") throw new ValidationError(SELF_CHANGE, { role: SELF_CHANGE });
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, data.userId);
    if (before.role === data.role) return `${before.name}'s role is unchanged.`;
    await changeRights(tx, actor, data.userId, before, { role: data.role, active: before.active });
    const teams = await reconcileTeamsForRole(tx, actor, data.userId, data.role);
    return [`${before.name} is now ${ROLE_PHRASES[data.role]}.`, teams, "Their open sessions have ended."].filter(Boolean).join(" ");
  });
}

const ROLE_PHRASES: Readonly<Record<GlobalRole, string>> = {
  admin: "an administrator",
  manager: "a manager",
  lead_inspector: "a lead inspector",
  quality_assurer: "a quality assurer",
  inspector: "an inspector",
};

/** Disables (ends their sessions; nothing they recorded changes) or re-enables an account. */
export async function setActive(actor: Actor, input: unknown): Promise<string> {
  authorizeGlobal(actor, "users.manage");
  const data = parse(activeChangeSchema, input);
  if (data.userId === actor.id && !data.active) throw new ValidationError(SELF_CHANGE, { form: SELF_CHANGE });
  return db.$transaction(async (tx) => {
    const before = await lockUser(tx, data.userId);
    if (before.active === data.active) return `${before.name}'s account is already ${data.active ? "active" : "disabled"}.`;
    await changeRights(tx, actor, data.userId, before, { role: before.role, active: data.active });
    return data.active ? `${before.name}'s account is active again.` : `${before.name}'s account is disabled and their open sessions have ended.`;
  });
}

export async function resetPassword(actor: Actor, input: unknown) {
  authorizeGlobal(actor, "users.manage");
  const data = parse(passwordResetSchema, input);
  const owner = await db.user.findUnique({ where: { id: data.userId }, select: { name: true, email: true } });
  if (!owner) throw new NotFoundError("There is no such user.");
  checkPasswordFor(data.password, { ...owner, whose: "their" }, "password");
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: data.userId }, select: { email: true } });
    if (!found) throw new NotFoundError("There is no such user.");
    await tx.user.update({ where: { id: data.userId }, data: { passwordHash, passwordIsTemporary: true, sessionVersion: { increment: 1 } } });
    // A new password also lifts a lock-out of the account.
    await tx.signInFailure.deleteMany({ where: { email: found.email } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "user", entityId: data.userId });
  });
}
