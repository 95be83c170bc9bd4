import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { GlobalRole } from "@/lib/permissions/table";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
}

/**
 * The signed-in user, checked against the database on every request: a disabled account, or one
 * whose role or password changed since sign-in (session version bumped), counts as signed out.
 */
export const getSignedInUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
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
