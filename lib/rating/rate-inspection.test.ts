import { describe, expect, it } from "vitest";
import type { Rating } from "@/lib/framework";
import { ERROR_CODES, RatingInputError } from "./errors";
import type { KeyQuestionFigures, RatingInput } from "./input";
import { rateInspection } from "./rate-inspection";

const GOOD_JUDGEMENTS_2021 = { "1.1": "Good", "1.2": "Good", "1.3": "Good", "1.4": "Good", "3.4": "Good" } as const;

/** Every case key question of yjs-2021 at the same %, judgement standards Good. */
function all2021(percent: number, overrides: Partial<RatingInput> = {}): RatingInput {
  const keyQuestions: Record<string, KeyQuestionFigures> = {};
  for (const s of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
    for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: percent };
  }
  return { framework: "yjs-2021", keyQuestions, judgements: GOOD_JUDGEMENTS_2021, ...overrides };
}

function refusal(input: RatingInput): { code: string; path: string; message: string } {
  try {
    rateInspection(input);
  } catch (err) {
    if (err instanceof RatingInputError) {
      expect(Object.keys(ERROR_CODES)).toContain(err.code);
      return { code: err.code, path: err.path, message: err.message };
    }
    throw err;
  }
  throw new Error("expected a refusal");
}

/** One standard 2.1 with its lowest key question at `lowest` and the others at 100. */
function withLowest(lowest: number, discretion?: { rating: Rating; note?: string }): RatingInput {
  return {
    framework: "yjs-2021",
    keyQuestions: { "2.1.1": { percentYes: 100 }, "2.1.2": { percentYes: lowest }, "2.1.3": { percentYes: 100 } },
    discretion: discretion ? { "2.1": { rating: discretion.rating, note: discretion.note ?? "Small sample." } } : {},
  };
}

const standard = (input: RatingInput, id: string) => rateInspection(input).standards.find((s) => s.id === id);

describe("output shape", () => {
  it("keeps the contract's field order", () => {
    const result = rateInspection(withLowest(70));
    expect(Object.keys(result)).toEqual([
      "framework", "standards", "score", "maxScore", "overallRating", "complete", "missing", "unscoredRatings",
    ]);
    expect(Object.keys(result.standards[4] ?? {})).toEqual([
      "id", "title", "domain", "basis", "scored", "keyQuestions", "keyQuestionsWithoutFigures", "lowestKeyQuestion", "calculatedRating", "rating", "discretion", "score",
    ]);
    expect(Object.keys(result.standards[4]?.keyQuestions[0] ?? {})).toEqual(["id", "yes", "applicable", "percentYes", "band"]);
  });

  it("lists every standard in framework order, with the domain title", () => {
    const result = rateInspection({ framework: "yjs-2021" });
    expect(result.standards.map((s) => s.id)).toEqual([
      "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1",
    ]);
    expect(result.standards[4]).toMatchObject({ title: "Assessment", domain: "Court disposals", basis: "cases" });
  });

  it("lists given key questions in framework order, whatever the input order", () => {
    const s = standard(
      { framework: "yjs-2021", keyQuestions: { "2.1.3": { yes: 1, no: 1 }, "2.1.1": { percentYes: 90 } } },
      "2.1",
    );
    expect(s?.keyQuestions).toEqual([
      { id: "2.1.1", yes: null, applicable: null, percentYes: 90, band: "Outstanding" },
      { id: "2.1.3", yes: 1, applicable: 2, percentYes: 50, band: "Requires improvement" },
    ]);
  });
});

describe("lowest band rule", () => {
  it("rates a standard by its lowest key question", () => {
    const s = standard(withLowest(45), "2.1");
    expect(s).toMatchObject({ lowestKeyQuestion: "2.1.2", calculatedRating: "Inadequate", rating: "Inadequate", score: 0 });
  });

  it("on a tie marks the last key question, as S4 does", () => {
    const s = standard(
      { framework: "yjs-2021", keyQuestions: { "3.2.1": { percentYes: 80 }, "3.2.2": { percentYes: 90 }, "3.2.3": { percentYes: 80 } } },
      "3.2",
    );
    expect(s?.lowestKeyQuestion).toBe("3.2.3");
    expect(s?.rating).toBe("Outstanding");
  });

  it("rates from whatever key questions are given; none given is unrated, not an error", () => {
    const result = rateInspection({ framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 70 } } });
    expect(result.standards.find((s) => s.id === "2.1")?.rating).toBe("Good");
    expect(result.standards.find((s) => s.id === "2.2")).toMatchObject({ rating: null, calculatedRating: null, score: null, lowestKeyQuestion: null });
  });

  it("names the key questions a standard was rated without, in framework order", () => {
    const result = rateInspection({
      framework: "yjs-2021",
      keyQuestions: { "2.1.2": { percentYes: 70 } },
      judgements: { "1.1": "Good" },
    });
    const byId = (id: string) => result.standards.find((s) => s.id === id);
    expect(byId("2.1")?.keyQuestionsWithoutFigures).toEqual(["2.1.1", "2.1.3"]);
    expect(byId("2.2")?.keyQuestionsWithoutFigures).toEqual(["2.2.1", "2.2.2", "2.2.3"]);
    expect(byId("1.1")?.keyQuestionsWithoutFigures).toEqual([]);
  });
});

describe("score and completeness", () => {
  it.each([
    [0, "Inadequate"],
    [50, "Requires improvement"],
    [65, "Good"],
    [80, "Outstanding"],
  ] as const)("all case standards at %i%% are %s", (percent, band) => {
    // 1.1 Requires improvement keeps clear of the governance cap at low percentages.
    const result = rateInspection(all2021(percent, { judgements: { ...GOOD_JUDGEMENTS_2021, "1.1": "Requires improvement" } }));
    expect(result.standards.filter((s) => s.basis === "cases").every((s) => s.rating === band)).toBe(true);
  });

  // yjs-2018 has no governance cap, so any mix of judgements is allowed: 8 case standards at one %
  // plus the four domain one judgements.
  const total2018 = (percent: number, judged: readonly [Rating, Rating, Rating, Rating]) => {
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
      for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: percent };
    }
    keyQuestions["3.4.1"] = { percentYes: percent };
    const [a, b, c, d] = judged;
    const result = rateInspection({ framework: "yjs-2018", keyQuestions, judgements: { "1.1": a, "1.2": b, "1.3": c, "1.4": d } });
    return [result.score, result.overallRating];
  };
  const RI = "Requires improvement";

  it.each<[number, readonly [Rating, Rating, Rating, Rating], number, Rating]>([
    [0, [RI, RI, RI, "Outstanding"], 6, "Inadequate"],
    [0, [RI, RI, "Good", "Outstanding"], 7, "Requires improvement"],
    [50, ["Outstanding", "Outstanding", "Good", "Good"], 18, "Requires improvement"],
    [50, ["Outstanding", "Outstanding", "Outstanding", "Good"], 19, "Good"],
    [80, [RI, RI, "Good", "Good"], 30, "Good"],
    [80, [RI, "Good", "Good", "Good"], 31, "Outstanding"],
  ])("case standards at %i%%, judgements %j: score %i, %s", (percent, judged, score, overall) => {
    expect(total2018(percent, judged)).toEqual([score, overall]);
  });

  it("is incomplete while a scored standard is unrated, with a partial score out of 3 × rated", () => {
    const result = rateInspection({ framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 70 } }, judgements: { "1.1": "Good" } });
    expect(result.complete).toBe(false);
    expect(result.overallRating).toBeNull();
    expect(result.missing).toEqual(["1.2", "1.3", "1.4", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]);
    expect(result.score).toBe(4);
    expect(result.maxScore).toBe(6);
  });

  it("yjs-2021: 4.1 is rated outside the score and may be left unrated", () => {
    const withResettlement = rateInspection(all2021(80, { judgements: { ...GOOD_JUDGEMENTS_2021, "4.1": "Inadequate" } }));
    const without = rateInspection(all2021(80));
    expect(withResettlement.score).toBe(without.score);
    expect(withResettlement.unscoredRatings).toEqual({ "4.1": "Inadequate" });
    expect(without.unscoredRatings).toEqual({ "4.1": null });
    expect(without.complete).toBe(true);
  });

  it("yjs-2018: 3.4 joint working is rated from cases and scored; there is no 4.1", () => {
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
      for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 80 };
    }
    keyQuestions["3.4.1"] = { yes: 14, no: 3 }; // 82%
    keyQuestions["3.4.2"] = { yes: 2, no: 1 }; // 67%
    const result = rateInspection({
      framework: "yjs-2018",
      keyQuestions,
      judgements: { "1.1": "Good", "1.2": "Good", "1.3": "Good", "1.4": "Good" },
    });
    const joint = result.standards.find((s) => s.id === "3.4");
    expect(joint).toMatchObject({ title: "Joint working", basis: "cases", lowestKeyQuestion: "3.4.2", rating: "Good", score: 2 });
    expect(result.unscoredRatings).toEqual({});
    expect(result.score).toBe(8 + 21 + 2);
    expect(result.complete).toBe(true);
  });
});

describe("discretion", () => {
  it("moves one band up when the lowest % is within 5 of the boundary, exactly 5 allowed", () => {
    const s = standard(withLowest(60, { rating: "Good", note: "  Small sample.  " }), "2.1");
    expect(s).toMatchObject({ calculatedRating: "Requires improvement", rating: "Good", score: 2 });
    expect(s?.discretion).toEqual({ from: "Requires improvement", to: "Good", note: "Small sample." });
  });

  it("refuses a gap of 6", () => {
    expect(refusal(withLowest(59, { rating: "Good" }))).toMatchObject({ code: "discretion_out_of_range", path: '$.discretion["2.1"].rating' });
    expect(refusal(withLowest(44, { rating: "Requires improvement" })).code).toBe("discretion_out_of_range");
    expect(refusal(withLowest(74, { rating: "Outstanding" })).code).toBe("discretion_out_of_range");
  });

  it("moves one band down within 5 of the boundary: 70 allowed, 71 refused", () => {
    expect(standard(withLowest(70, { rating: "Requires improvement" }), "2.1")?.rating).toBe("Requires improvement");
    expect(standard(withLowest(85, { rating: "Good" }), "2.1")?.rating).toBe("Good");
    expect(standard(withLowest(55, { rating: "Inadequate" }), "2.1")?.rating).toBe("Inadequate");
    expect(refusal(withLowest(71, { rating: "Requires improvement" })).code).toBe("discretion_out_of_range");
    expect(refusal(withLowest(56, { rating: "Inadequate" })).code).toBe("discretion_out_of_range");
  });

  it("refuses a move of more than one band", () => {
    expect(refusal(withLowest(49, { rating: "Good" })).code).toBe("discretion_more_than_one_band");
    expect(refusal(withLowest(80, { rating: "Requires improvement" })).code).toBe("discretion_more_than_one_band");
  });

  it("refuses discretion equal to the calculated rating", () => {
    expect(refusal(withLowest(62, { rating: "Requires improvement" })).code).toBe("discretion_unchanged");
  });

  it("refuses discretion without a note", () => {
    expect(refusal(withLowest(62, { rating: "Good", note: "   " }))).toMatchObject({
      code: "discretion_note_required",
      path: '$.discretion["2.1"].note',
    });
  });

  it("refuses discretion on a judgement standard, an unknown standard, or one with no figures", () => {
    expect(
      refusal({ framework: "yjs-2021", judgements: { "1.1": "Good" }, discretion: { "1.1": { rating: "Outstanding", note: "x" } } }),
    ).toMatchObject({ code: "discretion_on_judgement_standard", path: '$.discretion["1.1"]' });
    expect(refusal({ framework: "yjs-2021", discretion: { "9.9": { rating: "Good", note: "x" } } }).code).toBe("unknown_standard");
    expect(refusal({ framework: "yjs-2021", discretion: { "2.2": { rating: "Good", note: "x" } } }).code).toBe("discretion_without_data");
  });

  it("refuses a misspelt discretion rating", () => {
    expect(
      refusal({ ...withLowest(62), discretion: { "2.1": { rating: "Requires Improvement" as Rating, note: "x" } } }),
    ).toMatchObject({ code: "invalid_rating", path: '$.discretion["2.1"].rating' });
  });
});

describe("governance cap (yjs-2021)", () => {
  /** 2.1–3.3 at the given % and 3.4 judged; 1.1 as given. */
  const capped = (percent: number, oocdPolicy: Rating, governance: Rating): RatingInput =>
    all2021(percent, { judgements: { ...GOOD_JUDGEMENTS_2021, "3.4": oocdPolicy, "1.1": governance } });

  it("refuses 1.1 above Requires improvement when fewer than half of 2.1–3.4 are Good or better, giving the count", () => {
    const err = refusal(capped(50, "Good", "Good"));
    expect(err.code).toBe("governance_cap");
    expect(err.path).toBe('$.judgements["1.1"]');
    expect(err.message).toContain("Only 1 of the 8");
  });

  it("allows Requires improvement or lower under the cap", () => {
    expect(rateInspection(capped(50, "Good", "Requires improvement")).standards[0]?.rating).toBe("Requires improvement");
    expect(rateInspection(capped(50, "Good", "Inadequate")).standards[0]?.rating).toBe("Inadequate");
  });

  it("does not cap at exactly half (4 of 8)", () => {
    // 2.1–2.4 Requires improvement, 3.1–3.3 Good, 3.4 Good.
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 55 };
    for (const s of ["3.1", "3.2", "3.3"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 70 };
    const input: RatingInput = { framework: "yjs-2021", keyQuestions, judgements: { ...GOOD_JUDGEMENTS_2021, "1.1": "Outstanding" } };
    expect(rateInspection(input).standards[0]?.rating).toBe("Outstanding");
    // Dropping 3.4 to Requires improvement makes it 3 of 8.
    expect(refusal({ ...input, judgements: { ...input.judgements, "3.4": "Requires improvement" } }).code).toBe("governance_cap");
  });

  it("counts final ratings, after discretion", () => {
    // 3 of 8 Good (3.1, 3.2 at 70, 3.4); 3.3 at 62 moved to Good by discretion makes 4.
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 55 };
    for (const s of ["3.1", "3.2"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 70 };
    for (const k of [1, 2, 3]) keyQuestions[`3.3.${k}`] = { percentYes: 62 };
    const input: RatingInput = { framework: "yjs-2021", keyQuestions, judgements: GOOD_JUDGEMENTS_2021 };
    expect(refusal(input).code).toBe("governance_cap");
    const withDiscretion = { ...input, discretion: { "3.3": { rating: "Good" as const, note: "Strong elsewhere." } } };
    expect(rateInspection(withDiscretion).standards[0]?.rating).toBe("Good");
  });

  it("bites before all eight are rated only once it is certain", () => {
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 40 };
    // 4 Inadequate, 4 unrated: could still be 4 of 8.
    expect(rateInspection({ framework: "yjs-2021", keyQuestions, judgements: { "1.1": "Good" } }).standards[0]?.rating).toBe("Good");
    // 5 Inadequate, 3 unrated: at most 3 of 8.
    for (const k of [1, 2, 3]) keyQuestions[`3.1.${k}`] = { percentYes: 40 };
    expect(refusal({ framework: "yjs-2021", keyQuestions, judgements: { "1.1": "Good" } }).message).toContain("(3 unrated)");
  });

  it("does not apply to yjs-2018", () => {
    const keyQuestions: Record<string, KeyQuestionFigures> = {};
    for (const s of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) for (const k of [1, 2, 3]) keyQuestions[`${s}.${k}`] = { percentYes: 10 };
    expect(rateInspection({ framework: "yjs-2018", keyQuestions, judgements: { "1.1": "Outstanding" } }).standards[0]?.rating).toBe(
      "Outstanding",
    );
  });
});

describe("refusals of ids and figures", () => {
  it.each<[string, RatingInput, string, string]>([
    ["unknown framework", { framework: "yjs-2030" as never }, "unknown_framework", "$.framework"],
    ["unknown key question", { framework: "yjs-2021", keyQuestions: { "2.5.1": { yes: 1, no: 1 } } }, "unknown_key_question", '$.keyQuestions["2.5.1"]'],
    ["3.4.1 only exists in yjs-2018", { framework: "yjs-2021", keyQuestions: { "3.4.1": { yes: 1, no: 1 } } }, "unknown_key_question", '$.keyQuestions["3.4.1"]'],
    ["domain one key question with figures", { framework: "yjs-2021", keyQuestions: { "1.1.1": { percentYes: 50 } } }, "key_question_not_case_rated", '$.keyQuestions["1.1.1"]'],
    ["negative count", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: -1, no: 3 } } }, "invalid_count", '$.keyQuestions["2.1.1"].yes'],
    ["non-integer count", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 1, no: 2.5 } } }, "invalid_count", '$.keyQuestions["2.1.1"].no'],
    ["no answers", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 0, no: 0 } } }, "no_answers", '$.keyQuestions["2.1.1"]'],
    ["percent over 100", { framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 101 } } }, "percent_out_of_range", '$.keyQuestions["2.1.1"].percentYes'],
    ["percent not whole", { framework: "yjs-2021", keyQuestions: { "2.1.1": { percentYes: 64.5 } } }, "percent_out_of_range", '$.keyQuestions["2.1.1"].percentYes'],
    ["given both ways", { framework: "yjs-2021", keyQuestions: { "2.1.1": { yes: 1, no: 1, percentYes: 50 } as never } }, "key_question_given_both_ways", '$.keyQuestions["2.1.1"]'],
    ["judgement for a case-rated standard", { framework: "yjs-2021", judgements: { "2.1": "Good" } }, "judgement_for_case_rated_standard", '$.judgements["2.1"]'],
    ["judgement for 3.4 in yjs-2018", { framework: "yjs-2018", judgements: { "3.4": "Good" } }, "judgement_for_case_rated_standard", '$.judgements["3.4"]'],
    ["judgement for 4.1 in yjs-2018", { framework: "yjs-2018", judgements: { "4.1": "Good" } }, "unknown_standard", '$.judgements["4.1"]'],
    ["misspelt judgement", { framework: "yjs-2021", judgements: { "1.1": "good" as Rating } }, "invalid_rating", '$.judgements["1.1"]'],
  ])("%s", (_name, input, code, path) => {
    expect(refusal(input)).toMatchObject({ code, path });
  });
});
