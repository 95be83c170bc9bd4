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

// One statement, on every request: the account is active, its session version is the token's
// (bumped on disable, role or password change), and this session has not been signed out.
const SIGNED_IN_USER = `
  SELECT u.id, u.name, u.email, u.role
    FROM users u
   WHERE u.id = $1::uuid
     AND u.active
     AND u.session_version = $2
     AND NOT EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = $3::uuid)`;

/** The user a verified session token belongs to, or null when that session no longer holds. */
export async function userOfSession(claims: SessionClaims): Promise<SessionUser | null> {
  const result = await sqlQuery<SessionUser>(SIGNED_IN_USER, [claims.userId, claims.sessionVersion, claims.sessionId]);
  return result.rows[0] ?? null;
}

/**
 * The signed-in user, checked against the database on every request: a disabled account, one whose
 * role or password changed since sign-in (session version bumped), or a session signed out (on any
 * device) counts as signed out.
 */
export const getSignedInUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await verifySessionToken(readSessionCookie((await cookies()).getAll()));
  return claims ? userOfSession(claims) : null;
});

export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getSignedInUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

export async function requireRole(roles: readonly GlobalRole[], returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
