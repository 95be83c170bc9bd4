import { describe, expect, it } from "vitest";
import { can, canAnswerCase, PERMISSIONS, type Action, type Caller } from "./table";

const caller = (role: Caller["role"], inspectionRole: Caller["inspectionRole"] = null): Caller => ({
  userId: "u1",
  role,
  inspectionRole,
});

const admin = caller("admin");
const manager = caller("manager");
const lead = caller("lead_inspector", "lead_inspector");
const member = caller("inspector", "inspector");
const outsider = caller("inspector");
const outsideLead = caller("lead_inspector");

// The expected matrix, written out so a change to the table is a deliberate change here too.
const expected: Record<Action, { admin: boolean; manager: boolean; lead: boolean; member: boolean; outsider: boolean }> = {
  "users.manage": { admin: true, manager: false, lead: false, member: false, outsider: false },
  "retention.manage": { admin: true, manager: false, lead: false, member: false, outsider: false },
  "apiTokens.manage": { admin: true, manager: false, lead: false, member: false, outsider: false },
  "inspection.create": { admin: true, manager: true, lead: false, member: false, outsider: false },
  "inspection.view": { admin: true, manager: true, lead: true, member: true, outsider: false },
  "inspection.editSetup": { admin: false, manager: true, lead: true, member: false, outsider: false },
  "cases.read": { admin: false, manager: true, lead: true, member: true, outsider: false },
  "case.answer": { admin: false, manager: false, lead: true, member: true, outsider: false },
  "case.qualityAssure": { admin: false, manager: false, lead: true, member: false, outsider: false },
  "panel.view": { admin: false, manager: true, lead: true, member: true, outsider: false },
  "panel.decide": { admin: false, manager: false, lead: true, member: false, outsider: false },
  "evidence.record": { admin: false, manager: false, lead: true, member: true, outsider: false },
  "report.write": { admin: false, manager: false, lead: true, member: false, outsider: false },
  "ratings.export": { admin: false, manager: true, lead: true, member: false, outsider: false },
  "programme.view": { admin: true, manager: true, lead: true, member: true, outsider: false },
  "programme.import": { admin: true, manager: true, lead: false, member: false, outsider: false },
};

describe("permission table", () => {
  it("covers every action", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [action, row] of Object.entries(expected) as [Action, (typeof expected)[Action]][]) {
    it(`${action}`, () => {
      expect(can(admin, action)).toBe(row.admin);
      expect(can(manager, action)).toBe(row.manager);
      expect(can(lead, action)).toBe(row.lead);
      expect(can(member, action)).toBe(row.member);
      expect(can(outsider, action)).toBe(row.outsider);
      // A lead inspector by global role has no rights on an inspection they are not on.
      expect(can(outsideLead, action)).toBe(row.outsider);
    });
  }

  it("lets only the allocated inspector and the lead answer a case", () => {
    expect(canAnswerCase(member, "u1")).toBe(true);
    expect(canAnswerCase(member, "someone-else")).toBe(false);
    expect(canAnswerCase(member, null)).toBe(false);
    expect(canAnswerCase(lead, "someone-else")).toBe(true);
    expect(canAnswerCase(manager, "u1")).toBe(false);
    expect(canAnswerCase(outsider, "u1")).toBe(false);
  });
});
