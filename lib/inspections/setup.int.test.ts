import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { importPopulation } from "@/lib/population/import";
import { allocateBalanced } from "@/lib/sampling/allocation-service";
import { drawSample } from "@/lib/sampling/draw-service";
import {
  addMember,
  createInspection,
  removeMember,
  setMemberRole,
  setupOverview,
  startFieldwork,
  teamView,
  updateInspectionDetails,
} from "./setup";
import { makeInspection, makeUser, populationCases, toCsv, unique } from "./setup-test-fixtures";

let admin: Actor;
let manager: Actor;
let lead: Actor;
let lead2: Actor;
let inspector: Actor;
let outsider: Actor;

beforeAll(async () => {
  admin = await makeUser("admin");
  manager = await makeUser("manager");
  lead = await makeUser("lead_inspector", `Lead ${unique()}`);
  lead2 = await makeUser("lead_inspector", `Second lead ${unique()}`);
  inspector = await makeUser("inspector");
  outsider = await makeUser("inspector");
});

describe("creating and editing an inspection", () => {
  it("proposes the yjs-2021 window from the fieldwork date when left blank, and audits the creation", async () => {
    const { id } = await createInspection(manager, { yjsName: " Salford YJS ", frameworkVersion: "yjs-2021", fieldworkStart: "2024-01-22" });
    const stored = await db.inspection.findUniqueOrThrow({ where: { id } });
    expect(stored.yjsName).toBe("Salford YJS");
    expect(stored.status).toBe("setup");
    expect(stored.windowStart?.toISOString().slice(0, 10)).toBe("2023-01-23");
    expect(stored.windowEnd?.toISOString().slice(0, 10)).toBe("2023-11-17");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { inspectionId: id, action: "inspection.created" } });
    expect(audit.after).toMatchObject({ windowProposed: true, windowStart: "2023-01-23" });
  });

  it("keeps an entered window, and leaves yjs-2018 without a proposal", async () => {
    const entered = await createInspection(admin, {
      yjsName: "A",
      frameworkVersion: "yjs-2021",
      fieldworkStart: "2024-01-22",
      windowStart: "2023-02-01",
      windowEnd: "2023-11-30",
    });
    expect((await db.inspection.findUniqueOrThrow({ where: { id: entered.id } })).windowStart?.toISOString()).toMatch(/^2023-02-01/);
    const old = await createInspection(manager, { yjsName: "B", frameworkVersion: "yjs-2018", fieldworkStart: "2020-03-02" });
    expect((await db.inspection.findUniqueOrThrow({ where: { id: old.id } })).windowStart).toBeNull();
  });

  it("reports each bad field, GOV.UK style", async () => {
    const attempt = createInspection(manager, { yjsName: "", frameworkVersion: "yjs-2030", fieldworkStart: "2024-02-30", windowStart: "2023-01-01" });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.fieldErrors).toEqual({
      yjsName: "Enter the name of the youth justice service",
      frameworkVersion: "Choose the framework version",
      fieldworkStart: "Enter the date fieldwork starts as a real date",
    });
    await expect(
      createInspection(manager, { yjsName: "C", frameworkVersion: "yjs-2021", fieldworkStart: "2024-01-22", windowStart: "2023-01-01", windowEnd: "" }),
    ).rejects.toMatchObject({ fieldErrors: { windowEnd: "Enter both dates of the eligibility window, or neither" } });
    await expect(
      createInspection(manager, { yjsName: "C", frameworkVersion: "yjs-2021", fieldworkStart: "2024-01-22", windowStart: "2023-01-01", windowEnd: "2024-02-01" }),
    ).rejects.toMatchObject({ fieldErrors: { windowEnd: "The eligibility window must end before fieldwork starts" } });
  });

  it("only admins and managers create inspections", async () => {
    for (const actor of [lead, inspector]) {
      await expect(createInspection(actor, { yjsName: "X", frameworkVersion: "yjs-2021", fieldworkStart: "2024-01-22" })).rejects.toThrow(
        ForbiddenError,
      );
    }
  });

  it("the lead edits details; a window that would exclude imported cases, or a change after fieldwork starts, is refused", async () => {
    const inspectionId = await makeInspection(manager);
    await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
    const details = { inspectionId, yjsName: "Renamed YJS", frameworkVersion: "yjs-2021", fieldworkStart: "2024-01-22", windowStart: "", windowEnd: "" };
    await updateInspectionDetails(lead, details);
    expect((await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).yjsName).toBe("Renamed YJS");
    await expect(updateInspectionDetails(inspector, details)).rejects.toThrow(ForbiddenError);

    await importPopulation(lead, { inspectionId, fileName: "p.csv", content: toCsv(populationCases(20)) });
    await expect(updateInspectionDetails(lead, { ...details, windowStart: "2023-06-01", windowEnd: "2023-11-17" })).rejects.toMatchObject({
      fieldErrors: { windowStart: expect.stringMatching(/fall outside this window/) },
    });

    await db.inspection.update({ where: { id: inspectionId }, data: { status: "fieldwork" } });
    await expect(updateInspectionDetails(lead, { ...details, fieldworkStart: "2024-01-29" })).rejects.toThrow(ConflictError);
    await updateInspectionDetails(lead, { ...details, yjsName: "Renamed again" });
    const actions = await db.auditEvent.count({ where: { inspectionId, action: "inspection.details_changed" } });
    expect(actions).toBe(2);
  });
});

describe("the team", () => {
  it("has at most one lead: a manager appointing another lead makes the first an inspector", async () => {
    const inspectionId = await makeInspection(manager);
    await expect(addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" })).resolves.toMatch(/added as lead inspector/);
    const message = await addMember(manager, { inspectionId, userId: lead2.id, role: "lead_inspector" });
    expect(message).toContain(`${(lead as { name?: string }).name ?? ""} is now an inspector`);
    const roles = await db.membership.findMany({ where: { inspectionId }, select: { userId: true, role: true } });
    expect(roles.filter((r) => r.role === "lead_inspector").map((r) => r.userId)).toEqual([lead2.id]);
    await expect(
      db.membership.update({ where: { inspectionId_userId: { inspectionId, userId: lead.id } }, data: { role: "lead_inspector" } }),
    ).rejects.toThrow();
  });

  it("the lead adds and removes inspectors but cannot change who leads", async () => {
    const inspectionId = await makeInspection(manager);
    await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
    await addMember(lead, { inspectionId, userId: inspector.id, role: "inspector" });
    await expect(addMember(lead, { inspectionId, userId: lead2.id, role: "lead_inspector" })).rejects.toThrow(ForbiddenError);
    await expect(setMemberRole(lead, { inspectionId, userId: lead.id, role: "inspector" })).rejects.toThrow(ForbiddenError);
    await expect(removeMember(lead, { inspectionId, userId: lead.id })).rejects.toThrow(ForbiddenError);
    await expect(addMember(inspector, { inspectionId, userId: outsider.id, role: "inspector" })).rejects.toThrow(ForbiddenError);
    await expect(removeMember(lead, { inspectionId, userId: inspector.id })).resolves.toMatch(/removed from the team/);
    const audits = await db.auditEvent.findMany({ where: { inspectionId, entityType: "membership" }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["membership.added", "membership.added", "membership.removed"]);
  });

  it("only active inspectors and lead inspectors join, and only lead inspectors lead", async () => {
    const inspectionId = await makeInspection(manager);
    const disabled = await makeUser("inspector", "Disabled person", false);
    await expect(addMember(manager, { inspectionId, userId: disabled.id, role: "inspector" })).rejects.toMatchObject({
      fieldErrors: { userId: "Choose a person with an active account" },
    });
    await expect(addMember(manager, { inspectionId, userId: admin.id, role: "inspector" })).rejects.toMatchObject({
      fieldErrors: { userId: "Only inspectors and lead inspectors can join an inspection team" },
    });
    await expect(addMember(manager, { inspectionId, userId: inspector.id, role: "lead_inspector" })).rejects.toMatchObject({
      fieldErrors: { role: expect.stringMatching(/cannot lead/) },
    });
    await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });
    await expect(addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" })).rejects.toMatchObject({
      fieldErrors: { userId: expect.stringMatching(/already on the team/) },
    });
  });

  it("refuses to remove someone who still has cases allocated", async () => {
    const inspectionId = await makeInspection(manager);
    await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
    await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });
    await importPopulation(lead, { inspectionId, fileName: "p.csv", content: toCsv(populationCases(20)) });
    await drawSample(lead, { inspectionId, stream: "court", size: "3", seed: "t" });
    await allocateBalanced(lead, { inspectionId });
    await expect(removeMember(lead, { inspectionId, userId: inspector.id })).rejects.toThrow(/has 3 allocated cases/);
  });

  it("members read the team and set-up; outsiders and admins who are not members get 403", async () => {
    const inspectionId = await makeInspection(manager);
    await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });
    const view = await teamView(inspector, inspectionId);
    expect(view.rights).toEqual({ editSetup: false, changeLead: false });
    expect(view.candidates).toEqual([]);
    expect((await teamView(manager, inspectionId)).rights).toEqual({ editSetup: true, changeLead: true });
    await expect(setupOverview(outsider, inspectionId)).rejects.toThrow(ForbiddenError);
    await expect(setupOverview(admin, inspectionId)).rejects.toThrow(ForbiddenError);
  });
});

describe("starting fieldwork", () => {
  it("needs a lead, a sample and every case allocated", async () => {
    const inspectionId = await makeInspection(manager);
    await expect(startFieldwork(manager, { inspectionId })).rejects.toThrow(/appoint a lead inspector, draw a sample/);
    await addMember(manager, { inspectionId, userId: lead.id, role: "lead_inspector" });
    await addMember(manager, { inspectionId, userId: inspector.id, role: "inspector" });
    await importPopulation(lead, { inspectionId, fileName: "p.csv", content: toCsv(populationCases(20)) });
    await drawSample(lead, { inspectionId, stream: "court", size: "4", seed: "t" });
    await expect(startFieldwork(lead, { inspectionId })).rejects.toThrow(/allocate the 4 unallocated cases/);
    await allocateBalanced(lead, { inspectionId });
    await expect(startFieldwork(inspector, { inspectionId })).rejects.toThrow(ForbiddenError);
    await startFieldwork(lead, { inspectionId });
    expect((await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).status).toBe("fieldwork");
    await expect(startFieldwork(lead, { inspectionId })).rejects.toThrow(/already started/);
  });
});
