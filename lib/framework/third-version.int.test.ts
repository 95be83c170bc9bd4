import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyChanges } from "@/lib/answers/apply-changes";
import { keyQuestionGrid } from "@/lib/cases/key-question-grid";
import { listCases, loadCasePage } from "@/lib/cases/queries";
import { completeCase } from "@/lib/cases/workflow";
import { closeDatabase, db } from "@/lib/db/client";
import { createInspection } from "@/lib/inspections/details";
import { startFieldwork } from "@/lib/inspections/fieldwork";
import { setupOverview } from "@/lib/inspections/setup-views";
import { addMember } from "@/lib/inspections/team";
import { loadExportModel } from "@/lib/exports/load";
import { scoreLine } from "@/lib/exports/model";
import { reportDocument } from "@/lib/exports/report-document";
import { panelFigures, recordJudgement } from "@/lib/panel";
import { importPopulation, populationTemplateFor } from "@/lib/population/import";
import { governanceCapNote, governanceCapStatus } from "@/lib/rating";
import { allocateBalanced } from "@/lib/sampling/allocation-service";
import { drawSample, samplingView } from "@/lib/sampling/draw-service";
import { sampleSize } from "@/lib/sampling/sample-size";
import { migrate } from "@/scripts/embedded-database";
import { TEST_FRAMEWORK_VERSION, YJS_TEST } from "@/tests/framework/yjs-test-version";
import { makeUser, toCsv, type CsvCase } from "@/tests/inspections/setup-fixtures";
import { refusal } from "@/tests/refusal";
import { findStandard, getFramework, registerTestFramework } from "./index";

// A framework version is one declaration (lib/framework/index.ts). The proof: a third version,
// declared under tests/ and registered as the real ones are, runs through set-up (windows, the
// population's checks, sample sizes, draw, allocation), the case page, the answers and their
// applicability, completion, the lead's grid and the case list (its streams, not court and
// out-of-court), the panel's figures, the engine's governance cap and overall bands (ten scored
// standards, not twelve), the exports and the draft report, with no module outside lib/framework
// knowing it exists. Its database is one of its own, where the version's
// migration is what a real version's would be: its id added to the CHECKs on framework_version.

const serverUrl = new URL(inject("databaseUrl"));
const database = `third_version_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const originalUrl = process.env.DATABASE_URL;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The migration a new version comes with: its id allowed wherever framework_version is stored. */
const ADD_TEST_VERSION = ["inspections", "programme_figures", "published_inspections"]
  .map(
    (table) => `ALTER TABLE ${table} DROP CONSTRAINT ${table}_framework_version_check,
      ADD CONSTRAINT ${table}_framework_version_check CHECK (framework_version IN ('yjs-2018', 'yjs-2021', '${TEST_FRAMEWORK_VERSION}'));`,
  )
  .join("\n");

const row = (reference: string, stream: string, disposalType: string, disposalDate: string): CsvCase => ({
  reference,
  stream,
  disposal_type: disposalType,
  disposal_date: disposalDate,
  gender: "male",
  age: "15",
  rosh: "medium",
  safety_wellbeing: "low",
});

describe("a third framework version declared only under tests/", () => {
  const framework = YJS_TEST;
  let manager: Awaited<ReturnType<typeof makeUser>>;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let inspector: Awaited<ReturnType<typeof makeUser>>;
  let inspectionId = "";

  beforeAll(async () => {
    await admin(urlOf("postgres"), `CREATE DATABASE ${database}`);
    migrate(urlOf(database));
    await admin(urlOf(database), ADD_TEST_VERSION);
    await closeDatabase();
    process.env.DATABASE_URL = urlOf(database);
    registerTestFramework(framework);
    manager = await makeUser("manager");
    lead = await makeUser("lead_inspector");
    inspector = await makeUser("inspector");
  }, 120_000);

  afterAll(async () => {
    await closeDatabase();
    process.env.DATABASE_URL = originalUrl;
    await admin(urlOf("postgres"), `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it("is registered beside the real versions, never in place of one", () => {
    expect(getFramework(TEST_FRAMEWORK_VERSION)).toBe(framework);
    expect(() => registerTestFramework({ ...getFramework("yjs-2021") })).toThrow("yjs-2021 is already declared");
  });

  it("set-up: proposes the version's window, checks the population against it and its streams (court and resettlement), sizes each stream on its own", async () => {
    ({ id: inspectionId } = await createInspection(manager, {
      yjsName: "Testshire Youth Justice Service",
      frameworkVersion: TEST_FRAMEWORK_VERSION,
      fieldworkStart: "2024-01-22",
      windowStart: "",
      windowEnd: "",
    }));
    await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
    await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });

    const overview = await setupOverview(lead, inspectionId);
    // 200 and 20 days before 22 January 2024.
    expect(overview).toMatchObject({
      frameworkVersion: TEST_FRAMEWORK_VERSION,
      frameworkLabel: framework.label,
      windowStart: "2023-07-06",
      windowEnd: "2024-01-02",
      oocWindowStart: null,
      streamWindows: false,
      windowAssumption: framework.rules.windows.assumption,
    });

    // The population template has an example of each stream it samples, dated in its window.
    const template = await populationTemplateFor(lead, inspectionId);
    expect(template.split("\r\n").slice(1, -1).map((line) => line.split(",")[1])).toEqual(["court", "resettlement"]);
    expect(await importPopulation(lead, { inspectionId, fileName: "template.csv", content: new TextEncoder().encode(template) })).toMatchObject({ status: "imported", rowCount: 2 });

    const court = ["2023-07-06", "2023-08-10", "2023-09-10", "2023-10-10"].map((date, i) => row(`TC-${i + 1}`, "court", "referral_order", date));
    const resettlement = ["2023-11-10", "2024-01-02"].map((date, i) => row(`TR-${i + 1}`, "resettlement", "custodial_sentence", date));
    const refused = await importPopulation(lead, {
      inspectionId,
      fileName: "population.csv",
      content: toCsv([...court, ...resettlement, row("TO-1", "out_of_court", "youth_caution", "2023-09-01"), row("TC-9", "court", "referral_order", "2023-07-05")]),
    });
    expect(refused.status).toBe("invalid");
    const messages = refused.status === "invalid" ? refused.errors.map((e) => e.message) : [];
    expect(messages).toEqual([
      "Row 8, stream: is out-of-court disposal, which the Test-only framework does not inspect; leave these cases out.",
      "Row 9, disposal_date: is before the eligibility window, which starts on 2023-07-06.",
    ]);
    const imported = await importPopulation(lead, { inspectionId, fileName: "population.csv", content: toCsv([...court, ...resettlement]) });
    expect(imported).toMatchObject({ status: "imported", rowCount: 6, replacedRowCount: 2 });

    const outOfCourt = await refusal(drawSample(lead, { inspectionId, stream: "out_of_court", size: "1", seed: "" }));
    expect(outOfCourt.message).toBe("The Test-only framework does not inspect out-of-court disposal cases");
    const sampling = await samplingView(lead, inspectionId);
    expect(sampling.streamSplit).toBeNull();
    expect(sampling.streams.map((s) => [s.stream, s.populationSize, s.proposedSize])).toEqual([
      ["court", 4, sampleSize(4)],
      ["resettlement", 2, sampleSize(2)],
    ]);
    for (const s of sampling.streams) await drawSample(lead, { inspectionId, stream: s.stream, size: String(s.proposedSize), seed: "third-version" });
    await allocateBalanced(lead, { inspectionId, includeLead: null, keepExisting: null });
    await startFieldwork(lead, { inspectionId });
    expect(await db.case.count({ where: { inspectionId, allocatedToId: inspector.id } })).toBe(6);
  });

  it("the case page and the answers: the version's sections, questions and applicability", async () => {
    const cases = await db.case.findMany({ where: { inspectionId }, orderBy: { reference: "asc" }, select: { id: true, reference: true, stream: true } });
    for (const kase of cases.filter((c) => c.stream === "resettlement")) {
      // Resettlement cases answer no key questions: they illustrate the version's judged 3.1.
      const page = await loadCasePage(inspector, inspectionId, kase.id);
      expect(page.sections).toEqual([]);
      expect(page.resettlement).toEqual({ standardId: "3.1", evidenceHref: `/inspections/${inspectionId}/evidence/3.1?case=${kase.id}`, topics: ["Test topic: plans made before release"] });
    }
    for (const [index, kase] of cases.filter((c) => c.stream === "court").entries()) {
      const page = await loadCasePage(inspector, inspectionId, kase.id);
      expect(page.inspection.frameworkVersion).toBe(TEST_FRAMEWORK_VERSION);
      expect(page.sections.map((s) => s.id)).toEqual(["2.1", "2.2", "2.3", "2.4"]);
      expect(page.sections[0]?.questions[0]?.text).toBe("Does the test assessment consider the child's strengths?");
      // Only the test version's 2.1.2 depends on a judgement: harm factors, on court cases.
      expect(page.factorJudgements).toEqual({ harmFactors: true, safetyWellbeingFactors: false });
      expect(page.resettlement).toBeNull();

      // Court cases fail every question but 2.1.2. Half of them have harm factors, so 2.1.2 applies
      // to two of them and the others refuse it.
      const harmFactors = index % 2 === 0;
      const caseChange = {
        changeId: randomUUID(),
        target: "case" as const,
        baseVersion: page.case.version,
        from: { harmFactors: page.case.harmFactors, caseManagerInterviewed: page.case.caseManagerInterviewed },
        to: { harmFactors, caseManagerInterviewed: false },
      };
      const answers = page.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.id !== "2.1.2" || harmFactors === true)
        .map((q) => ({
          changeId: randomUUID(),
          target: "answer" as const,
          questionId: q.id,
          baseVersion: 0,
          from: { value: null, rationale: "" },
          to: { value: q.id === "2.1.2" ? "yes" : "no", rationale: `Test rationale for ${q.id}.` },
        }));
      const { results } = await applyChanges(inspector, kase.id, { changes: [caseChange, ...answers] });
      expect(results.map((r) => r.status)).toEqual(Array(answers.length + 1).fill("applied"));
      if (!harmFactors) {
        const { results: refused } = await applyChanges(inspector, kase.id, {
          changes: [{ changeId: randomUUID(), target: "answer", questionId: "2.1.2", baseVersion: 0, from: { value: null }, to: { value: "yes" } }],
        });
        expect(refused[0]).toMatchObject({ status: "rejected", code: 400, message: expect.stringContaining("Applies only to cases with harm factors") });
      }
      await completeCase(inspector, { caseId: kase.id, scope: "case" });
    }
  });

  it("the lead's grid and the case list: the version's streams with key questions (court only), its resettlement standard", async () => {
    const grid = await keyQuestionGrid(lead, inspectionId, {});
    expect(grid.streamChoices).toEqual(["court"]);
    expect(grid.streams.map((s) => [s.stream, s.columns.map((c) => c.id), s.rows.length])).toEqual([["court", ["2.1.1", "2.1.2", "2.2.1", "2.3.1", "2.4.1"], 4]]);
    expect(grid.streams[0]?.rows.map((r) => r.cells["2.1.2"])).toEqual(["yes", "does_not_apply", "yes", "does_not_apply"]);
    // A stream the version does not sample is not a choice of the filter.
    const outOfCourt = await keyQuestionGrid(lead, inspectionId, { stream: "out_of_court" });
    expect(outOfCourt.filterErrors).toEqual({ stream: "Choose a stream from the list" });
    expect(outOfCourt.streams.map((s) => s.stream)).toEqual(["court"]);

    const listing = await listCases(lead, inspectionId);
    expect(listing.streams).toEqual([{ stream: "court", standards: ["2.1", "2.2", "2.3", "2.4"].map((id) => ({ id, title: findStandard(framework, id)?.title })) }]);
    expect(listing.resettlementStandard).toBe("3.1");
    expect(listing.rows.filter((r) => r.stream === "resettlement").map((r) => r.progress)).toEqual([{}, {}]);
  });

  it("the panel: the version's standards rated from the answers, its governance cap, its score and overall bands", async () => {
    const figures = await panelFigures(lead, inspectionId);
    expect(figures.frameworkVersion).toBe(TEST_FRAMEWORK_VERSION);
    const standard = (id: string) => figures.final.result.standards.find((s) => s.id === id);
    expect(figures.final.result.standards.map((s) => s.id)).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]);
    expect(standard("2.1")?.keyQuestions.map((k) => [k.id, k.yes, k.applicable, k.band])).toEqual([
      ["2.1.1", 0, 4, "Inadequate"],
      ["2.1.2", 2, 2, "Outstanding"],
    ]);
    for (const id of ["2.1", "2.2", "2.3", "2.4"]) expect(standard(id)?.rating).toBe("Inadequate");
    for (const id of ["1.1", "1.2", "1.3", "3.1", "3.2", "3.3"]) expect(standard(id)?.rating).toBeNull();

    // Its cap counts 2.1–2.4 only: none is Good, so 1.1 is held to Requires improvement (yjs-2021's
    // cap, over 2.1–3.4, would count four unrated and not bite yet).
    const finalRating = (id: string) => standard(id)?.rating ?? null;
    const cap = governanceCapStatus(TEST_FRAMEWORK_VERSION, finalRating);
    expect(cap).toMatchObject({ inForce: true, goodOrBetter: 0, rated: 4, of: 4, capped: true });
    expect(governanceCapStatus("yjs-2021", finalRating).capped).toBe(false);
    expect(governanceCapNote(cap, "1.1")).toBe(
      "Governance cap: 0 of 4 ratings of 2.1–2.4 are Good or Outstanding (4 rated), fewer than half, so 1.1 cannot be above Requires improvement.",
    );
    const refused = await refusal(recordJudgement(lead, inspectionId, { standardId: "1.1", rating: "Good", note: "Strong leadership." }));
    expect(refused.message).toBe(
      "Only 0 of the 4 ratings of standards 2.1–2.4 are Good or Outstanding, fewer than half, so 1.1 cannot be rated above 'Requires improvement' (got 'Good').",
    );

    await recordJudgement(lead, inspectionId, { standardId: "1.1", rating: "Requires improvement", note: "Held by the cap." });
    for (const standardId of ["1.2", "1.3"]) await recordJudgement(lead, inspectionId, { standardId, rating: "Good", note: `Evidence for ${standardId}.` });
    for (const standardId of ["3.1", "3.2", "3.3"]) await recordJudgement(lead, inspectionId, { standardId, rating: "Outstanding", note: `Evidence for ${standardId}.` });
    const rated = (await panelFigures(lead, inspectionId)).final.result;
    // Ten scored standards: 4 × Inadequate (0) + Requires improvement (1) + 2 × Good (2) + 3 ×
    // Outstanding (3) = 14 of 30, Good on the version's bands (Requires improvement on the 0–36 ones).
    expect(rated).toMatchObject({ framework: TEST_FRAMEWORK_VERSION, complete: true, score: 14, maxScore: 30, overallRating: "Good", missing: [] });

    // The exports and the draft report say it as the panel does.
    const exported = await loadExportModel(lead, inspectionId);
    expect(scoreLine(exported.result)).toBe("14/30");
    const report = reportDocument(exported);
    const ratingsTable = report.blocks.find((block) => block.kind === "table" && block.caption === "Ratings");
    expect(JSON.stringify(ratingsTable)).toContain('"text":"14/30"');
    // It counts the version's streams, and its domain three, rated by judgement, has no out-of-court sample.
    const text = report.blocks.flatMap((block) => (block.kind === "paragraph" ? [block.runs.map((run) => run.text).join("")] : []));
    const background = text.find((paragraph) => paragraph.includes("We inspected six cases"));
    expect(background).toContain("We inspected cases where the sentence or licence began and resettlement cases were sentenced or released between 6 July 2023 and 2 January 2024.");
    expect(background).toContain("We inspected six cases: four court disposals and two resettlement cases.");
    expect(text.filter((paragraph) => paragraph.includes("out-of-court disposals in the sample"))).toEqual([]);
  });
});
