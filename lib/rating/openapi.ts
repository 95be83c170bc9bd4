// The OpenAPI 3.1 description of POST /api/rate, served at /api/openapi.json. The request body's
// schema is generated (z.toJSONSchema) from the very schema the route parses with
// (ratingInputSchema), so the description cannot drift from what the service accepts. The response
// mirrors RatingResult and the contract's error document (../shared/framework/rating-contract.md).

import { z } from "zod";
import { RATINGS } from "@/lib/framework";
import { ERROR_CODES } from "./errors";
import { ratingInputSchema } from "./input";

const rating = { type: "string", enum: [...RATINGS] };
const nullableRating = { anyOf: [rating, { type: "null" }] };

const ratingResult = {
  type: "object",
  required: ["framework", "standards", "score", "maxScore", "overallRating", "complete", "missing", "unscoredRatings"],
  properties: {
    framework: { type: "string" },
    standards: {
      type: "array",
      description: "Every standard of the framework version, in framework order, with its rating (null when unrated) and how it was reached.",
      items: { type: "object", required: ["id", "rating"], properties: { id: { type: "string" }, rating: nullableRating } },
    },
    score: { type: "integer", description: "Sum of the points of the rated scored standards." },
    maxScore: { type: "integer", description: "3 × the number of rated scored standards: when complete, the version's maximum (36 for its twelve scored standards)." },
    overallRating: { ...nullableRating, description: "Null unless complete." },
    complete: { type: "boolean" },
    missing: { type: "array", items: { type: "string" }, description: "Ids of unrated scored standards, in framework order." },
    unscoredRatings: { type: "object", additionalProperties: nullableRating },
  },
};

const errorDocument = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "path"],
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_CODES), description: "Stable: clients may branch on it." },
        message: { type: "string" },
        path: { type: "string", description: "JSON path of the offending value, such as $.keyQuestions['2.1.1'].yes" },
      },
    },
  },
};

/** The app's other refusals (lib/http/json-response.ts): a code and a message for people. */
const serviceError = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } },
};

function requestSchema(): Record<string, unknown> {
  // OpenAPI 3.1 fixes the dialect itself: the generated $schema line is left out.
  const schema = z.toJSONSchema(ratingInputSchema, { unrepresentable: "any" }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

/** `sessionCookie`: the name of the session cookie (lib/auth/session-token.ts), which this pure module does not import. */
export function ratingOpenApiDocument({ sessionCookie }: { sessionCookie: string }): Record<string, unknown> {
  const error = (description: string, schema: "RatingError" | "Error") => ({
    description,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Case Review rating service",
      version: "1",
      description:
        "Rates an inspection from key question figures, judgements and discretion, as the HM Inspectorate of Probation youth justice framework does. Same input and output as `npm run rate`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    paths: {
      "/api/rate": {
        post: {
          operationId: "rateInspection",
          summary: "Rate an inspection",
          security: [{ apiToken: [] }, { session: [] }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RatingInput" } } } },
          responses: {
            "200": { description: "The ratings.", content: { "application/json": { schema: { $ref: "#/components/schemas/RatingResult" } } } },
            "400": error("The input breaks the contract: the code names the rule, the path the value.", "RatingError"),
            "401": error("No session and no valid API token (an unknown or revoked token included).", "Error"),
            "413": error("The body is larger than 64 KiB.", "Error"),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token created by an administrator under Administration › API tokens." },
        session: { type: "apiKey", in: "cookie", name: sessionCookie, description: "A signed-in browser session." },
      },
      schemas: { RatingInput: requestSchema(), RatingResult: ratingResult, RatingError: errorDocument, Error: serviceError },
    },
  };
}
