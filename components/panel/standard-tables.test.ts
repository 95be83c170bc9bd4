import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getFramework } from "@/lib/framework";
import { ratePanel, rateWithDecisions, type StoredDecision } from "@/lib/panel/rate-panel";
import { SALFORD_YES } from "@/tests/panel/test-support";
import { ratingPoints } from "@/lib/rating";
import { KeyQuestionTable, MissingFiguresNote, RatingsOverview } from "./standard-tables";

const counts = Object.fromEntries(Object.entries(SALFORD_YES).map(([id, yes]) => [id, { yes, no: (id.startsWith("2.") ? 13 : 20) - yes }]));
const JUDGED = ["1.1", "1.2", "1.3", "1.4", "3.4", "4.1"];
const decisions: StoredDecision[] = JUDGED.map((standardId) => ({ standardId, kind: "judgement", rating: "Good", note: "Seen." }));
const framework = getFramework("yjs-2021");

/** Each row of the overview table: [row header text, ...cell texts]. */
function overviewRows(html: string): string[][] {
  const text = (cell: string) => cell.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").trim();
  return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) => [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1] ?? "")));
}

describe("RatingsOverview", () => {
  it("shows the recorded judgement in the provisional column, as the provisional score counts it", () => {
    const final = ratePanel("yjs-2021", counts, decisions);
    const provisional = rateWithDecisions("yjs-2021", counts, decisions);
    const rows = overviewRows(renderToStaticMarkup(createElement(RatingsOverview, { final, provisional, framework })));
    for (const id of JUDGED) {
      const row = rows.find((r) => r[0]?.startsWith(`${id} `));
      expect(row, id).toEqual([expect.any(String), "Judgement", "Good", expect.any(String), "Good"]);
    }
    // The provisional column adds up to the provisional score.
    const scored = framework.domains.flatMap((d) => d.standards).filter((s) => s.scored);
    const shown = scored.map((s) => rows.find((r) => r[0]?.startsWith(`${s.id} `))?.[4] ?? "");
    const points = shown.reduce((sum, rating) => sum + (rating === "Not rated" ? 0 : ratingPoints(rating as Parameters<typeof ratingPoints>[0])), 0);
    expect(points).toBe(provisional.result.score);
  });

  it("says 'Not rated' in the provisional column for a standard not judged yet", () => {
    const final = ratePanel("yjs-2021", counts, []);
    const provisional = rateWithDecisions("yjs-2021", counts, []);
    const rows = overviewRows(renderToStaticMarkup(createElement(RatingsOverview, { final, provisional, framework })));
    expect(rows.find((r) => r[0]?.startsWith("1.1 "))?.[4]).toBe("Not rated");
  });
});

describe("KeyQuestionTable", () => {
  it("gives each 'View cases' link an accessible name that starts with its visible text (WCAG 2.5.3)", () => {
    const final = ratePanel("yjs-2021", counts, decisions);
    const standard = framework.domains.flatMap((d) => d.standards).find((s) => s.id === "2.2");
    if (!standard) throw new Error("2.2 missing");
    const html = renderToStaticMarkup(
      createElement(KeyQuestionTable, {
        inspectionId: "i1",
        standard,
        final: final.result.standards.find((s) => s.id === "2.2"),
        provisional: undefined,
        support: final.support,
      }),
    ).replace(/<!-- -->/g, "");
    expect(html).toContain('View cases<span class="sr-only"> for 2.2.3</span></a>');
    expect(html).not.toContain("aria-label");
    expect(html).toContain("Near boundary: 1 answer changed from no to yes would reach Requires improvement");
  });
});

describe("MissingFiguresNote", () => {
  it("names the key questions without figures and why, and warns when the rating may change", () => {
    const html = renderToStaticMarkup(
      createElement(MissingFiguresNote, {
        standardId: "2.1",
        missing: [{ id: "2.1.3", reason: "cases_not_final", casesNotFinal: 2, markedNotApplicable: 0, explanation: "2.1.3: 2 cases it applies to are not completed or approved yet." }],
      }),
    );
    expect(html).toContain("2.1 has no final figures for key question 2.1.3: its rating may change when those cases are final.");
    expect(html).toContain("2.1.3: 2 cases it applies to are not completed or approved yet.");
    expect(renderToStaticMarkup(createElement(MissingFiguresNote, { standardId: "2.1", missing: [] }))).toBe("");
  });
});
