import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { recordJudgement, signOffRatings, recordDiscretion, reopenRatings } from "@/lib/panel";
import { SALFORD_JUDGEMENTS, TEST_PASSWORD, createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";
import {
  addRecommendation,
  deleteRecommendation,
  editRecommendation,
  listNarratives,
  listRecommendations,
  moveRecommendation,
  saveNarrative,
} from "./index";

async function refusal<E extends Error>(promise: Promise<unknown>, kind: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  return error as E;
}

const auditOf = (inspectionId: string, prefix: string) =>
  db.auditEvent.findMany({ where: { inspectionId, action: { startsWith: prefix } }, orderBy: { id: "asc" }, select: { action: true, entityId: true, before: true, after: true } });

describe("recommendations", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
  });
  afterAll(() => closeDatabase());

  it("are kept by the lead in order, each addressed to a party, every change audited", async () => {
    const police = await addRecommendation(team.lead, team.inspectionId, { party: "police", partyName: "Greater Manchester Police", text: "  review the use of Outcome 22  " });
    const board = await addRecommendation(team.lead, team.inspectionId, { party: "management_board", text: "make sure younger children are not criminalised" });
    const yjs = await addRecommendation(team.lead, team.inspectionId, { party: "yjs", text: "prioritise a trauma-informed approach" });
    expect([police.position, board.position, yjs.position]).toEqual([1, 2, 3]);
    expect(police.text).toBe("review the use of Outcome 22");

    await moveRecommendation(team.lead, team.inspectionId, { recommendationId: yjs.id, direction: "up" });
    await editRecommendation(team.lead, team.inspectionId, { recommendationId: board.id, party: "local_authority", text: "fund post-16 education" });
    const order = (await listRecommendations(team.manager, team.inspectionId)).items.map((r) => [r.position, r.party, r.text]);
    expect(order).toEqual([
      [1, "police", "review the use of Outcome 22"],
      [2, "yjs", "prioritise a trauma-informed approach"],
      [3, "local_authority", "fund post-16 education"],
    ]);

    await deleteRecommendation(team.lead, team.inspectionId, { recommendationId: yjs.id });
    expect((await listRecommendations(team.lead, team.inspectionId)).items.map((r) => [r.position, r.id])).toEqual([
      [1, police.id],
      [2, board.id],
    ]);
    const events = await auditOf(team.inspectionId, "recommendation.");
    expect(events.map((e) => e.action)).toEqual([
      "recommendation.added",
      "recommendation.added",
      "recommendation.added",
      "recommendation.moved",
      "recommendation.edited",
      "recommendation.deleted",
    ]);
    expect(events[3]).toMatchObject({ entityId: yjs.id, before: { position: 3 }, after: { position: 2 } });
    expect(events[4]).toMatchObject({ before: { party: "management_board" }, after: { party: "local_authority", text: "fund post-16 education" } });
  });

  it("refuses bad input field by field, moves past either end, and anyone but the lead", async () => {
    const empty = await refusal(addRecommendation(team.lead, team.inspectionId, { party: "health", text: "   " }), ValidationError);
    expect(empty.fieldErrors).toMatchObject({ text: "Enter the recommendation" });
    const party = await refusal(addRecommendation(team.lead, team.inspectionId, { party: "mayor", text: "x" }), ValidationError);
    expect(party.fieldErrors).toMatchObject({ party: "Choose who the recommendation is for" });
    const other = await refusal(addRecommendation(team.lead, team.inspectionId, { party: "other", text: "x" }), ValidationError);
    expect(other.fieldErrors).toMatchObject({ partyName: "Enter who the recommendation is for" });
    const long = await refusal(addRecommendation(team.lead, team.inspectionId, { party: "yjs", text: "x".repeat(2001) }), ValidationError);
    expect(long.fieldErrors).toMatchObject({ text: "Enter a recommendation of at most 2000 characters" });

    const first = (await listRecommendations(team.lead, team.inspectionId)).items[0];
    const top = await refusal(moveRecommendation(team.lead, team.inspectionId, { recommendationId: first?.id, direction: "up" }), ValidationError);
    expect(top.message).toBe("Recommendation 1 is already the first.");
    const gone = await refusal(deleteRecommendation(team.lead, team.inspectionId, { recommendationId: "00000000-0000-4000-8000-000000000000" }), ValidationError);
    expect(gone.fieldErrors.recommendationId).toMatch(/no longer exists/);

    for (const who of [team.inspector, team.manager, team.outsider]) {
      await refusal(addRecommendation(who, team.inspectionId, { party: "yjs", text: "x" }), ForbiddenError);
    }
    await refusal(listRecommendations(team.outsider, team.inspectionId), ForbiddenError);
  });
});

describe("narratives", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db);
  });

  it("keeps one narrative per standard, one point per line, audited, for case-rated standards too", async () => {
    await saveNarrative(team.lead, team.inspectionId, {
      standardId: "2.1",
      strengths: "- Parents' views were prioritised.\r\n\r\n  • Maturity was recognised.  ",
      areasForImprovement: "Diversity needs were not fully explored.",
    });
    await saveNarrative(team.lead, team.inspectionId, { standardId: "2.1", strengths: "Parents' views were prioritised.", areasForImprovement: "" });
    const narratives = await listNarratives(team.inspector, team.inspectionId);
    expect(narratives["2.1"]).toMatchObject({ strengths: "Parents' views were prioritised.", areasForImprovement: "" });
    const events = await auditOf(team.inspectionId, "narrative.");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ before: null, after: { standardId: "2.1", strengths: "Parents' views were prioritised.\nMaturity was recognised." } });
    expect(events[1]).toMatchObject({ before: { strengths: "Parents' views were prioritised.\nMaturity was recognised." } });
  });

  it("refuses an unknown standard, a member who is not the lead, and changes once signed off", async () => {
    const unknown = await refusal(saveNarrative(team.lead, team.inspectionId, { standardId: "4.2", strengths: "", areasForImprovement: "" }), ValidationError);
    expect(unknown.fieldErrors).toMatchObject({ standardId: "Choose a standard of this inspection's framework" });
    await refusal(saveNarrative(team.inspector, team.inspectionId, { standardId: "2.1", strengths: "x", areasForImprovement: "" }), ForbiddenError);

    for (const standardId of SALFORD_JUDGEMENTS) await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: "Seen." });
    await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
    await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" });
    const frozen = await refusal(saveNarrative(team.lead, team.inspectionId, { standardId: "2.1", strengths: "x", areasForImprovement: "" }), ValidationError);
    expect(frozen.message).toMatch(/signed off/);
    await refusal(addRecommendation(team.lead, team.inspectionId, { party: "yjs", text: "x" }), ValidationError);
    await reopenRatings(team.lead, team.inspectionId, { reason: "A recommendation is missing." });
    await expect(addRecommendation(team.lead, team.inspectionId, { party: "yjs", text: "x" })).resolves.toMatchObject({ position: 1 });
  });
});
