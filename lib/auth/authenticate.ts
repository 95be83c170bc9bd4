import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { environment } from "@/lib/config/env";
import { db, sqlQuery } from "@/lib/db/client";
import { consumeRateLimit, refundRateLimit } from "@/lib/rate-limit";
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

// The decoy hash is made when this module loads, not on the first unknown email: that first attempt
// would otherwise take a hash longer than the others and tell that the address has no account.
void decoyPasswordHash();

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

const isEmail = (text: string) => text.length <= 320 && z.email().safeParse(text).success;

// A failure counts against the address whether or not an account has it; the fifth in a row locks
// the address (failures go back to 0) for lockSeconds. One statement, so concurrent failures count.
const RECORD_FAILURE_SQL = `
  INSERT INTO sign_in_failures AS f (email, failures, locked_until, updated_at)
  VALUES ($1, CASE WHEN 1 >= $2 THEN 0 ELSE 1 END, CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $3) END, now())
  ON CONFLICT (email) DO UPDATE SET
    failures = CASE WHEN f.failures + 1 >= $2 THEN 0 ELSE f.failures + 1 END,
    locked_until = CASE WHEN f.failures + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE f.locked_until END,
    updated_at = now()
  RETURNING f.locked_until > now() AS locked, f.failures`;

/**
 * Checks an email and password. Rate limits (per email and per client address) and the lock-out
 * live in PostgreSQL so they hold across app instances, and count failed attempts only: a person
 * signing in on several devices through the day is never locked out by their own successes.
 *
 * An address with no account goes through the same steps as one with an account (the same limits,
 * lock-out and messages, and an argon2 verification against a decoy hash costing what a real one
 * costs), so no answer tells an attacker whether an account exists. Every outcome is audited; the
 * typed address is stored in the audit row only when it is an email address.
 */
export async function authenticate(emailInput: string, password: string, clientKey: string): Promise<AuthenticationResult> {
  const email = emailInput.trim().toLowerCase();
  const emailKey = `sign-in:email:${email}`;
  const clientLimitKey = `sign-in:client:${clientKey}`;
  const byEmail = await consumeRateLimit(emailKey, SIGN_IN_LIMITS.perEmail.attempts, SIGN_IN_LIMITS.perEmail.windowSeconds);
  const byClient = await consumeRateLimit(clientLimitKey, SIGN_IN_LIMITS.perClient.attempts, SIGN_IN_LIMITS.perClient.windowSeconds);
  if (!byEmail.allowed || !byClient.allowed) {
    const wait = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byClient.allowed ? 0 : byClient.retryAfterSeconds);
    await audit(null, "auth.sign_in_rate_limited", email);
    return { ok: false, reason: "rate_limited", message: `Too many sign-in attempts. Try again in ${minutes(wait)}.` };
  }

  const [lock, user] = await Promise.all([
    sqlQuery<{ lockedUntil: Date }>(`SELECT locked_until AS "lockedUntil" FROM sign_in_failures WHERE email = $1 AND locked_until > now()`, [email]),
    db.user.findUnique({ where: { email } }),
  ]);
  const lockedUntil = lock.rows[0]?.lockedUntil;
  if (lockedUntil) {
    await audit(user?.id ?? null, "auth.sign_in_locked", email);
    return {
      ok: false,
      reason: "locked",
      message: `This account is locked after repeated failed sign-ins. Try again in ${minutes((lockedUntil.getTime() - Date.now()) / 1000)}.`,
    };
  }

  // Same cost whether or not the account exists.
  const passwordRight = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordRight) {
    const failure = (await sqlQuery<{ locked: boolean; failures: number }>(RECORD_FAILURE_SQL, [email, SIGN_IN_LIMITS.lockAfterFailures, SIGN_IN_LIMITS.lockSeconds])).rows[0];
    await audit(user?.id ?? null, failure?.locked ? "auth.account_locked" : "auth.sign_in_failed", email);
    return { ok: false, reason: "invalid", message: INVALID };
  }

  // The right password: this attempt does not count towards the limits.
  await refundRateLimit(emailKey, byEmail);
  await refundRateLimit(clientLimitKey, byClient);
  if (!user.active) {
    await audit(user.id, "auth.sign_in_disabled", email);
    return { ok: false, reason: "disabled", message: "This account has been disabled. Ask an administrator to re-enable it." };
  }
  await db.$transaction(async (tx) => {
    await tx.signInFailure.deleteMany({ where: { email } });
    await recordAudit(tx, { actorId: user.id, action: "auth.signed_in", entityType: "user", entityId: user.id });
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}

type EmailAuditAction = "auth.sign_in_rate_limited" | "auth.sign_in_failed" | "auth.sign_in_locked" | "auth.sign_in_disabled" | "auth.account_locked";

async function audit(actorId: string | null, action: EmailAuditAction, email: string): Promise<void> {
  // Whatever was typed in the email field may be a password typed in the wrong box: keep it only
  // when it is an email address.
  const after = { email: isEmail(email) ? email : null };
  await db.$transaction((tx) => recordAudit(tx, { actorId, action, entityType: "user", entityId: actorId ?? "unknown", after }));
}
