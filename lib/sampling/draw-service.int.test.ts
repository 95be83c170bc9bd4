import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { makeInspection, makeInspectionWithTeam, makeSetupPeople, populationCases, toCsv } from "@/tests/inspections/setup-fixtures";
import type { Actor } from "@/lib/permissions/access";
import { importPopulation } from "@/lib/population/import";
import { addCaseToSample, drawSample, removeCaseFromSample, samplingView } from "./draw-service";

let manager: Actor, lead: Actor, inspector: Actor, outsider: Actor;

beforeAll(async () => {
  ({ manager, lead, inspector, outsider } = await makeSetupPeople());
});

/** An inspection with 200 imported cases: 120 court, 80 out of court. */
async function populatedInspection(): Promise<string> {
  const inspectionId = await makeInspectionWithTeam(manager, lead, [inspector]);
  const result = await importPopulation(lead, { inspectionId, fileName: "cases.csv", content: toCsv(populationCases(200)) });
  expect(result.status).toBe("imported");
  return inspectionId;
}

const sampledReferences = async (inspectionId: string, stream: "court" | "out_of_court") =>
  (await db.case.findMany({ where: { inspectionId, stream, removedAt: null }, orderBy: { reference: "asc" }, select: { reference: true } })).map(
    (c) => c.reference,
  );

describe("drawing the sample", () => {
  it("proposes the 80%/±5 size per stream, labelled with its method", async () => {
    const inspectionId = await populatedInspection();
    const view = await samplingView(lead, inspectionId);
    const court = view.streams.find((s) => s.stream === "court");
    // n0 = 164.3; N = 120 → 164.3 / (1 + 163.3/120) = 69.6 → 70
    expect(court).toMatchObject({ populationSize: 120, proposedSize: 70, sampledCount: 0, canDraw: true });
    expect(view.sampleSizeMethod).toContain("80% confidence");
  });

  it("yjs-2018: proposes S2's 60/40 split of one sample sized on both streams, and draws each stream at its number", async () => {
    const inspectionId = await makeInspection(manager, { frameworkVersion: "yjs-2018", oocWindowStart: "2023-01-01", oocWindowEnd: "2023-12-31", windowStart: "2023-01-01", windowEnd: "2023-12-31" });
    await importPopulation(manager, { inspectionId, fileName: "cases.csv", content: toCsv(populationCases(200)) });
    const view = await samplingView(manager, inspectionId);
    // 200 together: 164.3 / (1 + 163.3/200) = 90.5 → 91; court 54.6 → 55, out-of-court 36.
    expect(view.streamSplit).toMatchObject({ total: 91, populationSize: 200, label: expect.stringContaining("S2's split") });
    expect(view.streams.map((s) => [s.stream, s.populationSize, s.proposedSize])).toEqual([
      ["court", 120, 55],
      ["out_of_court", 80, 36],
    ]);
    await drawSample(manager, { inspectionId, stream: "court", size: "55", seed: "s2" });
    await drawSample(manager, { inspectionId, stream: "out_of_court", size: "36", seed: "s2" });
    expect((await sampledReferences(inspectionId, "court")).length).toBe(55);
    expect((await sampledReferences(inspectionId, "out_of_court")).length).toBe(36);

    const yjs2021 = await samplingView(lead, await populatedInspection());
    expect(yjs2021.streamSplit).toBeNull();
  });

  it("draws with a recorded seed, copies the population's attributes, and the same seed reproduces the draw", async () => {
    const inspectionId = await populatedInspection();
    const first = await drawSample(lead, { inspectionId, stream: "court", size: "20", seed: "" });
    expect(first.seed).toMatch(/^[0-9a-f]{16}$/);
    const firstRefs = await sampledReferences(inspectionId, "court");
    expect(firstRefs).toHaveLength(20);

    const sampled = await db.case.findFirstOrThrow({ where: { inspectionId, reference: firstRefs[0] }, include: { populationCase: true } });
    expect(sampled.populationCase).not.toBeNull();
    expect({ d: sampled.disposalType, g: sampled.gender, r: sampled.rosh, s: sampled.safetyWellbeing, a: sampled.age }).toEqual({
      d: sampled.populationCase?.disposalType,
      g: sampled.populationCase?.gender,
      r: sampled.populationCase?.rosh,
      s: sampled.populationCase?.safetyWellbeing,
      a: sampled.populationCase?.age,
    });

    // A redraw discards the stream's cases and their allocations: refused, sample untouched, until confirmed.
    await db.case.updateMany({ where: { inspectionId, reference: { in: firstRefs.slice(0, 3) } }, data: { allocatedToId: inspector.id } });
    await expect(drawSample(lead, { inspectionId, stream: "court", size: "20", seed: "another-seed" })).rejects.toMatchObject({
      fieldErrors: { confirmRedraw: "Confirm that you want to redraw the court disposal sample: it discards the 20 cases now in it and the allocations of 3 cases." },
    });
    expect(await sampledReferences(inspectionId, "court")).toEqual(firstRefs);

    const other = await drawSample(lead, { inspectionId, stream: "court", size: "20", seed: "another-seed", confirmRedraw: true });
    expect(other.replacedCaseCount).toBe(20);
    expect(await sampledReferences(inspectionId, "court")).not.toEqual(firstRefs);

    await drawSample(lead, { inspectionId, stream: "court", size: "20", seed: first.seed, confirmRedraw: true });
    expect(await sampledReferences(inspectionId, "court")).toEqual(firstRefs);

    const draws = await db.sampleDraw.findMany({ where: { inspectionId }, orderBy: { createdAt: "asc" } });
    expect(draws.map((d) => [d.seed, d.size, d.populationSize])).toEqual([
      [first.seed, 20, 120],
      ["another-seed", 20, 120],
      [first.seed, 20, 120],
    ]);
    const audits = await db.auditEvent.findMany({ where: { inspectionId, action: "sample.drawn" }, orderBy: { at: "asc" } });
    expect(audits).toHaveLength(3);
    expect(audits[0]?.after).toMatchObject({ stream: "court", seed: first.seed, size: 20, populationSize: 120, seedEntered: false });
    expect(audits[2]?.after).toMatchObject({ seedEntered: true, references: firstRefs });
  });

  it("keeps each attribute within one case of the population's share", async () => {
    const inspectionId = await populatedInspection();
    await drawSample(lead, { inspectionId, stream: "out_of_court", size: "30", seed: "proportions" });
    const view = await samplingView(manager, inspectionId);
    const ooc = view.streams.find((s) => s.stream === "out_of_court");
    expect(ooc?.sampledCount).toBe(30);
    expect(ooc?.proportions.length).toBeGreaterThan(0);
    for (const row of ooc?.proportions ?? []) {
      expect(Math.abs(row.sampleCount - row.proportionalCount), `${row.attribute}=${row.value}`).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it("refuses a size larger than the population, and a stream with no cases", async () => {
    const inspectionId = await populatedInspection();
    await expect(drawSample(lead, { inspectionId, stream: "court", size: "121", seed: "" })).rejects.toThrow(ValidationError);
    await expect(drawSample(lead, { inspectionId, stream: "resettlement", size: "1", seed: "" })).rejects.toThrow(/no resettlement cases/);
    await expect(drawSample(lead, { inspectionId, stream: "court", size: "two", seed: "" })).rejects.toThrow(ValidationError);
    expect(await db.case.count({ where: { inspectionId } })).toBe(0);
  });

  it("refuses to redraw a stream once a case of it has answers, and leaves the sample alone", async () => {
    const inspectionId = await populatedInspection();
    await drawSample(lead, { inspectionId, stream: "court", size: "10", seed: "x" });
    const refs = await sampledReferences(inspectionId, "court");
    const one = await db.case.findFirstOrThrow({ where: { inspectionId, stream: "court" } });
    await db.answer.create({ data: { caseId: one.id, questionId: "2.1.1", value: "yes", rationale: "", updatedById: inspector.id } });
    await expect(drawSample(lead, { inspectionId, stream: "court", size: "10", seed: "y", confirmRedraw: true })).rejects.toThrow(ConflictError);
    expect(await sampledReferences(inspectionId, "court")).toEqual(refs);
    // Another stream can still be drawn.
    await expect(drawSample(lead, { inspectionId, stream: "out_of_court", size: "5", seed: "y" })).resolves.toMatchObject({ size: 5 });
  });

  it("only managers and the lead draw; inspectors read the sample, outsiders do not", async () => {
    const inspectionId = await populatedInspection();
    await expect(drawSample(inspector, { inspectionId, stream: "court", size: "5", seed: "" })).rejects.toThrow(ForbiddenError);
    await expect(drawSample(outsider, { inspectionId, stream: "court", size: "5", seed: "" })).rejects.toThrow(ForbiddenError);
    const view = await samplingView(inspector, inspectionId);
    expect(view.editSetup).toBe(false);
    expect(view.streams.every((s) => !s.canDraw)).toBe(true);
    await expect(samplingView(outsider, inspectionId)).rejects.toThrow(ForbiddenError);
    await expect(drawSample(manager, { inspectionId, stream: "court", size: "5", seed: "" })).resolves.toMatchObject({ size: 5 });
  });
});

describe("changing the sample by hand", () => {
  it("adds a population case and removes a sampled one, each with a mandatory reason, audited", async () => {
    const inspectionId = await populatedInspection();
    await drawSample(lead, { inspectionId, stream: "court", size: "5", seed: "hand" });
    const inSample = new Set(await sampledReferences(inspectionId, "court"));
    const outside = (await db.populationCase.findMany({ where: { inspectionId, stream: "court" }, select: { reference: true } }))
      .map((p) => p.reference)
      .find((ref) => !inSample.has(ref)) as string;

    await expect(addCaseToSample(lead, { inspectionId, reference: outside, reason: "  " })).rejects.toMatchObject({
      fieldErrors: { reason: "Enter the reason" },
    });
    await expect(addCaseToSample(lead, { inspectionId, reference: "NOPE-1", reason: "x" })).rejects.toMatchObject({
      fieldErrors: { reference: "There is no case with this reference in the imported population" },
    });
    await expect(addCaseToSample(lead, { inspectionId, reference: outside.toLowerCase(), reason: "Child moved into the area" })).resolves.toBe(
      `${outside} added to the sample.`,
    );
    await expect(addCaseToSample(lead, { inspectionId, reference: outside, reason: "again" })).rejects.toThrow(/already in the sample/);
    const added = await db.case.findFirstOrThrow({ where: { inspectionId, reference: outside } });
    expect(added.additionReason).toBe("Child moved into the area");

    await expect(removeCaseFromSample(lead, { inspectionId, caseId: added.id, reason: "" })).rejects.toThrow(ValidationError);
    await removeCaseFromSample(lead, { inspectionId, caseId: added.id, reason: "Case closed before fieldwork" });
    const removed = await db.case.findUniqueOrThrow({ where: { id: added.id } });
    expect(removed.removedAt).not.toBeNull();
    expect(removed.removalReason).toBe("Case closed before fieldwork");
    await expect(removeCaseFromSample(lead, { inspectionId, caseId: added.id, reason: "again" })).rejects.toThrow(ConflictError);

    await addCaseToSample(lead, { inspectionId, reference: outside, reason: "Closure was recorded in error" });
    const restored = await db.case.findUniqueOrThrow({ where: { id: added.id } });
    expect(restored).toMatchObject({ removedAt: null, removalReason: null, additionReason: "Closure was recorded in error" });

    const actions = (await db.auditEvent.findMany({ where: { caseId: added.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["case.added_to_sample", "case.removed_from_sample", "case.restored_to_sample"]);

    await expect(removeCaseFromSample(inspector, { inspectionId, caseId: added.id, reason: "no" })).rejects.toThrow(ForbiddenError);
  });
});
