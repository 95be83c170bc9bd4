import { describe, expect, it } from "vitest";
import { valueInWords } from "./value-in-words";

describe("a field's value in words", () => {
  it("says an answer and its prompt marks as the case page's controls do", () => {
    expect(["yes", "no", "na"].map((value) => valueInWords("value", value))).toEqual(["Yes", "No", "Not applicable"]);
    expect(["met", "not_met"].map((mark) => valueInWords("prompt.3", mark))).toEqual(["Met", "Not met"]);
    // Only the answer's own value and prompt marks are read as such: a rationale saying "na" is text.
    expect(valueInWords("rationale", "na")).toBe("na");
    expect(valueInWords("naReason", "No plan was written")).toBe("No plan was written");
  });

  it("says a case field's coded value by its label, and a yes / no field as Yes or No", () => {
    expect(valueInWords("gender", "female")).toBe("Female");
    expect(valueInWords("rosh", "very_high")).toBe("Very high");
    expect(valueInWords("disposalType", "referral_order")).toBe("Referral order");
    expect(valueInWords("harmFactors", false)).toBe("No");
    expect(valueInWords("age", 15)).toBe("15");
  });

  it("says nothing as (blank), whether null, missing or empty", () => {
    expect([null, undefined, ""].map((value) => valueInWords("rationale", value))).toEqual(["(blank)", "(blank)", "(blank)"]);
    expect(valueInWords("value", null)).toBe("(blank)");
  });
});
