import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/permissions/access";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";

/**
 * How long past the newest possible token of a revoked session its row is kept: next-auth accepts
 * tokens up to 15 s past their expiry, and app instances' clocks may differ a little.
 */
const REVOCATION_MARGIN_SECONDS = 5 * 60;

/**
 * Signs one session out everywhere: a copy of its cookie (any token next-auth issued for it, each
 * with its own jti) is refused by every app instance from now on. The sign-out path calls this with
 * the decoded session token.
 *
 * The row outlives every token of the session: once revoked, no new token is issued for it
 * (GET /api/auth/session checks first), and the newest one issued before expires within the session
 * lifetime. Expired rows are pruned here, so the table holds about one working day of sign-outs.
 */
export async function revokeSession(token: { sub?: unknown; sid?: unknown } | null | undefined): Promise<void> {
  const userId = token?.sub;
  const sessionId = token?.sid;
  if (!isUuid(userId) || !isUuid(sessionId)) return; // nothing this app issued, or already refused
  const now = Date.now();
  await db.$transaction(async (tx) => {
    const { count } = await tx.revokedSession.createMany({
      data: [{ sessionId, userId, expiresAt: new Date(now + (SESSION_MAX_AGE_SECONDS + REVOCATION_MARGIN_SECONDS) * 1000) }],
      skipDuplicates: true,
    });
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
    if (count > 0) await recordAudit(tx, { actorId: userId, action: "auth.signed_out", entityType: "user", entityId: userId });
  });
}
