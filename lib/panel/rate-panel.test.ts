import { describe, expect, it } from "vitest";
import { rateInspection } from "@/lib/rating";
import { newlySetAside, ratePanel, type StoredDecision } from "./rate-panel";

const counts = { "2.2.1": { yes: 12, no: 1 }, "2.2.2": { yes: 9, no: 4 }, "2.2.3": { yes: 6, no: 7 } };

describe("ratePanel", () => {
  it("rates with every decision that fits, exactly as the engine does", () => {
    const decisions: StoredDecision[] = [
      { standardId: "2.2", kind: "discretion", rating: "Requires improvement", note: "Small sample." },
      { standardId: "1.1", kind: "judgement", rating: "Good", note: "Board." },
    ];
    const { result, setAside } = ratePanel("yjs-2021", counts, decisions);
    expect(setAside).toEqual([]);
    expect(result).toEqual(
      rateInspection({
        framework: "yjs-2021",
        keyQuestions: counts,
        judgements: { "1.1": "Good" },
        discretion: { "2.2": { rating: "Requires improvement", note: "Small sample." } },
      }),
    );
  });

  it("sets aside a decision the engine refuses, keeping the others, with the engine's message", () => {
    const decisions: StoredDecision[] = [
      { standardId: "2.2", kind: "discretion", rating: "Good", note: "Two bands." },
      { standardId: "2.1", kind: "discretion", rating: "Good", note: "No data." },
      { standardId: "1.2", kind: "judgement", rating: "Outstanding", note: "Staff." },
    ];
    const { result, setAside } = ratePanel("yjs-2021", counts, decisions);
    expect(setAside.map((d) => [d.standardId, d.code])).toEqual([
      ["2.1", "discretion_without_data"],
      ["2.2", "discretion_more_than_one_band"],
    ]);
    expect(setAside[1]?.message).toBe("2.2: 'Inadequate' to 'Good' moves more than one band; discretion moves one band only.");
    expect(result.standards.find((s) => s.id === "1.2")?.rating).toBe("Outstanding");
    expect(result.standards.find((s) => s.id === "2.2")?.rating).toBe("Inadequate");
  });

  it("names what a change newly breaks", () => {
    const before = ratePanel("yjs-2021", counts, []).setAside;
    const after = ratePanel("yjs-2021", counts, [{ standardId: "2.2", kind: "discretion", rating: "Outstanding", note: "x" }]).setAside;
    expect(newlySetAside(before, after).map((d) => d.standardId)).toEqual(["2.2"]);
  });
});
