import { recordAudit } from "@/lib/audit";
import { environment } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import type { GlobalRole } from "@/lib/permissions/table";

export const SIGN_IN_LIMITS = Object.freeze({
  perEmail: { attempts: 10, windowSeconds: 15 * 60 },
  // Offices share an address, so this is per deployment (SIGN_IN_ATTEMPTS_PER_CLIENT).
  perClient: { attempts: environment().SIGN_IN_ATTEMPTS_PER_CLIENT, windowSeconds: 15 * 60 },
  lockAfterFailures: 5,
  lockSeconds: 15 * 60,
});

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  sessionVersion: number;
}

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "rate_limited" | "locked" | "disabled"; message: string };

const INVALID = "The email address or password is not right. Check them and try again.";

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * Checks an email and password. Rate limits (per email and per client address) and the lock-out
 * counter live in PostgreSQL so they hold across app instances. Every outcome is audited.
 */
export async function authenticate(emailInput: string, password: string, clientKey: string): Promise<AuthenticationResult> {
  const email = emailInput.trim().toLowerCase();
  const byEmail = await consumeRateLimit(`sign-in:email:${email}`, SIGN_IN_LIMITS.perEmail.attempts, SIGN_IN_LIMITS.perEmail.windowSeconds);
  const byClient = await consumeRateLimit(`sign-in:client:${clientKey}`, SIGN_IN_LIMITS.perClient.attempts, SIGN_IN_LIMITS.perClient.windowSeconds);
  if (!byEmail.allowed || !byClient.allowed) {
    const wait = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byClient.allowed ? 0 : byClient.retryAfterSeconds);
    await audit(null, "auth.sign_in_rate_limited", email);
    return { ok: false, reason: "rate_limited", message: `Too many sign-in attempts. Try again in ${minutes(wait)}.` };
  }

  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), password); // same cost whether or not the account exists
    await audit(null, "auth.sign_in_failed", email);
    return { ok: false, reason: "invalid", message: INVALID };
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await audit(user.id, "auth.sign_in_locked", email);
    const wait = (user.lockedUntil.getTime() - Date.now()) / 1000;
    return {
      ok: false,
      reason: "locked",
      message: `This account is locked after repeated failed sign-ins. Try again in ${minutes(wait)}.`,
    };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedSignIns + 1;
    const lock = failures >= SIGN_IN_LIMITS.lockAfterFailures;
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: {
          failedSignIns: lock ? 0 : failures,
          lockedUntil: lock ? new Date(Date.now() + SIGN_IN_LIMITS.lockSeconds * 1000) : user.lockedUntil,
        },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: lock ? "auth.account_locked" : "auth.sign_in_failed",
        entityType: "user",
        entityId: user.id,
        after: { failures },
      });
    });
    return { ok: false, reason: "invalid", message: INVALID };
  }
  if (!user.active) {
    await audit(user.id, "auth.sign_in_disabled", email);
    return { ok: false, reason: "disabled", message: "This account has been disabled. Ask an administrator to re-enable it." };
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    await recordAudit(tx, { actorId: user.id, action: "auth.signed_in", entityType: "user", entityId: user.id });
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}

type EmailAuditAction = "auth.sign_in_rate_limited" | "auth.sign_in_failed" | "auth.sign_in_locked" | "auth.sign_in_disabled";

async function audit(actorId: string | null, action: EmailAuditAction, email: string): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId, action, entityType: "user", entityId: actorId ?? "unknown", after: { email } }),
  );
}
