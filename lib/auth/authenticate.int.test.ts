import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/rate-limit";
import { authenticate, SIGN_IN_LIMITS } from "./authenticate";
import { hashPassword } from "./password";

afterAll(() => closeDatabase());

const PASSWORD = "the-right-password-for-tests";

async function makeUser() {
  const email = `sign-in-${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { name: "Sign In Tester", email, role: "inspector", passwordHash: await hashPassword(PASSWORD) } });
  return { ...user, email };
}

/** A client address of its own, so the per-address limit of other tests never interferes. */
const client = () => `test-client-${randomUUID()}`;

describe("sign-in limits count failures, not successes", () => {
  it("signs in with the right password more times than the per-email limit", async () => {
    const user = await makeUser();
    const outcomes = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.attempts + 3; i += 1) outcomes.push((await authenticate(user.email, PASSWORD, client())).ok);
    expect(outcomes.every(Boolean)).toBe(true);
  });

  it("still stops guessing: wrong passwords lock the account, and the per-email limit holds", async () => {
    const user = await makeUser();
    const key = client();
    const reasons = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.attempts + 1; i += 1) {
      const result = await authenticate(user.email, `wrong ${i}`, key);
      reasons.push(result.ok ? "ok" : result.reason);
    }
    expect(reasons).toEqual([...Array(5).fill("invalid"), ...Array(5).fill("locked"), "rate_limited"]);
    // The right password does not get through a lock-out either.
    expect(await authenticate(user.email, PASSWORD, client())).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a success clears the run of failures", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i += 1) await authenticate(user.email, "wrong", client());
    expect((await authenticate(user.email, PASSWORD, client())).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) await authenticate(user.email, "wrong", client());
    expect((await authenticate(user.email, PASSWORD, client())).ok).toBe(true);
  });
});

describe("an email with no account behaves like one with an account", () => {
  it("gives the same messages, in the same order, through lock-out and the limit", async () => {
    const user = await makeUser();
    const unknown = `nobody-${randomUUID()}@example.test`;
    const run = async (email: string) => {
      const messages = [];
      for (let i = 0; i < SIGN_IN_LIMITS.perEmail.attempts + 1; i += 1) {
        const result = await authenticate(email, `wrong ${i}`, client());
        messages.push(result.ok ? "ok" : result.message);
      }
      return messages;
    };
    const [real, missing] = [await run(user.email), await run(unknown)];
    expect(missing).toEqual(real);
    expect(real[5]).toMatch(/^This account is locked after repeated failed sign-ins\. Try again in 15 minutes\.$/);
  });
});

describe("the audit of a failed sign-in", () => {
  it("keeps what was typed as the email only when it is an email address", async () => {
    const typed = `Secret password ${randomUUID()}`;
    await authenticate(typed, "anything", client());
    const email = `nobody-${randomUUID()}@example.test`;
    await authenticate(email, "anything", client());
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", at: { gte: new Date(Date.now() - 60_000) } } });
    expect(JSON.stringify(events.map((e) => e.after))).not.toContain(typed.toLowerCase());
    expect(events.map((e) => e.after)).toContainEqual({ email });
  });
});

describe("rate-limit windows", () => {
  it("are pruned by the limiter itself once a day old", async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    const recent = new Date(Date.now() - 3_600_000);
    await db.rateLimitBucket.createMany({
      data: [
        { key: `old-${randomUUID()}`, windowStart: old, count: 3 },
        { key: `recent-${randomUUID()}`, windowStart: recent, count: 3 },
      ],
    });
    await db.signInFailure.create({ data: { email: `old-${randomUUID()}@example.test`, failures: 2, updatedAt: old } });
    await consumeRateLimit(`fresh-${randomUUID()}`, 10, 900);
    expect(await db.rateLimitBucket.count({ where: { windowStart: { lt: new Date(Date.now() - 86_400_000) } } })).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { windowStart: recent } })).toBeGreaterThan(0);
    expect(await db.signInFailure.count({ where: { updatedAt: { lt: new Date(Date.now() - 86_400_000) } } })).toBe(0);
  });
});
