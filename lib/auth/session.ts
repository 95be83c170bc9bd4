import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { sqlQuery } from "@/lib/db/client";
import type { GlobalRole } from "@/lib/permissions/table";
import { readSessionCookie, verifySessionToken, type SessionClaims } from "./session-token";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
}

/** A signed-in account, which may still hold the temporary password an administrator set. */
export interface SignedInAccount extends SessionUser {
  passwordIsTemporary: boolean;
}

/** Where someone with a temporary password is sent, and the only page (with sign-out) they may use. */
const CHOOSE_PASSWORD_PATH = "/account/password";

// One statement, on every request: the account is active, its session version is the token's
// (bumped on disable, role or password change), and this session has not been signed out.
const SIGNED_IN_USER = `
  SELECT u.id, u.name, u.email, u.role, u.password_is_temporary AS "passwordIsTemporary"
    FROM users u
   WHERE u.id = $1::uuid
     AND u.active
     AND u.session_version = $2
     AND NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = $3::uuid)`;

/** The account a verified session token belongs to, or null when that session no longer holds. */
export async function userOfSession(claims: SessionClaims): Promise<SignedInAccount | null> {
  const result = await sqlQuery<SignedInAccount>(SIGNED_IN_USER, [claims.userId, claims.sessionVersion, claims.sessionId]);
  return result.rows[0] ?? null;
}

/**
 * The signed-in account, checked against the database on every request: a disabled account, one
 * whose role or password changed since sign-in (session version bumped), or a session signed out
 * (on any device) counts as signed out. Includes accounts still on a temporary password: only for
 * the page header, sign-in, the session endpoint and choosing a password.
 */
export const getSignedInAccount = cache(async (): Promise<SignedInAccount | null> => {
  const claims = await verifySessionToken(readSessionCookie((await cookies()).getAll()));
  return claims ? userOfSession(claims) : null;
});

const sessionUserOf = ({ id, name, email, role }: SignedInAccount): SessionUser => ({ id, name, email, role });

/**
 * The signed-in user who may use the app: as getSignedInAccount, but null while the password is
 * the temporary one an administrator set (so route handlers answer 401 until they choose their own).
 */
export const getSignedInUser = cache(async (): Promise<SessionUser | null> => {
  const account = await getSignedInAccount();
  if (!account || account.passwordIsTemporary) return null;
  return sessionUserOf(account);
});

/**
 * The signed-in user, or a redirect to sign in. Someone still on a temporary password is sent to
 * choose their own first: every page and server action goes through here, so this is the guard.
 */
export async function requireUser(returnTo?: string, { temporaryPasswordAllowed = false } = {}): Promise<SessionUser> {
  const account = await getSignedInAccount();
  if (!account) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (account.passwordIsTemporary && !temporaryPasswordAllowed) redirect(CHOOSE_PASSWORD_PATH);
  return sessionUserOf(account);
}

export async function requireRole(roles: readonly GlobalRole[], returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
