import fc from "fast-check";

// CI runs are reproducible: one fixed seed unless FUZZ_SEED names another, or is "random" to explore
// new inputs (a failure always prints the seed that reproduces it).
const seed = process.env.FUZZ_SEED ?? "20261122";
if (seed !== "random") fc.configureGlobal({ seed: Number(seed) });

// Hostile values for the fuzzing specs: empty and blank strings, 10k-character and unicode text,
// negative/huge/non-finite numbers as text, JSON-looking text, ids that are not UUIDs or name
// nothing, control characters, injection-looking text and impossible dates.

const LONG = "x".repeat(10_000);
/** Valid JSON nested 30,000 deep: overflowed the stack of code walking it (issue 11). */
export const DEEP_JSON = "[".repeat(30_000) + "]".repeat(30_000);
const LONG_UNICODE = "é👩🏽‍⚕️".repeat(2_000);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "\t\n", LONG, LONG_UNICODE),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.oneof(fc.integer(), fc.double()).map(String),
  fc.constantFrom("-1", "0", "1", "2147483648", "99999999999999999999999", "1e309", "NaN", "Infinity", "-0", "0x10"),
  fc.constantFrom("null", "undefined", "true", "false", "[]", "{}", "[1,2]", '{"a":1}', "on", "off"),
  fc.uuid().map(String),
  fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "'; DROP TABLE cases; --", "<script>alert(1)</script>", "\u0000", "\ufeff", "$K1", "$@0", "$Q1", "\ud800", "a\udc00b", "%c0%ae"),
  fc.constantFrom("2026-02-30", "9999-12-31", "0000-01-01", "2026-13-01", "01/02/2026", "2026-11-01T00:00:00Z"),
);

/** JSON values of any shape: nulls, arrays for objects, nested junk. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, [], {}, [[]], { changes: null }, { changes: [] }, { changes: {} }, -1, 1e308, "", LONG),
);

/** Request bodies that are not JSON at all. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom("{", '{"changes": [', "[1,2,,3]", "{'a':1}", "NaN", "undefined", '{"a":1}{"b":2}', "\u0000\u0001", "\ufeff{}", DEEP_JSON, '{"changes":[{"to":{"rationale":"\\ud800"}}]}'),
);
