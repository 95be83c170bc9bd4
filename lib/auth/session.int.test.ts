import { decode, encode, type JWT } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { authOptions } from "./options";
import { revokeSession } from "./revocation";
import { userOfSession } from "./session";
import { SESSION_MAX_AGE_SECONDS, verifySessionToken } from "./session-token";

const secret = "integration-secret-0123456789-0123456789";

async function newUser() {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return db.user.create({
    data: { name: "Session Tester", email: `session-${stamp}@example.test`, role: "inspector", passwordHash: "$argon2id$not-a-real-hash" },
  });
}

/** What next-auth does at sign-in: our jwt callback on its default token, then encryption. */
async function signIn(user: { id: string; name: string; email: string; sessionVersion: number }): Promise<{ cookie: string; token: JWT }> {
  const jwt = authOptions.callbacks?.jwt as (params: { token: JWT; user?: unknown }) => Promise<JWT> | JWT;
  const token = await jwt({ token: { sub: user.id, name: user.name, email: user.email }, user: { ...user } });
  return { cookie: await encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS }), token };
}

/** The user a request carrying `cookie` is signed in as. */
async function signedInAs(cookie: string) {
  const claims = await verifySessionToken(cookie, secret);
  return claims ? userOfSession(claims) : null;
}

/** What next-auth's sign-out route does after checking its CSRF token. */
async function signOut(cookie: string): Promise<void> {
  const signOutEvent = authOptions.events?.signOut as (message: { token: JWT }) => Promise<void>;
  await signOutEvent({ token: (await decode({ token: cookie, secret })) as JWT });
}

describe("sessions", () => {
  afterAll(() => closeDatabase());

  it("signing out refuses that session's cookie, and every token re-issued for it, while the user's other session still works", async () => {
    const user = await newUser();
    const laptop = await signIn(user);
    const phone = await signIn(user);
    expect(laptop.token.sid).not.toBe(phone.token.sid);
    expect(await signedInAs(laptop.cookie)).toEqual({ id: user.id, name: user.name, email: user.email, role: "inspector", passwordIsTemporary: false });

    // next-auth's session route re-issues the token (new jti, new expiry) and keeps the claims.
    const renewed = await encode({ token: { ...laptop.token }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
    expect(await signedInAs(renewed)).not.toBeNull();

    await signOut(laptop.cookie);
    expect(await signedInAs(laptop.cookie)).toBeNull();
    expect(await signedInAs(renewed)).toBeNull();
    expect((await signedInAs(phone.cookie))?.id).toBe(user.id);

    const revoked = await db.revokedSession.findUniqueOrThrow({ where: { sessionId: laptop.token.sid as string } });
    expect(revoked.userId).toBe(user.id);
    // Kept at least as long as the newest token of the session can live.
    expect(revoked.expiresAt.getTime()).toBeGreaterThanOrEqual(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

    // Signing out the same session again (a replayed sign-out) changes nothing and is audited once.
    await signOut(renewed);
    const events = await db.auditEvent.findMany({ where: { actorId: user.id, action: "auth.signed_out" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "user", entityId: user.id });
  });

  it("a disabled account or a bumped session version ends every session", async () => {
    const user = await newUser();
    const session = await signIn(user);
    expect(await signedInAs(session.cookie)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await signedInAs(session.cookie)).toBeNull();

    const again = await signIn({ ...user, sessionVersion: user.sessionVersion + 1 });
    expect(await signedInAs(again.cookie)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signedInAs(again.cookie)).toBeNull();
  });

  it("a sign-out prunes revocations whose tokens have all expired", async () => {
    const user = await newUser();
    const expired = await db.revokedSession.create({ data: { sessionId: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const current = await db.revokedSession.create({ data: { sessionId: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    await revokeSession({ sub: user.id, sid: crypto.randomUUID() });
    expect(await db.revokedSession.findUnique({ where: { sessionId: expired.sessionId } })).toBeNull();
    expect(await db.revokedSession.findUnique({ where: { sessionId: current.sessionId } })).not.toBeNull();
  });

  it("ignores a sign-out without a session this app issued", async () => {
    await expect(revokeSession(null)).resolves.toBeUndefined();
    await expect(revokeSession({ sub: "not-a-uuid", sid: crypto.randomUUID() })).resolves.toBeUndefined();
  });
});
