import { describe, expect, it } from "vitest";
import { FRAMEWORK_VERSIONS, RATINGS } from "@/lib/framework";
import { ERROR_CODES } from "./errors";
import { ratingInputSchema } from "./input";
import { ratingOpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v as Json | undefined)?.[k], value);

describe("OpenAPI description of POST /api/rate", () => {
  const document = ratingOpenApiDocument({ sessionCookie: "next-auth.session-token" });

  it("describes the request body from the schema the route parses with", () => {
    const input = at(document, "components", "schemas", "RatingInput");
    expect(Object.keys(at(input, "properties") as Json).sort()).toEqual(Object.keys(ratingInputSchema.shape).sort());
    expect(at(input, "required")).toEqual(["framework"]);
    expect(at(input, "additionalProperties")).toBe(false);
    expect(at(input, "properties", "framework", "enum")).toEqual([...FRAMEWORK_VERSIONS]);
    expect(at(input, "properties", "judgements", "additionalProperties", "enum")).toEqual([...RATINGS]);
    const figures = at(input, "properties", "keyQuestions", "additionalProperties");
    expect(at(figures, "properties", "percentYes")).toMatchObject({ type: "integer", minimum: 0, maximum: 100 });
    expect(at(figures, "properties", "yes")).toMatchObject({ type: "integer", minimum: 0 });
    expect(input).not.toHaveProperty("$schema");
  });

  it("names the security schemes, the responses and every error code", () => {
    expect(document.openapi).toBe("3.1.0");
    const post = at(document, "paths", "/api/rate", "post");
    expect(at(post, "security")).toEqual([{ apiToken: [] }, { session: [] }]);
    expect(Object.keys(at(post, "responses") as Json).sort()).toEqual(["200", "400", "401", "413"]);
    expect(at(document, "components", "securitySchemes", "apiToken")).toMatchObject({ type: "http", scheme: "bearer" });
    expect(at(document, "components", "schemas", "RatingError", "properties", "error", "properties", "code", "enum")).toEqual(Object.keys(ERROR_CODES));
    // Every $ref points at a schema the document has.
    const refs = JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/([^"]+)"/g) ?? [];
    for (const ref of refs) expect(at(document, "components", "schemas", ref.split("/").at(-1)!.replace('"', ""))).toBeDefined();
  });
});
