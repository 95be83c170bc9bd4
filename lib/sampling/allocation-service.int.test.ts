import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { makeInspection, makeInspectionWithTeam, makeUser, populationCases, toCsv } from "@/tests/inspections/setup-fixtures";
import type { Actor } from "@/lib/permissions/access";
import { importPopulation } from "@/lib/population/import";
import { allocateBalanced, allocationView, reassignCase } from "./allocation-service";
import { drawSample } from "./draw-service";

let manager: Actor;
let lead: Actor;
let inspectors: Actor[];
let outsider: Actor;

beforeAll(async () => {
  manager = await makeUser("manager");
  lead = await makeUser("lead_inspector");
  inspectors = [await makeUser("inspector"), await makeUser("inspector"), await makeUser("inspector")];
  outsider = await makeUser("inspector");
});

/** 13 court and 8 out-of-court cases sampled; a lead and three inspectors. */
async function sampledInspection(): Promise<string> {
  const inspectionId = await makeInspectionWithTeam(manager, lead, inspectors);
  await importPopulation(lead, { inspectionId, fileName: "cases.csv", content: toCsv(populationCases(100)) });
  await drawSample(lead, { inspectionId, stream: "court", size: "13", seed: "a" });
  await drawSample(lead, { inspectionId, stream: "out_of_court", size: "8", seed: "a" });
  return inspectionId;
}

describe("allocating the sample", () => {
  it("shares the cases evenly by stream and in total between the inspectors, audited per case", async () => {
    const inspectionId = await sampledInspection();
    const message = await allocateBalanced(lead, { inspectionId, includeLead: null, keepExisting: null });
    expect(message).toBe("Allocated 21 cases across 3 people.");
    const view = await allocationView(lead, inspectionId);
    const counted = view.people.filter((p) => p.memberRole === "inspector");
    expect(counted.map((p) => p.total).sort()).toEqual([7, 7, 7]);
    for (const stream of ["court", "out_of_court"] as const) {
      const perStream = counted.map((p) => p.counts[stream]);
      expect(Math.max(...perStream) - Math.min(...perStream)).toBeLessThanOrEqual(1);
    }
    expect(view.people.find((p) => p.memberRole === "lead_inspector")?.total).toBe(0);
    expect(await db.auditEvent.count({ where: { inspectionId, action: "case.allocated" } })).toBe(21);

    // Again: already balanced, nothing changes and nothing more is audited.
    await expect(allocateBalanced(lead, { inspectionId, includeLead: "on", keepExisting: "on" })).resolves.toBe(
      "The allocation is already balanced; nothing changed.",
    );
  });

  it("includes the lead when asked", async () => {
    const inspectionId = await sampledInspection();
    await allocateBalanced(manager, { inspectionId, includeLead: "on", keepExisting: "" });
    const view = await allocationView(manager, inspectionId);
    expect(view.people.map((p) => p.total).sort()).toEqual([5, 5, 5, 6]);
  });

  it("keeps started cases with their inspector when rebalancing", async () => {
    const inspectionId = await sampledInspection();
    await allocateBalanced(lead, { inspectionId });
    const started = await db.case.findFirstOrThrow({ where: { inspectionId, allocatedToId: inspectors[0]!.id } });
    await db.case.update({ where: { id: started.id }, data: { status: "in_progress" } });
    await allocateBalanced(lead, { inspectionId, includeLead: "on" });
    expect((await db.case.findUniqueOrThrow({ where: { id: started.id } })).allocatedToId).toBe(inspectors[0]!.id);
  });

  it("reassigns one case to a member only, refusing a stale page, audited", async () => {
    const inspectionId = await sampledInspection();
    const one = await db.case.findFirstOrThrow({ where: { inspectionId } });
    await expect(reassignCase(lead, { inspectionId, caseId: one.id, userId: outsider.id, expectedUserId: "" })).rejects.toMatchObject({
      fieldErrors: { userId: "Choose an active member of this inspection's team" },
    });
    await expect(reassignCase(lead, { inspectionId, caseId: one.id, userId: inspectors[1]!.id, expectedUserId: "" })).resolves.toMatch(/allocated to/);
    await expect(reassignCase(manager, { inspectionId, caseId: one.id, userId: lead.id, expectedUserId: "" })).rejects.toThrow(ConflictError);
    await reassignCase(manager, { inspectionId, caseId: one.id, userId: lead.id, expectedUserId: inspectors[1]!.id });
    expect((await db.case.findUniqueOrThrow({ where: { id: one.id } })).allocatedToId).toBe(lead.id);
    const audits = await db.auditEvent.findMany({ where: { caseId: one.id, action: "case.allocated" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.after)).toEqual([
      { allocatedToId: inspectors[1]!.id, how: "manual" },
      { allocatedToId: lead.id, how: "manual" },
    ]);
  });

  it("inspectors see the allocation read-only and cannot change it; outsiders cannot see it", async () => {
    const inspectionId = await sampledInspection();
    await allocateBalanced(lead, { inspectionId });
    const view = await allocationView(inspectors[0]!, inspectionId);
    expect(view.canAllocate).toBe(false);
    expect(view.cases).toHaveLength(21);
    const one = view.cases[0]!;
    await expect(
      reassignCase(inspectors[0]!, { inspectionId, caseId: one.id, userId: inspectors[0]!.id, expectedUserId: one.allocatedToId ?? "" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(allocateBalanced(inspectors[0]!, { inspectionId })).rejects.toThrow(ForbiddenError);
    await expect(allocationView(outsider, inspectionId)).rejects.toThrow(ForbiddenError);
    expect((await db.case.findUniqueOrThrow({ where: { id: one.id } })).allocatedToId).toBe(one.allocatedToId);
  });

  it("refuses when there is nobody to allocate to", async () => {
    const inspectionId = await makeInspection(manager);
    await expect(allocateBalanced(manager, { inspectionId })).rejects.toMatchObject({ fieldErrors: { includeLead: expect.any(String) } });
  });
});
