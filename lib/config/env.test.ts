import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnvironment, parseServerEnvironment } from "./env";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("parseEnvironment", () => {
  it("gives the documented defaults when nothing is set, and treats an empty value as unset", () => {
    expect(parseEnvironment({})).toEqual({ DATABASE_POOL_SIZE: 10, EMBEDDED_PG_PORT: 54329, SIGN_IN_ATTEMPTS_PER_CLIENT: 50, TRUSTED_PROXY_HOPS: 0, CASE_CONTENT_RETENTION_MONTHS: 24 });
    expect(parseEnvironment({ SIGN_IN_ATTEMPTS_PER_CLIENT: "", DATABASE_URL: "" }).SIGN_IN_ATTEMPTS_PER_CLIENT).toBe(50);
  });

  it("reads numbers and URLs", () => {
    const env = parseEnvironment({ DATABASE_URL: "postgresql://app:pw@db:5432/case_review", DATABASE_POOL_SIZE: "25", SIGN_IN_ATTEMPTS_PER_CLIENT: " 400 ", PORT: "8080" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://app:pw@db:5432/case_review", DATABASE_POOL_SIZE: 25, SIGN_IN_ATTEMPTS_PER_CLIENT: 400, PORT: 8080 });
  });

  it("names every variable that is wrong, with the value unless it may hold a secret", () => {
    const found = problems(() =>
      parseEnvironment({ SIGN_IN_ATTEMPTS_PER_CLIENT: "abc", DATABASE_POOL_SIZE: "0", PORT: "70000", DATABASE_URL: "mysql://root:hunter2@db/x", NEXTAUTH_SECRET: "short" }),
    );
    expect(found).toEqual([
      "DATABASE_URL: expected a PostgreSQL URL, postgresql://user:password@host:5432/database",
      'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000 (got "0")',
      "NEXTAUTH_SECRET: expected at least 32 characters (openssl rand -base64 32)",
      'PORT: expected a whole number from 1 to 65535 (got "70000")',
      'SIGN_IN_ATTEMPTS_PER_CLIENT: expected a whole number from 1 to 1000000 (got "abc")',
    ]);
    expect(found.join("\n")).not.toContain("hunter2");
  });

  it("takes 0 to 10 trusted proxy hops, and nothing else", () => {
    expect(parseEnvironment({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const value of ["-1", "11", "one", "1.5"]) {
      expect(problems(() => parseEnvironment({ TRUSTED_PROXY_HOPS: value }))).toEqual([`TRUSTED_PROXY_HOPS: expected a whole number from 0 to 10 (got ${JSON.stringify(value)})`]);
    }
  });

  it("refuses fractions, signs and exponents rather than rounding them", () => {
    for (const value of ["1.5", "-3", "1e3", "50 attempts"]) {
      expect(problems(() => parseEnvironment({ SIGN_IN_ATTEMPTS_PER_CLIENT: value }))).toHaveLength(1);
    }
  });
});

describe("parseServerEnvironment", () => {
  it("requires the shared secret and the public address with a database", () => {
    expect(problems(() => parseServerEnvironment({ DATABASE_URL: "postgresql://a@db/x" }))).toEqual([
      "NEXTAUTH_SECRET: required with DATABASE_URL, the same on every instance (openssl rand -base64 32)",
      "NEXTAUTH_URL: required with DATABASE_URL, the address users reach the app at",
    ]);
    expect(problems(() => parseServerEnvironment({}))).toEqual(["DATABASE_URL: required by the server (npm start sets it for the embedded database)"]);
  });

  it("reports malformed values and missing ones together", () => {
    expect(problems(() => parseServerEnvironment({ DATABASE_URL: "postgresql://a@db/x", NEXTAUTH_SECRET: SECRET, SIGN_IN_ATTEMPTS_PER_CLIENT: "abc" }))).toEqual([
      'SIGN_IN_ATTEMPTS_PER_CLIENT: expected a whole number from 1 to 1000000 (got "abc")',
      "NEXTAUTH_URL: required with DATABASE_URL, the address users reach the app at",
    ]);
  });

  it("accepts a complete configuration", () => {
    const env = parseServerEnvironment({ DATABASE_URL: "postgres://a@db/x", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://case-review.example.org" });
    expect(env.NEXTAUTH_URL).toBe("https://case-review.example.org");
  });
});
