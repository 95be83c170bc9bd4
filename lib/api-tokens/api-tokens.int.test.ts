import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./index";

async function user(role: Actor["role"]): Promise<Actor> {
  const created = await db.user.create({ data: { name: `Token ${role}`, email: `token-${role}-${randomUUID()}@example.test`, role, passwordHash: "x" } });
  return { id: created.id, role };
}

describe("API tokens", () => {
  it("are created by an administrator, stored hashed, authenticate until revoked, and every step is audited", async () => {
    const admin = await user("admin");
    const { id, token } = await createApiToken(admin, { name: "  Panel spreadsheet  " });
    expect(token).toMatch(/^crv_[A-Za-z0-9_-]{43}$/);

    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.name).toBe("Panel spreadsheet");
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token.slice(10));
    expect(stored.lastUsedAt).toBeNull();

    expect(await authenticateApiToken(`Bearer ${token}`)).toEqual({ tokenId: id });
    const used = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(used.lastUsedAt).not.toBeNull();
    // Within the minute, a second use does not write again.
    await authenticateApiToken(`bearer ${token}`);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(used.lastUsedAt);

    const listed = (await listApiTokens(admin)).find((t) => t.id === id);
    expect(listed).toMatchObject({ name: "Panel spreadsheet", prefix: token.slice(0, 10), revokedAt: null });

    await revokeApiToken(admin, { tokenId: id });
    expect(await authenticateApiToken(`Bearer ${token}`)).toBeNull();
    await expect(revokeApiToken(admin, { tokenId: id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedById).toBe(admin.id);

    const events = await db.auditEvent.findMany({ where: { entityType: "api_token", entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["api_token.created", admin.id],
      ["api_token.revoked", admin.id],
    ]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(token);
  });

  it("refuse anything that is not a live token of ours", async () => {
    for (const header of [null, "", "Bearer", "Basic abc", `Bearer crv_${"a".repeat(43)}`, "Bearer crv_short", `Bearer ${"x".repeat(5000)}`]) {
      expect(await authenticateApiToken(header)).toBeNull();
    }
  });

  it("are managed by administrators only, with a name", async () => {
    const admin = await user("admin");
    for (const role of ["manager", "lead_inspector", "inspector"] as const) {
      const other = await user(role);
      await expect(createApiToken(other, { name: "Mine" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listApiTokens(other)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeApiToken(other, { tokenId: randomUUID() })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const noName = await createApiToken(admin, { name: "   " }).catch((e: unknown) => e);
    expect(noName).toBeInstanceOf(ValidationError);
    expect((noName as ValidationError).fieldErrors.name).toMatch(/Enter a name/);
    await expect(revokeApiToken(admin, { tokenId: "not-a-uuid" })).rejects.toBeInstanceOf(ValidationError);
  });
});
