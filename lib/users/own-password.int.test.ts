import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { closeDatabase, db } from "@/lib/db/client";
import { refusedFields } from "@/tests/refusal";
import { changeOwnPassword } from "./own-password";

afterAll(() => closeDatabase());

const CURRENT = "the-current-password";

async function makeUser() {
  const user = await db.user.create({
    data: { name: `Owner ${randomUUID()}`, email: `owner-${randomUUID()}@example.test`, role: "inspector", passwordHash: await hashPassword(CURRENT) },
  });
  return { actor: { id: user.id, role: "inspector" as const }, sessionVersion: user.sessionVersion };
}

describe("changing one's own password", () => {
  it("needs the current password, then stores the new one, ends every session and audits it", async () => {
    const { actor, sessionVersion } = await makeUser();
    const wrong = await refusedFields(changeOwnPassword(actor, { currentPassword: "guess", newPassword: "a-new-long-password", confirmPassword: "a-new-long-password" }));
    expect(wrong).toEqual({ currentPassword: "Your current password is not right" });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion).toBe(sessionVersion);

    await changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: "a-new-long-password", confirmPassword: "a-new-long-password" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(await verifyPassword(stored.passwordHash, "a-new-long-password")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, CURRENT)).toBe(false);
    expect(stored.sessionVersion).toBe(sessionVersion + 1);
    const events = await db.auditEvent.findMany({ where: { entityId: actor.id, action: "user.password_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: actor.id, before: null, after: null });
  });

  it("says which field is wrong: missing, too short, not confirmed, or unchanged", async () => {
    const { actor } = await makeUser();
    expect(await refusedFields(changeOwnPassword(actor, {}))).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Enter a password",
      confirmPassword: "Enter your new password again",
    });
    expect(await refusedFields(changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: "short", confirmPassword: "short" }))).toMatchObject({
      newPassword: expect.stringContaining("at least"),
    });
    expect(await refusedFields(changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: "a-new-long-password", confirmPassword: "another-long-one" }))).toEqual({
      confirmPassword: "Enter the same new password twice",
    });
    expect(await refusedFields(changeOwnPassword(actor, { currentPassword: CURRENT, newPassword: CURRENT, confirmPassword: CURRENT }))).toEqual({
      newPassword: "Choose a new password that is different from your current one",
    });
  });

  it("stops guessing after 10 tries in 15 minutes, even with the right password", async () => {
    const { actor } = await makeUser();
    const attempt = (currentPassword: string) => changeOwnPassword(actor, { currentPassword, newPassword: "a-new-long-password", confirmPassword: "a-new-long-password" });
    for (let i = 0; i < 10; i += 1) expect(await refusedFields(attempt(`guess ${i}`))).toEqual({ currentPassword: "Your current password is not right" });
    expect((await refusedFields(attempt(CURRENT))).currentPassword).toMatch(/^Too many attempts\. Try again in \d+ minutes?$/);
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash, CURRENT)).toBe(true);
  });
});
