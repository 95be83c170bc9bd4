import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { closeDatabase, db } from "@/lib/db/client";
import { refusedFields } from "@/tests/refusal";
import { createUser, resetPassword } from "./index";
import { changeOwnPassword } from "./own-password";

afterAll(() => closeDatabase());

async function admin() {
  const user = await db.user.create({ data: { name: "Rules Admin", email: `rules-admin-${randomUUID()}@example.test`, role: "admin", passwordHash: "x" } });
  return { id: user.id, role: "admin" as const };
}

describe("password rules", () => {
  it("refuse common, repetitive and personal passwords set by an administrator, with a clear message", async () => {
    const actor = await admin();
    const stamp = randomUUID().slice(0, 8);
    const person = { name: "Morgan Ashdown", email: `morgan.ashdown.${stamp}@example.test`, role: "inspector" };
    expect(await refusedFields(createUser(actor, { ...person, password: "aaaaaaaaaaaa" }))).toEqual({
      password: "Choose a password that is not one character or a short pattern repeated",
    });
    expect(await refusedFields(createUser(actor, { ...person, password: "Password1234!" }))).toEqual({
      password: "Choose a password that is harder to guess: this one is, or is built on, a commonly used password",
    });
    expect(await refusedFields(createUser(actor, { ...person, password: `morgan.ashdown.${stamp}@example.test` }))).toEqual({
      password: "Choose a password that does not contain their name or email address",
    });
    expect(await refusedFields(createUser(actor, { ...person, password: "ashdown-rules-2026" }))).toEqual({
      password: "Choose a password that does not contain their name or email address",
    });
    const created = await createUser(actor, { ...person, password: "ferry lantern quietly" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.passwordIsTemporary).toBe(true);

    expect(await refusedFields(resetPassword(actor, { userId: created.id, password: "qwertyuiop123" }))).toMatchObject({ password: expect.stringContaining("commonly used") });
  });

  it("apply when users choose their own, which is no longer temporary", async () => {
    const current = "a-temporary-start-password";
    const user = await db.user.create({
      data: { name: "Robin Fairweather", email: `robin-${randomUUID()}@example.test`, role: "inspector", passwordHash: await hashPassword(current), passwordIsTemporary: true },
    });
    const actor = { id: user.id, role: "inspector" as const };
    const attempt = (next: string) => changeOwnPassword(actor, { currentPassword: current, newPassword: next, confirmPassword: next });
    expect(await refusedFields(attempt("Fairweather-2026!"))).toEqual({ newPassword: "Choose a password that does not contain your name or email address" });
    expect(await refusedFields(attempt("iloveyou12345"))).toEqual({ newPassword: expect.stringContaining("commonly used") });
    await attempt("copper kettle morning");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordIsTemporary).toBe(false);
  });
});
