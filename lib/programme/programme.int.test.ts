import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFramework } from "@/lib/framework";
import { panelFigures, recordDiscretion, recordJudgement, reopenRatings, signOffRatings } from "@/lib/panel";
import { callerFor } from "@/lib/permissions/access";
import { SALFORD_JUDGEMENTS, TEST_PASSWORD, createPanelTestInspection, type PanelTestTeam } from "@/tests/panel/test-support";
import { allStandards } from "@/lib/framework";
import { programmeFiguresOf, recordProgrammeFigures } from "@/lib/panel/programme-figures";
import { rateInspection } from "@/lib/rating";
import { importPublishedInspection, keyQuestionBenchmark, loadProgramme, recordPublishedInspection, type ProgrammeInspection } from "./index";
import { refusal } from "@/tests/refusal";

const golden = (file: string) => readFileSync(`lib/rating/golden/${file}`, "utf8");
const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function signOffSalford(team: PanelTestTeam): Promise<void> {
  for (const standardId of SALFORD_JUDGEMENTS) {
    await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: `Evidence for ${standardId}.` });
  }
  await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
  await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "Strong elsewhere." });
  await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" });
}

function row(programme: { inspections: readonly ProgrammeInspection[] }, id: string): ProgrammeInspection | undefined {
  return programme.inspections.find((i) => i.id === id);
}

describe("the programme's figures", () => {
  let team: PanelTestTeam;
  beforeAll(async () => {
    team = await createPanelTestInspection(db, { name: "Programme YJS" });
  });
  afterAll(() => closeDatabase());

  it("shows a live inspection's status only until it is signed off", async () => {
    const before = row(await loadProgramme(team.manager), team.inspectionId)!;
    expect(before).toMatchObject({ status: "panel", source: "live", overallRating: null, score: null, maxScore: null, year: 2024 });
    expect(before.standards.every((s) => s.rating === null)).toBe(true);
    expect(before.keyQuestions.every((k) => k.percentYes === null)).toBe(true);
  });

  it("records on sign-off the figures the panel computes from the answers, and removes them when reopened", async () => {
    await signOffSalford(team);
    const signedOff = row(await loadProgramme(team.manager), team.inspectionId)!;
    expect(signedOff).toMatchObject({ status: "signed_off", overallRating: "Good", score: 22, maxScore: 36 });

    // Recomputed from the inspection's panel (its answers, through the engine)...
    const { result } = (await panelFigures(team.manager, team.inspectionId)).final;
    const framework = getFramework("yjs-2021");
    expect(signedOff.standards).toEqual(result.standards.map((s) => ({ id: s.id, rating: s.rating })));
    const percents = new Map(result.standards.flatMap((s) => s.keyQuestions.map((k) => [k.id, k.percentYes] as const)));
    expect(signedOff.keyQuestions.map((k) => k.id)).toEqual(
      framework.domains.flatMap((d) => d.standards.flatMap((s) => s.keyQuestions.filter((k) => k.appliesTo.stream !== null).map((k) => k.id))),
    );
    for (const kq of signedOff.keyQuestions) expect(kq.percentYes).toBe(percents.get(kq.id) ?? null);

    // ...and counted straight from the answers table, rounded half up as the contract says.
    const counted = await db.$queryRaw<{ question_id: string; yes: number; applicable: number }[]>`
      SELECT a.question_id, count(*) FILTER (WHERE a.value = 'yes')::int AS yes, count(*) FILTER (WHERE a.value IN ('yes', 'no'))::int AS applicable
        FROM answers a JOIN cases c ON c.id = a.case_id WHERE c.inspection_id = ${team.inspectionId}::uuid GROUP BY 1`;
    expect(counted).toHaveLength(21);
    for (const { question_id, yes, applicable } of counted) {
      expect(signedOff.keyQuestions.find((k) => k.id === question_id)?.percentYes).toBe(Math.floor((yes * 100) / applicable + 0.5));
    }

    await reopenRatings(team.lead, team.inspectionId, { reason: "A case was misread." });
    expect(row(await loadProgramme(team.manager), team.inspectionId)).toMatchObject({ status: "panel", overallRating: null, score: null });
    expect(await db.programmeFigures.count({ where: { inspectionId: team.inspectionId } })).toBe(0);

    await signOffRatings(team.lead, team.inspectionId, { password: TEST_PASSWORD, confirmUnapproved: "33" });
    expect(row(await loadProgramme(team.manager), team.inspectionId)).toEqual(signedOff);
  });

  it("backfills, for inspections signed off before programme_figures existed, the figures the sign-off writes", async () => {
    const migration = readFileSync("prisma/migrations/20261202040000_programme_figures.sql", "utf8");
    const backfill = /INSERT INTO programme_figures[\s\S]*?WHERE s\.voided_at IS NULL/.exec(migration)?.[0];
    expect(backfill).toBeDefined();
    const written = await db.programmeFigures.findUniqueOrThrow({ where: { inspectionId: team.inspectionId } });
    await db.programmeFigures.delete({ where: { id: written.id } });
    await db.$executeRawUnsafe(`${backfill} AND s.inspection_id = $1::uuid`, team.inspectionId);
    const backfilled = await db.programmeFigures.findUniqueOrThrow({ where: { inspectionId: team.inspectionId } });
    expect({ ...backfilled, id: written.id, recordedAt: written.recordedAt }).toEqual(written);
  });

  it("shows managers and admins every inspection, leads and inspectors only their own", async () => {
    const other = await createPanelTestInspection(db, { name: "Other Programme YJS" });
    const ids = (programme: { inspections: readonly ProgrammeInspection[] }) => new Set(programme.inspections.filter((i) => i.source === "live").map((i) => i.id));

    for (const actor of [team.manager, { id: team.manager.id, role: "admin" as const }]) {
      const seen = ids(await loadProgramme(actor));
      expect(seen.has(team.inspectionId) && seen.has(other.inspectionId)).toBe(true);
    }
    expect(ids(await loadProgramme(team.inspector))).toEqual(new Set([team.inspectionId]));
    expect(ids(await loadProgramme(team.lead))).toEqual(new Set([team.inspectionId]));
    expect(ids(await loadProgramme(other.lead))).toEqual(new Set([other.inspectionId]));
    expect(ids(await loadProgramme(team.outsider))).toEqual(new Set());
  });

  it("filters by year, framework version and status, and names a bad filter", async () => {
    const programme = await loadProgramme(team.manager, { year: "2024", frameworkVersion: "yjs-2021", status: "signed_off" });
    expect(row(programme, team.inspectionId)).toBeDefined();
    expect(programme.inspections.every((i) => i.year === 2024 && i.frameworkVersion === "yjs-2021" && i.status === "signed_off")).toBe(true);
    expect(programme.years).toContain(2024);
    expect(row(await loadProgramme(team.manager, { year: 2023 }), team.inspectionId)).toBeUndefined();
    expect(row(await loadProgramme(team.manager, { status: "panel" }), team.inspectionId)).toBeUndefined();
    expect(row(await loadProgramme(team.manager, { frameworkVersion: "yjs-2018" }), team.inspectionId)).toBeUndefined();
    expect((await refusal(loadProgramme(team.manager, { year: "twenty" }))).fieldErrors).toEqual({ year: "Choose a year" });
    expect((await refusal(loadProgramme(team.manager, { status: "archived" }))).fieldErrors).toEqual({ status: "Choose a status" });
    expect((await refusal(loadProgramme(team.manager, { frameworkVersion: "yjs-2030" }))).fieldErrors).toEqual({ frameworkVersion: "Choose a framework version" });
  });
});

describe("published inspections", () => {
  const name = `Knowsley Youth Offending Service ${stamp}`;
  let manager: { id: string; role: "manager" };
  let inspector: { id: string; role: "inspector" };
  beforeAll(async () => {
    const user = (role: "manager" | "inspector") =>
      db.user.create({ data: { name: `${role} ${stamp}`, email: `${role}.${stamp}@programme.test`, role, passwordHash: "$argon2id$x" }, select: { id: true } });
    manager = { id: (await user("manager")).id, role: "manager" };
    inspector = { id: (await user("inspector")).id, role: "inspector" };
  });

  it("imports a published report's figures as rated by the engine, audited, and shows them to every programme viewer", async () => {
    const imported = await importPublishedInspection(manager, { name, fieldworkDate: "2023-01-09", figures: golden("knowsley-2023.json") });
    const expected = JSON.parse(golden("knowsley-2023.expected.json")) as { score: number; overallRating: string };
    expect(imported.result).toMatchObject({ score: expected.score, overallRating: expected.overallRating });

    const published = row(await loadProgramme(inspector), imported.id)!;
    expect(published).toMatchObject({ name, status: "published", source: "published", year: 2023, frameworkVersion: "yjs-2021", score: expected.score });
    expect(published.fieldworkStart.toISOString()).toBe("2023-01-09T00:00:00.000Z");
    expect(published.standards).toEqual(imported.result.standards.map((s) => ({ id: s.id, rating: s.rating })));
    expect(published.keyQuestions.find((k) => k.id === "3.2.2")?.percentYes).toBe(67);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "programme.published_imported", entityId: imported.id } });
    expect(audit).toMatchObject({ actorId: manager.id, entityType: "published_inspection", inspectionId: null });
    expect(audit.after).toMatchObject({ yjsName: name, fieldworkStart: "2023-01-09", score: expected.score });
  });

  it("cannot be opened or changed as an inspection: every inspection entry point finds no such inspection", async () => {
    const { id } = await db.publishedInspection.findUniqueOrThrow({ where: { yjsName_fieldworkStart: { yjsName: name, fieldworkStart: new Date("2023-01-09") } } });
    await expect(callerFor(manager, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(panelFigures(manager, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses bad input with a message for the field, and stores nothing", async () => {
    const before = await db.publishedInspection.count();
    const figures = JSON.parse(golden("salford-2024.json")) as Record<string, unknown>;
    const input = { name: `Salford ${stamp}`, fieldworkDate: "2024-01-22", figures };

    expect((await refusal(recordPublishedInspection({ ...input, name: "  " }, null))).fieldErrors).toEqual({ name: "Enter the name of the youth justice service" });
    expect((await refusal(recordPublishedInspection({ ...input, fieldworkDate: "2024-02-30" }, null))).fieldErrors).toEqual({
      fieldworkDate: "Enter the date fieldwork started as a real date, year-month-day (2024-01-22)",
    });
    expect((await refusal(recordPublishedInspection({ ...input, fieldworkDate: "2030-01-07" }, null, new Date("2026-12-02")))).fieldErrors).toEqual({
      fieldworkDate: "Enter a fieldwork date that is not in the future",
    });
    const unknownKq = await refusal(recordPublishedInspection({ ...input, figures: { ...figures, keyQuestions: { "2.9.9": { percentYes: 50 } } } }, null));
    expect(unknownKq.message).toBe('The rating engine refuses these figures (unknown_key_question): 2.9.9 is not a key question of yjs-2021. (at $.keyQuestions["2.9.9"])');
    const misspelt = await refusal(recordPublishedInspection({ ...input, figures: { ...figures, judgements: { ...(figures.judgements as object), "1.1": "good" } } }, null));
    expect(misspelt.fieldErrors.figures).toContain('must be exactly "Outstanding", "Good", "Requires improvement" or "Inadequate" (got "good")');
    expect((await refusal(recordPublishedInspection({ ...input, figures: "{ not json" }, null))).message).toMatch(/^The rating engine refuses these figures \(invalid_json\): The input is not valid JSON/);
    expect((await refusal(recordPublishedInspection({ ...input, figures: `{"framework": "yjs-2021", "pad": "${"é".repeat(33_000)}"}` }, null))).fieldErrors).toEqual({
      figures: "The figures file must be at most 64 KB",
    });
    const incomplete = await refusal(recordPublishedInspection({ ...input, figures: { framework: "yjs-2021", judgements: { "1.1": "Good" } } }, null));
    expect(incomplete.fieldErrors.figures).toBe(
      "A published inspection has every scored standard rated; these have no figures or judgement: 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3, 3.4",
    );
    expect((await refusal(recordPublishedInspection({ name, fieldworkDate: "2023-01-09", figures: golden("knowsley-2023.json") }, null))).fieldErrors).toEqual({
      name: `${name} with fieldwork starting 2023-01-09 is already in the programme`,
    });
    await expect(importPublishedInspection(inspector, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.publishedInspection.count()).toBe(before);
  });
});

/** A complete yjs-2018 rating input: every case-rated key question at `percent`, 2.1.1 at `first`, every judgement Good. */
function yjs2018Figures(first: number, percent = 70) {
  const keyQuestions: Record<string, { percentYes: number }> = {};
  const judgements: Record<string, "Good"> = {};
  for (const standard of allStandards(getFramework("yjs-2018"))) {
    if (standard.basis === "judgement") judgements[standard.id] = "Good";
    for (const kq of standard.keyQuestions) if (kq.appliesTo.stream !== null) keyQuestions[kq.id] = { percentYes: kq.id === "2.1.1" ? first : percent };
  }
  return { framework: "yjs-2018", keyQuestions, judgements };
}

describe("the key question benchmark", () => {
  let team: PanelTestTeam;
  let lead2018: { id: string; role: "lead_inspector" };
  let inspection2018: string;
  beforeAll(async () => {
    team = await createPanelTestInspection(db, { name: "Benchmark YJS" });
    // The only yjs-2018 figures in the programme: three published inspections and one signed off.
    for (const [i, first] of [50, 62, 62].entries()) {
      await recordPublishedInspection({ name: `Benchmark 2018 ${i} ${stamp}`, fieldworkDate: "2019-06-03", figures: yjs2018Figures(first) }, null);
    }
    lead2018 = { id: team.lead.id, role: "lead_inspector" };
    const inspection = await db.inspection.create({
      data: {
        yjsName: `Benchmark 2018 live ${stamp}`,
        frameworkVersion: "yjs-2018",
        fieldworkStart: new Date("2020-02-03"),
        status: "signed_off",
        memberships: { create: [{ userId: team.lead.id, role: "lead_inspector" }] },
      },
      select: { id: true },
    });
    inspection2018 = inspection.id;
    const result = rateInspection(yjs2018Figures(62, 40) as Parameters<typeof rateInspection>[0]);
    const signOff = await db.signOff.create({ data: { inspectionId: inspection2018, signedById: team.lead.id, ratings: {} }, select: { id: true } });
    await recordProgrammeFigures(db, { inspectionId: inspection2018, signOffId: signOff.id }, programmeFiguresOf(result));
  });

  it("puts a key question's % yes beside the median, quartiles and percentile of its framework version's inspections", async () => {
    const benchmark = await keyQuestionBenchmark(lead2018, inspection2018);
    expect(benchmark).toMatchObject({ inspectionId: inspection2018, frameworkVersion: "yjs-2018", figures: "signed_off" });
    // 50, 62, 62 published and 62 itself: type 7 quartiles 59 and 62, median 62; mid-rank (1 + 3/2) / 4.
    expect(benchmark.keyQuestions.find((k) => k.id === "2.1.1")).toEqual({
      id: "2.1.1", percentYes: 62, programmeMedian: 62, q1: 59, q3: 62, percentile: 62.5, comparedWith: 4,
    });
    // 70, 70, 70 published and 40 itself: the lowest of four.
    expect(benchmark.keyQuestions.find((k) => k.id === "2.2.1")).toEqual({
      id: "2.2.1", percentYes: 40, programmeMedian: 70, q1: 62.5, q3: 70, percentile: 12.5, comparedWith: 4,
    });
  });

  it("uses the panel's final figures so far before sign-off, and compares only with the same framework version", async () => {
    const benchmark = await keyQuestionBenchmark(team.manager, team.inspectionId);
    expect(benchmark.figures).toBe("final_so_far");
    const final = (await panelFigures(team.manager, team.inspectionId)).final.result;
    for (const standard of final.standards) {
      for (const kq of standard.keyQuestions) expect(benchmark.keyQuestions.find((k) => k.id === kq.id)?.percentYes).toBe(kq.percentYes);
    }
    // Every yjs-2021 inspection with figures (this one has none until signed off), and this one;
    // none of the four yjs-2018 ones.
    const others = await db.programmeFigures.count({ where: { frameworkVersion: "yjs-2021" } });
    expect(benchmark.keyQuestions.find((k) => k.id === "2.2.3")).toMatchObject({ percentYes: 46, comparedWith: others + 1 });
  });

  it("is shown to whoever may see the panel, and to nobody for a published inspection", async () => {
    await expect(keyQuestionBenchmark(team.outsider, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(keyQuestionBenchmark({ id: team.manager.id, role: "admin" }, team.inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
    const published = await db.publishedInspection.findFirstOrThrow({ where: { frameworkVersion: "yjs-2018" } });
    await expect(keyQuestionBenchmark(team.manager, published.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
