import { encode, getToken } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionCookie, verifySessionToken } from "./session-token";

const secret = "unit-test-secret-0123456789-0123456789";
const claims = { sub: crypto.randomUUID(), sid: crypto.randomUUID(), sessionVersion: 3, name: "Tom Evans", email: "t@example.test" };

describe("verifySessionToken", () => {
  it("returns the claims of a token next-auth encoded with the same secret", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await verifySessionToken(token, secret)).toEqual({ userId: claims.sub, sessionVersion: 3, sessionId: claims.sid });
  });

  it("refuses a token encrypted with another secret", async () => {
    const token = await encode({ token: claims, secret: "another-secret-0123456789-0123456789", maxAge: 60 });
    expect(await verifySessionToken(token, secret)).toBeNull();
  });

  it("refuses an expired token (beyond next-auth's 15 s tolerance)", async () => {
    const token = await encode({ token: claims, secret, maxAge: -20 });
    expect(await verifySessionToken(token, secret)).toBeNull();
  });

  it("refuses a tampered token", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const parts = token.split(".");
    const ciphertext = parts[3] as string;
    parts[3] = `${ciphertext[0] === "A" ? "B" : "A"}${ciphertext.slice(1)}`;
    expect(await verifySessionToken(parts.join("."), secret)).toBeNull();
    expect(await verifySessionToken("not-a-token", secret)).toBeNull();
    expect(await verifySessionToken(undefined, secret)).toBeNull();
  });

  it("refuses a token without a session id or version (issued before sessions had one)", async () => {
    for (const missing of ["sid", "sessionVersion"] as const) {
      const token = Object.fromEntries(Object.entries(claims).filter(([key]) => key !== missing));
      expect(await verifySessionToken(await encode({ token, secret, maxAge: 60 }), secret), missing).toBeNull();
    }
    expect(await verifySessionToken(await encode({ token: { ...claims, sub: "1 OR 1=1" }, secret, maxAge: 60 }), secret)).toBeNull();
  });
});

describe("the session cookie", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  for (const url of ["https://case-review.example.gov.uk", "http://localhost:3000"]) {
    it(`is the one next-auth reads and writes on ${url}`, async () => {
      vi.stubEnv("NEXTAUTH_URL", url);
      vi.resetModules();
      const { SESSION_COOKIE_NAME, readSessionCookie: read } = await import("./session-token");
      const { authOptions } = await import("./options");
      expect(SESSION_COOKIE_NAME).toBe(url.startsWith("https:") ? "__Secure-next-auth.session-token" : "next-auth.session-token");
      expect(authOptions.cookies?.sessionToken?.name).toBe(SESSION_COOKIE_NAME);
      expect(authOptions.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: url.startsWith("https:") });

      // next-auth's own reader (same default name) finds the token under that name.
      const token = await encode({ token: claims, secret, maxAge: 60 });
      const cookies = { [SESSION_COOKIE_NAME]: token, other: "x" };
      const found = await getToken({ req: { cookies, headers: {} } as never, secret, raw: true });
      expect(found).toBe(token);
      expect(read(Object.entries(cookies).map(([name, value]) => ({ name, value })))).toBe(token);
    });
  }

  it("is put back together from next-auth's chunks, in order", () => {
    const name = "next-auth.session-token";
    expect(
      readSessionCookie([
        { name: `${name}.1`, value: "bb" },
        { name: "unrelated", value: "zz" },
        { name: `${name}.10`, value: "dd" },
        { name: `${name}.0`, value: "aa" },
        { name: `${name}.2`, value: "cc" },
        { name: `${name}.x`, value: "no" },
      ]),
    ).toBe("aabbccdd");
    expect(readSessionCookie([{ name: "unrelated", value: "zz" }])).toBeUndefined();
  });
});
