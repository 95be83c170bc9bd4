import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";
import { environment } from "@/lib/config/env";
import { isUuid } from "@/lib/permissions/access";

// The session cookie, read and verified without next-auth's session route. getServerSession runs the
// whole route (CSRF token, callbacks) and re-encrypts a fresh token on every call, which a server
// component or route handler cannot even send (next-auth drops it there): about 4 times the CPU of
// decrypting the cookie alone. Same secret, same cookie, same checks (authenticated encryption,
// expiry with next-auth's 15 s tolerance). next-auth's own `decode` derives the key from the secret on
// every call, which under load cost more than the decryption; the key is derived once per secret here,
// exactly as next-auth derives it (HKDF-SHA256, empty salt, its info string, 32 bytes).

/**
 * A session token is valid for ten hours from when it was issued. Pages do not renew it; the case
 * page's session warning does (GET /api/auth/session issues a fresh token while the session holds).
 */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

/** Secure cookies (and their __Secure- name) behind HTTPS; plain on a local http:// install. */
export const SECURE_COOKIES = (environment().NEXTAUTH_URL ?? "").startsWith("https://");

/** next-auth's own name for the session cookie, given to next-auth explicitly so the two agree. */
export const SESSION_COOKIE_NAME = `${SECURE_COOKIES ? "__Secure-" : ""}next-auth.session-token`;

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** This sign-in's id, kept in every token next-auth re-issues for it; sign-out revokes it. */
  sessionId: string;
}

function sessionSecret(): string {
  const secret = environment().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: sessions cannot be verified.");
  return secret;
}

/**
 * The session cookie's value from the request's cookies. next-auth splits a token over 4 kB into
 * `<name>.0`, `<name>.1`, … (ours are far smaller, but read them the way it writes them).
 */
export function readSessionCookie(cookies: readonly { name: string; value: string }[]): string | undefined {
  const whole = cookies.find((c) => c.name === SESSION_COOKIE_NAME);
  if (whole) return whole.value;
  const prefix = `${SESSION_COOKIE_NAME}.`;
  const index = (name: string) => Number(name.slice(prefix.length));
  const chunks = cookies
    .filter((c) => c.name.startsWith(prefix) && /^\d+$/.test(c.name.slice(prefix.length)))
    .sort((a, b) => index(a.name) - index(b.name));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * The claims of a session token this app issued and that has not expired; null for anything else
 * (no token, another secret, tampered, expired, or a token from before sessions had an id).
 */
export async function verifySessionToken(token: string | undefined, secret = sessionSecret()): Promise<SessionClaims | null> {
  if (!token) return null;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] }));
  } catch {
    return null;
  }
  const { sub, sessionVersion, sid } = payload;
  if (!isUuid(sub) || !isUuid(sid) || typeof sessionVersion !== "number" || !Number.isInteger(sessionVersion)) return null;
  return { userId: sub, sessionVersion, sessionId: sid };
}

const derivedKeys = new Map<string, Uint8Array>();

/** next-auth's encryption key for `secret` (its getDerivedEncryptionKey, without a salt). */
function encryptionKey(secret: string): Uint8Array {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    derivedKeys.set(secret, key);
  }
  return key;
}
