// API tokens: how a script or spreadsheet calls POST /api/rate without a browser session. An
// administrator creates a named token and sees it once; the database keeps only its SHA-256 (the
// token is 256 random bits, so a slow password hash would add nothing), its first characters for
// the list, when it was last used, and who revoked it. Creating and revoking are audited. A token
// grants the rating service only: it reads and writes no inspection data.

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, sqlQuery } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { authorizeGlobal, isUuid, type Actor } from "@/lib/permissions/access";
import { parse } from "@/lib/validation";

const TOKEN_PREFIX = "crv_";
/** What the list shows of a token: enough to tell two apart, far too little to use. */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 6;
const TOKEN_PATTERN = /^crv_[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

const newApiTokenSchema = z.object({
  name: z.string({ message: "Enter a name for the token" }).trim().min(1, "Enter a name for the token, such as the script that will use it").max(100, "Enter a name of at most 100 characters"),
});
const revokeSchema = z.object({ tokenId: z.string().refine(isUuid, "Unknown token") });

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  authorizeGlobal(actor, "apiTokens.manage");
  const tokens = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  return tokens.map((t) => ({ id: t.id, name: t.name, prefix: t.tokenPrefix, createdBy: t.createdBy.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt }));
}

/** Creates a token; the returned `token` is the only time it exists outside the caller's hands. */
export async function createApiToken(actor: Actor, input: unknown): Promise<{ id: string; name: string; token: string }> {
  authorizeGlobal(actor, "apiTokens.manage");
  const { name } = parse(newApiTokenSchema, input);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, SHOWN_CHARACTERS);
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { name, tokenHash: hashOf(token), tokenPrefix: prefix, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.created", entityType: "api_token", entityId: created.id, after: { name, prefix } });
    return { id: created.id, name, token };
  });
}

export async function revokeApiToken(actor: Actor, input: unknown): Promise<{ name: string }> {
  authorizeGlobal(actor, "apiTokens.manage");
  const { tokenId } = parse(revokeSchema, input);
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateManyAndReturn({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: actor.id },
      select: { name: true, tokenPrefix: true },
    });
    const token = revoked[0];
    if (!token) throw new NotFoundError("There is no such token, or it is already revoked.");
    await recordAudit(tx, { actorId: actor.id, action: "api_token.revoked", entityType: "api_token", entityId: tokenId, before: { name: token.name, prefix: token.tokenPrefix } });
    return { name: token.name };
  });
}

/**
 * The token named by an `Authorization: Bearer …` header, if it is one of ours and not revoked; its
 * last use is recorded at most once a minute, so a busy script does not write on every call.
 * Returns null for no header, a malformed token, an unknown or a revoked one.
 */
export async function authenticateApiToken(authorization: string | null): Promise<{ tokenId: string } | null> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const { rows } = await sqlQuery<{ id: string }>(
    `WITH found AS (SELECT id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
          touched AS (UPDATE api_tokens t SET last_used_at = now() FROM found
                      WHERE t.id = found.id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute'))
     SELECT id FROM found`,
    [hashOf(token)],
  );
  const id = rows[0]?.id;
  return id ? { tokenId: id } : null;
}
