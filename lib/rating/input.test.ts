import { describe, expect, it } from "vitest";
import { ERROR_CODES, RatingInputError, jsonPath } from "./errors";
import { parseRatingInput } from "./input";
import { rateJson, rateJsonText } from "./rate-json";

function parseError(json: unknown): { code: string; path: string; message: string } {
  try {
    parseRatingInput(json);
  } catch (err) {
    if (err instanceof RatingInputError) return { code: err.code, path: err.path, message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("jsonPath", () => {
  it("brackets keys that are not identifiers", () => {
    expect(jsonPath([])).toBe("$");
    expect(jsonPath(["keyQuestions", "2.1.1", "yes"])).toBe('$.keyQuestions["2.1.1"].yes');
    expect(jsonPath(["list", 0])).toBe("$.list[0]");
  });
});

describe("parseRatingInput", () => {
  it("accepts the contract's example and defaults the optional maps", () => {
    expect(
      parseRatingInput({
        framework: "yjs-2021",
        keyQuestions: { "2.1.1": { yes: 22, no: 3 }, "2.1.3": { percentYes: 60 } },
        judgements: { "1.1": "Good" },
        discretion: { "3.2": { rating: "Good", note: "Small sample; strong scores elsewhere." } },
      }),
    ).toEqual({
      framework: "yjs-2021",
      keyQuestions: { "2.1.1": { yes: 22, no: 3 }, "2.1.3": { percentYes: 60 } },
      judgements: { "1.1": "Good" },
      discretion: { "3.2": { rating: "Good", note: "Small sample; strong scores elsewhere." } },
    });
    expect(parseRatingInput({ framework: "yjs-2018" })).toEqual({ framework: "yjs-2018", keyQuestions: {}, judgements: {}, discretion: {} });
  });

  it.each<[string, unknown, string, string]>([
    ["not an object", [], "invalid_input", "$"],
    ["null", null, "invalid_input", "$"],
    ["missing framework", {}, "unknown_framework", "$.framework"],
    ["unknown framework", { framework: "yjs-2030" }, "unknown_framework", "$.framework"],
    ["unknown top-level field", { framework: "yjs-2021", keyQuestion: {} }, "invalid_input", "$.keyQuestion"],
    ["keyQuestions not an object", { framework: "yjs-2021", keyQuestions: [] }, "invalid_input", "$.keyQuestions"],
    ["entry not an object", { framework: "yjs-2021", keyQuestions: { "2.1.1": 5 } }, "invalid_input", '$.keyQuestions["2.1.1"]'],
    ["unknown field in an entry", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 1, no: 1, na: 2 } } }, "invalid_input", '$.keyQuestions["2.1.1"].na'],
    ["empty entry", { framework: "yjs-2021", keyQuestions: { "2.1.1": {} } }, "invalid_input", '$.keyQuestions["2.1.1"]'],
    ["negative count", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: -1, no: 1 } } }, "invalid_count", '$.keyQuestions["2.1.1"].yes'],
    ["fractional count", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 1, no: 0.5 } } }, "invalid_count", '$.keyQuestions["2.1.1"].no'],
    ["count as a string", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: "3", no: 1 } } }, "invalid_count", '$.keyQuestions["2.1.1"].yes'],
    ["only yes", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 3 } } }, "key_question_incomplete", '$.keyQuestions["2.1.1"]'],
    ["yes + no = 0", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 0, no: 0 } } }, "no_answers", '$.keyQuestions["2.1.1"]'],
    ["percent -1", { framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: -1 } } }, "percent_out_of_range", '$.keyQuestions["2.1.1"].percentYes'],
    ["percent 101", { framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 101 } } }, "percent_out_of_range", '$.keyQuestions["2.1.1"].percentYes'],
    ["percent 64.5", { framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 64.5 } } }, "percent_out_of_range", '$.keyQuestions["2.1.1"].percentYes'],
    ["both ways", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 1, no: 1, percentYes: 50 } } }, "key_question_given_both_ways", '$.keyQuestions["2.1.1"]'],
    ["misspelt judgement", { framework: "yjs-2021", judgements: { "1.1": "Requires Improvement" } }, "invalid_rating", '$.judgements["1.1"]'],
    ["misspelt discretion rating", { framework: "yjs-2021", discretion: { "2.1": { rating: "good", note: "x" } } }, "invalid_rating", '$.discretion["2.1"].rating'],
    ["missing discretion note", { framework: "yjs-2021", discretion: { "2.1": { rating: "Good" } } }, "discretion_note_required", '$.discretion["2.1"].note'],
    ["blank discretion note", { framework: "yjs-2021", discretion: { "2.1": { rating: "Good", note: " \n" } } }, "discretion_note_required", '$.discretion["2.1"].note'],
  ])("refuses %s", (_name, json, code, path) => {
    const error = parseError(json);
    expect(error).toMatchObject({ code, path });
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain("\n");
  });
});

describe("rateJson / rateJsonText", () => {
  it("returns the contract's error document", () => {
    expect(rateJson({ framework: "yjs-2021", keyQuestions: { "9.9.9": { yes: 1, no: 0 } } })).toEqual({
      ok: false,
      error: { error: { code: "unknown_key_question", message: "9.9.9 is not a key question of yjs-2021.", path: '$.keyQuestions["9.9.9"]' } },
    });
  });

  it("refuses invalid JSON", () => {
    const outcome = rateJsonText("{ framework: ");
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.error.code).toBe("invalid_json");
    expect(!outcome.ok && outcome.error.error.path).toBe("$");
  });

  it("rates valid JSON text", () => {
    const outcome = rateJsonText('{"framework":"yjs-2021","keyQuestions":{"2.1.1":{"yes":13,"no":7}}}');
    expect(outcome.ok && outcome.result.standards.find((s) => s.id === "2.1")?.keyQuestions[0]?.percentYes).toBe(65);
  });
});

describe("ERROR_CODES", () => {
  it("describes every code", () => {
    for (const [code, description] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(description.length).toBeGreaterThan(10);
    }
  });
});
