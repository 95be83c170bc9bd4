import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions/access";
import { importPopulation } from "@/lib/population/import";
import { allocateBalanced } from "@/lib/sampling/allocation-service";
import { drawSample } from "@/lib/sampling/draw-service";
import { createInspection, updateInspectionDetails } from "./details";
import { startFieldwork } from "./fieldwork";
import { setupOverview, teamView } from "./setup-views";
import { addMember, removeMember, setMemberRole } from "./team";
import { makeInspection, makeUser, populationCases, toCsv, unique } from "@/tests/inspections/setup-fixtures";

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

  it("keeps an entered window; yjs-2021 has no out-of-court window of its own", async () => {
    const entered = await createInspection(admin, {
      yjsName: "A",
      frameworkVersion: "yjs-2021",
      fieldworkStart: "2024-01-22",
      windowStart: "2023-02-01",
      windowEnd: "2023-11-30",
      oocWindowStart: "2023-06-01",
      oocWindowEnd: "2023-07-01",
    });
    const stored = await db.inspection.findUniqueOrThrow({ where: { id: entered.id } });
    expect(stored.windowStart?.toISOString()).toMatch(/^2023-02-01/);
    expect(stored.oocWindowStart).toBeNull();
    expect(stored.oocWindowEnd).toBeNull();
  });

  it("proposes yjs-2018's court and out-of-court windows from the fieldwork date, and keeps each entered one", async () => {
    const proposed = await createInspection(manager, { yjsName: "B", frameworkVersion: "yjs-2018", fieldworkStart: "2020-03-02" });
    const dates = (row: { windowStart: Date | null; windowEnd: Date | null; oocWindowStart: Date | null; oocWindowEnd: Date | null }) =>
      [row.windowStart, row.windowEnd, row.oocWindowStart, row.oocWindowEnd].map((d) => d?.toISOString().slice(0, 10) ?? null);
    expect(dates(await db.inspection.findUniqueOrThrow({ where: { id: proposed.id } }))).toEqual(["2019-06-02", "2019-09-02", "2019-10-02", "2019-12-02"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { inspectionId: proposed.id, action: "inspection.created" } });
    expect(audit.after).toMatchObject({ windowProposed: true, oocWindowProposed: true, oocWindowStart: "2019-10-02", oocWindowEnd: "2019-12-02" });

    const ownOoc = await createInspection(manager, {
      yjsName: "B2",
      frameworkVersion: "yjs-2018",
      fieldworkStart: "2020-03-02",
      oocWindowStart: "2019-09-15",
      oocWindowEnd: "2019-12-31",
    });
    expect(dates(await db.inspection.findUniqueOrThrow({ where: { id: ownOoc.id } }))).toEqual(["2019-06-02", "2019-09-02", "2019-09-15", "2019-12-31"]);
  });

  it("checks each yjs-2018 window on its own, naming it", async () => {
    const base = { yjsName: "C", frameworkVersion: "yjs-2018", fieldworkStart: "2024-01-22" };
    await expect(createInspection(manager, { ...base, windowStart: "2023-04-01", oocWindowEnd: "2023-10-01" })).rejects.toMatchObject({
      fieldErrors: {
        windowEnd: "Enter both dates of the court disposal eligibility window, or neither",
        oocWindowStart: "Enter both dates of the out-of-court disposal eligibility window, or neither",
      },
    });
    await expect(
      createInspection(manager, { ...base, windowStart: "2023-07-01", windowEnd: "2023-04-01", oocWindowStart: "2023-10-01", oocWindowEnd: "2024-01-22" }),
    ).rejects.toMatchObject({
      fieldErrors: {
        windowEnd: "The court disposal eligibility window must end on or after the day it starts",
        oocWindowEnd: "The out-of-court disposal eligibility window must end before fieldwork starts",
      },
    });
    await expect(createInspection(manager, { ...base, oocWindowStart: "2023-02-30", oocWindowEnd: "2023-10-01" })).rejects.toMatchObject({
      fieldErrors: { oocWindowStart: "Enter the start of the out-of-court disposal eligibility window as a real date" },
    });
  });

  it("the database refuses an out-of-court window on a yjs-2021 inspection, or one half set", async () => {
    const id = await makeInspection(manager);
    await expect(
      db.inspection.update({ where: { id }, data: { oocWindowStart: new Date("2023-06-01"), oocWindowEnd: new Date("2023-07-01") } }),
    ).rejects.toThrow(/inspections_ooc_window_check/);
    await db.inspection.update({ where: { id }, data: { frameworkVersion: "yjs-2018" } });
    await expect(db.inspection.update({ where: { id }, data: { oocWindowStart: new Date("2023-06-01") } })).rejects.toThrow(
      /inspections_ooc_window_check/,
    );
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

describe("editing yjs-2018's windows", () => {
  it("refuses a window that would leave imported cases of its stream outside it, and moves the framework to one window", async () => {
    const inspectionId = await makeInspection(manager, { frameworkVersion: "yjs-2018" });
    // Proposed: court 2023-04-22 to 2023-07-22, out-of-court 2023-08-22 to 2023-10-22.
    const cases = populationCases(5).map((c, i) => ({ ...c, disposal_date: ["2023-05-01", "2023-06-01", "2023-07-01", "2023-09-01", "2023-10-01"][i]! }));
    expect(await importPopulation(manager, { inspectionId, fileName: "p.csv", content: toCsv(cases) })).toMatchObject({ status: "imported" });
    const details = { inspectionId, yjsName: "Eastshire", frameworkVersion: "yjs-2018", fieldworkStart: "2024-01-22" };
    // The out-of-court window may move over the court one's dates: only its own stream's cases count.
    await expect(
      updateInspectionDetails(manager, { ...details, windowStart: "2023-05-15", windowEnd: "2023-07-22", oocWindowStart: "2023-09-15", oocWindowEnd: "2023-10-22" }),
    ).rejects.toMatchObject({
      fieldErrors: {
        windowStart: expect.stringMatching(/^1 court cases of the imported population fall outside this window/),
        oocWindowStart: expect.stringMatching(/^1 out-of-court cases of the imported population fall outside this window/),
      },
    });
    await updateInspectionDetails(manager, { ...details, oocWindowStart: "2023-05-01", oocWindowEnd: "2023-12-31" });
    const stored = await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    expect(stored.oocWindowStart?.toISOString().slice(0, 10)).toBe("2023-05-01");
    expect(stored.windowStart?.toISOString().slice(0, 10)).toBe("2023-04-22");

    // To yjs-2021: one window (the proposal, 2023-01-23 to 2023-11-17, holds every case), no out-of-court window.
    await updateInspectionDetails(manager, { ...details, frameworkVersion: "yjs-2021" });
    const moved = await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    expect([moved.windowStart?.toISOString().slice(0, 10), moved.oocWindowStart]).toEqual(["2023-01-23", null]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { inspectionId, action: "inspection.details_changed" }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ oocWindowStart: "2023-05-01", oocWindowEnd: "2023-12-31" });
    expect(audit.after).toMatchObject({ frameworkVersion: "yjs-2021", oocWindowStart: null, oocWindowEnd: null });
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
