import { describe, expect, it } from "vitest";
import { errorFields, routeOf } from "./log";

describe("routeOf", () => {
  it("names the route without the ids in its path or its query", () => {
    expect(routeOf("http://x/api/cases/0b6f1c1e-2c4d-4c1a-9d1e-6f7a8b9c0d1e/changes?x=1")).toBe("/api/cases/[id]/changes");
    expect(routeOf("http://x/api/health")).toBe("/api/health");
  });
});

describe("errorFields", () => {
  it("keeps an error's class, code and frames but not the values its message quotes", () => {
    const error = Object.assign(new Error('Invalid value "The child said she felt unsafe at home" for rationale; Key (reference)=(YJ-123) already exists'), { code: "23505" });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ error: "Error", code: "23505" });
    expect(String(fields.message)).not.toContain("unsafe");
    expect(String(fields.message)).not.toContain("YJ-123");
    expect(String(fields.message)).toContain("Invalid value");
    expect(String(fields.stack)).toMatch(/log\.test\.ts/);
  });
});
