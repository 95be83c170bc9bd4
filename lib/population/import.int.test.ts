import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { makeInspection, makeInspectionWithTeam, makeSetupPeople, populationCases, toCsv } from "@/tests/inspections/setup-fixtures";
import type { Actor } from "@/lib/permissions/access";
import { drawSample } from "@/lib/sampling/draw-service";
import { importPopulation, populationTemplateFor } from "./import";

let manager: Actor, lead: Actor, inspector: Actor, outsider: Actor;

beforeAll(async () => {
  ({ manager, lead, inspector, outsider } = await makeSetupPeople("lead_inspector"));
});

const inspectionWithTeam = () => makeInspectionWithTeam(manager, lead, [inspector]);

const counts = async (inspectionId: string) => ({
  imports: await db.populationImport.count({ where: { inspectionId } }),
  cases: await db.populationCase.count({ where: { inspectionId } }),
  audits: await db.auditEvent.count({ where: { inspectionId, action: { startsWith: "population." } } }),
});

describe("importing the eligible population", () => {
  it("imports a valid file in one go and audits it without its rows", async () => {
    const inspectionId = await inspectionWithTeam();
    const result = await importPopulation(lead, { inspectionId, fileName: "cases.csv", content: toCsv(populationCases(40)) });
    expect(result).toMatchObject({ status: "imported", rowCount: 40, replacedRowCount: null });
    expect(await counts(inspectionId)).toEqual({ imports: 1, cases: 40, audits: 1 });
    const stored = await db.populationCase.findFirstOrThrow({ where: { inspectionId, reference: "T-00001" } });
    expect(stored).toMatchObject({ stream: "court", disposalType: "referral_order", gender: "female", age: 10, rosh: "low", caseManager: "CM0" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { inspectionId, action: "population.imported" } });
    expect(audit.actorId).toBe(lead.id);
    expect(JSON.stringify(audit.after)).not.toContain("T-00001");
  });

  it("writes nothing when any row is wrong, and reports every row's problem", async () => {
    const inspectionId = await inspectionWithTeam();
    const cases = populationCases(30);
    cases[4] = { ...cases[4]!, disposal_date: "31/02/2023" };
    cases[9] = { ...cases[9]!, gender: "unknown-code" };
    cases[20] = { ...cases[20]!, reference: cases[3]!.reference };
    cases[25] = { ...cases[25]!, disposal_date: "2022-01-01" };
    const result = await importPopulation(lead, { inspectionId, fileName: "bad.csv", content: toCsv(cases) });
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [6, "disposal_date"],
      [11, "gender"],
      [22, "reference"],
      [27, "disposal_date"],
    ]);
    expect(result.errors[3]?.message).toContain("before the eligibility window");
    expect(await counts(inspectionId)).toEqual({ imports: 0, cases: 0, audits: 0 });
  });

  it("refuses wrong columns, a binary file, an empty file and a 50 MB file without writing", async () => {
    const inspectionId = await inspectionWithTeam();
    const wrongColumns = new TextEncoder().encode("ref,stream\r\nA-1,court\r\n");
    const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]);
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const outcomes = [];
    for (const content of [wrongColumns, binary, new Uint8Array(0), huge]) {
      outcomes.push(await importPopulation(lead, { inspectionId, fileName: "x.csv", content }));
    }
    const fileErrors = outcomes.map((o) => (o.status === "invalid" ? o.fileError : `not refused: ${o.status}`));
    expect(fileErrors[0]).toMatch(/Missing columns: .*disposal_type/);
    expect(fileErrors[1]).toMatch(/not a text CSV file/);
    expect(fileErrors[2]).toMatch(/empty/);
    expect(fileErrors[3]).toMatch(/larger than 5 MB/);
    expect(await counts(inspectionId)).toEqual({ imports: 0, cases: 0, audits: 0 });
  });

  it("refuses resettlement cases for a yjs-2018 inspection, in the same pass as every other problem, with the row", async () => {
    const inspectionId = await makeInspection(manager, {
      frameworkVersion: "yjs-2018",
      windowStart: "2023-01-01",
      windowEnd: "2023-12-31",
      oocWindowStart: "2023-01-01",
      oocWindowEnd: "2023-12-31",
    });
    const cases = populationCases(5);
    cases[0] = { ...cases[0]!, gender: "unknown-code" };
    cases[2] = { ...cases[2]!, stream: "resettlement", disposal_type: "licence" };
    const result = await importPopulation(manager, { inspectionId, fileName: "x.csv", content: toCsv(cases) });
    expect(result).toMatchObject({ status: "invalid", errors: [{ row: 2, column: "gender" }, { row: 4, column: "stream" }] });
    if (result.status !== "invalid") return;
    expect(result.errors[1]?.message).toBe("Row 4, stream: is resettlement, which the 2018–2021 framework does not inspect; leave these cases out.");
    expect((await counts(inspectionId)).cases).toBe(0);
  });

  it("yjs-2018 judges court rows against the court window and out-of-court rows against theirs", async () => {
    // Proposed from fieldwork on 2024-01-22: court 2023-04-22 to 2023-07-22, out-of-court 2023-08-22 to 2023-10-22.
    const inspectionId = await makeInspection(manager, { frameworkVersion: "yjs-2018" });
    const row = (reference: string, stream: string, disposal_type: string, disposal_date: string) => ({
      ...populationCases(1)[0]!,
      reference,
      stream,
      disposal_type,
      disposal_date,
    });
    const inBoth = [
      row("C-1", "court", "referral_order", "2023-04-22"),
      row("C-2", "court", "youth_rehabilitation_order", "2023-07-22"),
      row("O-1", "out_of_court", "youth_caution", "2023-08-22"),
      row("O-2", "out_of_court", "community_resolution", "2023-10-22"),
    ];
    const courtInOocWindow = row("C-3", "court", "referral_order", "2023-09-01");
    const oocInCourtWindow = row("O-3", "out_of_court", "youth_caution", "2023-05-01");
    const refused = await importPopulation(manager, { inspectionId, fileName: "x.csv", content: toCsv([...inBoth, courtInOocWindow, oocInCourtWindow]) });
    expect(refused).toMatchObject({
      status: "invalid",
      errors: [
        { row: 6, column: "disposal_date", message: "Row 6, disposal_date: is after the court disposal eligibility window, which ends on 2023-07-22." },
        {
          row: 7,
          column: "disposal_date",
          message: "Row 7, disposal_date: is before the out-of-court disposal eligibility window, which starts on 2023-08-22.",
        },
      ],
    });
    expect(await counts(inspectionId)).toEqual({ imports: 0, cases: 0, audits: 0 });

    const imported = await importPopulation(manager, { inspectionId, fileName: "x.csv", content: toCsv(inBoth) });
    expect(imported).toMatchObject({ status: "imported", rowCount: 4 });
  });

  it("yjs-2021 judges every stream against its one window, as before", async () => {
    const inspectionId = await makeInspection(manager);
    const cases = populationCases(5).slice(2).map((c, i) => ({ ...c, disposal_date: ["2023-01-23", "2023-11-17", "2023-11-18"][i]! }));
    const result = await importPopulation(manager, { inspectionId, fileName: "x.csv", content: toCsv(cases) });
    expect(result).toMatchObject({
      status: "invalid",
      errors: [{ row: 4, column: "disposal_date", message: "Row 4, disposal_date: is after the eligibility window, which ends on 2023-11-17." }],
    });
  });

  it("re-importing the same file is harmless and says so", async () => {
    const inspectionId = await inspectionWithTeam();
    const content = toCsv(populationCases(25));
    await importPopulation(lead, { inspectionId, fileName: "cases.csv", content });
    const again = await importPopulation(lead, { inspectionId, fileName: "cases (1).csv", content });
    expect(again).toMatchObject({ status: "unchanged", rowCount: 25 });
    if (again.status === "unchanged") expect(again.message).toMatch(/already the imported population/);
    expect(await counts(inspectionId)).toEqual({ imports: 1, cases: 25, audits: 1 });
  });

  it("the same file sent twice at once is imported once", async () => {
    const inspectionId = await inspectionWithTeam();
    const content = toCsv(populationCases(50));
    const results = await Promise.all([1, 2].map(() => importPopulation(lead, { inspectionId, fileName: "cases.csv", content })));
    expect(results.map((r) => r.status).sort()).toEqual(["imported", "unchanged"]);
    expect(await counts(inspectionId)).toEqual({ imports: 1, cases: 50, audits: 1 });
  });

  it("a different file replaces the population until a sample is drawn, then is refused and nothing changes", async () => {
    const inspectionId = await inspectionWithTeam();
    await importPopulation(lead, { inspectionId, fileName: "first.csv", content: toCsv(populationCases(30, "A")) });
    const replaced = await importPopulation(lead, { inspectionId, fileName: "second.csv", content: toCsv(populationCases(20, "B")) });
    expect(replaced).toMatchObject({ status: "imported", rowCount: 20, replacedRowCount: 30 });
    expect(await counts(inspectionId)).toEqual({ imports: 1, cases: 20, audits: 2 });
    expect(await db.populationCase.count({ where: { inspectionId, reference: { startsWith: "A-" } } })).toBe(0);

    await drawSample(lead, { inspectionId, stream: "court", size: "5", seed: "s1" });
    await expect(
      importPopulation(lead, { inspectionId, fileName: "third.csv", content: toCsv(populationCases(20, "C")) }),
    ).rejects.toThrow(ConflictError);
    expect(await counts(inspectionId)).toEqual({ imports: 1, cases: 20, audits: 2 });
    expect(await db.populationCase.count({ where: { inspectionId, reference: { startsWith: "B-" } } })).toBe(20);
  });

  it("only managers and the inspection's lead may import", async () => {
    const inspectionId = await inspectionWithTeam();
    const content = toCsv(populationCases(5));
    await expect(importPopulation(inspector, { inspectionId, fileName: "x.csv", content })).rejects.toThrow(ForbiddenError);
    await expect(importPopulation(outsider, { inspectionId, fileName: "x.csv", content })).rejects.toThrow(ForbiddenError);
    expect((await counts(inspectionId)).imports).toBe(0);
    await expect(importPopulation(manager, { inspectionId, fileName: "x.csv", content })).resolves.toMatchObject({ status: "imported" });
  });

  // Its speed is measured by `npm run bench` (bench/sections/population-import.ts), not timed here.
  it("imports 5,000 rows in one go", async () => {
    const inspectionId = await inspectionWithTeam();
    const content = toCsv(populationCases(5000));
    const result = await importPopulation(lead, { inspectionId, fileName: "big.csv", content });
    expect(result).toMatchObject({ status: "imported", rowCount: 5000 });
    expect(await db.populationCase.count({ where: { inspectionId } })).toBe(5000);
  });

  it("refuses once fieldwork has started", async () => {
    const inspectionId = await inspectionWithTeam();
    await db.inspection.update({ where: { id: inspectionId }, data: { status: "fieldwork" } });
    await expect(importPopulation(lead, { inspectionId, fileName: "x.csv", content: toCsv(populationCases(5)) })).rejects.toThrow(
      /Fieldwork has started/,
    );
  });
});

describe("the population template for an inspection", () => {
  it("has example dates inside the inspection's windows, so it imports as it is, and only for those who read its set-up", async () => {
    // yjs-2018, proposed from fieldwork on 2024-01-22: court 2023-04-22 to 2023-07-22, out-of-court 2023-08-22 to 2023-10-22.
    const inspectionId = await makeInspection(manager, { frameworkVersion: "yjs-2018" });
    const template = await populationTemplateFor(manager, inspectionId);
    const result = await importPopulation(manager, { inspectionId, fileName: "template.csv", content: new TextEncoder().encode(template) });
    expect(result).toMatchObject({ status: "imported", rowCount: 2 });
    await expect(populationTemplateFor(outsider, inspectionId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
