import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db/client";
import { readableCaseReference } from "./access";
import { makeTeam } from "@/tests/cases/test-helpers";

afterAll(() => closeDatabase());

describe("a case's reference for page titles", () => {
  it("is given to the team and the manager, and to nobody outside the inspection", async () => {
    const team = await makeTeam();
    const kase = await team.makeCase();
    for (const reader of [team.lead, team.inspector, team.colleague, team.manager]) {
      expect(await readableCaseReference(reader, kase.id, team.inspection.id)).toBe(kase.reference);
    }
    expect(await readableCaseReference(team.outsider, kase.id, team.inspection.id)).toBeNull();
    expect(await readableCaseReference(team.admin, kase.id, team.inspection.id)).toBeNull();
    expect(await readableCaseReference(null, kase.id, team.inspection.id)).toBeNull();
  });

  it("is null for a case of another inspection or an id that is not a case", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const kase = await team.makeCase();
    expect(await readableCaseReference(team.lead, kase.id, other.inspection.id)).toBeNull();
    expect(await readableCaseReference(team.lead, "not-a-uuid", team.inspection.id)).toBeNull();
  });
});
