import { describe, expect, it } from "vitest";
import { callerOf, can, canAnswerCase, moderatorHeld, PERMISSIONS, type Action, type Caller } from "./table";

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
/** A quality assurer assigned to moderate the inspection. */
const moderator = callerOf("u1", "quality_assurer", null, true);
/** A quality assurer not assigned to it. */
const otherQualityAssurer = callerOf("u1", "quality_assurer", null, false);

// The expected matrix, written out so a change to the table is a deliberate change here too.
const expected: Record<Action, { admin: boolean; manager: boolean; lead: boolean; member: boolean; outsider: boolean; moderator: boolean }> = {
  "users.manage": { admin: true, manager: false, lead: false, member: false, outsider: false, moderator: false },
  "retention.manage": { admin: true, manager: false, lead: false, member: false, outsider: false, moderator: false },
  "apiTokens.manage": { admin: true, manager: false, lead: false, member: false, outsider: false, moderator: false },
  "inspection.create": { admin: true, manager: true, lead: false, member: false, outsider: false, moderator: false },
  "inspection.view": { admin: true, manager: true, lead: true, member: true, outsider: false, moderator: true },
  "inspection.editSetup": { admin: false, manager: true, lead: true, member: false, outsider: false, moderator: false },
  "cases.read": { admin: false, manager: true, lead: true, member: true, outsider: false, moderator: false },
  "case.answer": { admin: false, manager: false, lead: true, member: true, outsider: false, moderator: false },
  "case.qualityAssure": { admin: false, manager: false, lead: true, member: false, outsider: false, moderator: false },
  "panel.view": { admin: false, manager: true, lead: true, member: true, outsider: false, moderator: false },
  "panel.decide": { admin: false, manager: false, lead: true, member: false, outsider: false, moderator: false },
  "evidence.record": { admin: false, manager: false, lead: true, member: true, outsider: false, moderator: false },
  "report.write": { admin: false, manager: false, lead: true, member: false, outsider: false, moderator: false },
  "ratings.export": { admin: false, manager: true, lead: true, member: false, outsider: false, moderator: false },
  "moderation.manage": { admin: false, manager: true, lead: true, member: false, outsider: false, moderator: false },
  "moderation.view": { admin: false, manager: true, lead: true, member: false, outsider: false, moderator: true },
  "moderation.assess": { admin: false, manager: false, lead: false, member: false, outsider: false, moderator: true },
  "moderation.respond": { admin: false, manager: false, lead: true, member: true, outsider: false, moderator: false },
  "programme.view": { admin: true, manager: true, lead: true, member: true, outsider: false, moderator: false },
  "programme.import": { admin: true, manager: true, lead: false, member: false, outsider: false, moderator: false },
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
      expect(can(moderator, action)).toBe(row.moderator);
      // A quality assurer has no rights on an inspection they do not moderate.
      expect(can(otherQualityAssurer, action)).toBe(row.outsider);
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

  it("grants moderation only while the account is a quality assurer", () => {
    expect(moderatorHeld("quality_assurer", true)).toBe(true);
    expect(moderatorHeld("quality_assurer", false)).toBe(false);
    // An assignment left behind by a role change grants nothing.
    for (const role of ["admin", "manager", "lead_inspector", "inspector"] as const) {
      expect(moderatorHeld(role, true)).toBe(false);
      expect(can(callerOf("u1", role, null, true), "moderation.assess")).toBe(false);
    }
    // Nor can a caller claim the right by setting the flag on another role.
    expect(can({ userId: "u1", role: "inspector", inspectionRole: null, moderator: true }, "moderation.assess")).toBe(false);
    // A quality assurer is never a team member, whatever a membership row says.
    expect(callerOf("u1", "quality_assurer", "inspector", true).inspectionRole).toBeNull();
    expect(canAnswerCase(moderator, "u1")).toBe(false);
  });
});
