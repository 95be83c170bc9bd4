import { afterEach, describe, expect, it, vi } from "vitest";

// The session cookie's Secure flag follows the public address: Secure (and __Secure- prefixed by
// next-auth) behind HTTPS, plain on a local http:// install where a Secure cookie would be dropped.
describe("session cookie security", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("uses Secure cookies when the app is served over HTTPS", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://case-review.example.gov.uk");
    const { authOptions } = await import("./options");
    expect(authOptions.useSecureCookies).toBe(true);
  });

  it("does not on a local http address", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const { authOptions } = await import("./options");
    expect(authOptions.useSecureCookies).toBe(false);
  });

  it("ends sessions after at most ten hours", async () => {
    const { authOptions } = await import("./options");
    expect(authOptions.session?.maxAge).toBe(10 * 60 * 60);
    expect(authOptions.session?.strategy).toBe("jwt");
  });
});
