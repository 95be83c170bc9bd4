// Test data for the Playwright journeys, run with tsx in a child process (Playwright's own loader
// cannot load the ESM Prisma client): `tsx --conditions=react-server tests/panel/test-support-cli.ts <command> '<json>'`
// prints one JSON document. Uses DATABASE_URL, as the journeys' server does.

import { closeDatabase, db } from "@/lib/db/client";
import { completeCase, raiseQuery } from "@/lib/cases/workflow";
import { clearDecision, recordDiscretion, recordJudgement, reopenRatings } from "@/lib/panel";
import { SALFORD_JUDGEMENTS, createPanelTestInspection, type PanelTestOptions } from "./test-support";

type Input = Record<string, unknown>;

const commands: Record<string, (input: Input) => Promise<unknown>> = {
  /** A Salford-like inspection; with `decided`, Good judgements and the two discretion decisions. */
  async create(input) {
    const team = await createPanelTestInspection(db, input as PanelTestOptions);
    if (input.decided) {
      for (const standardId of SALFORD_JUDGEMENTS) await recordJudgement(team.lead, team.inspectionId, { standardId, rating: "Good", note: "Evidence." });
      await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.2", rating: "Requires improvement", note: "Small sample." });
      await recordDiscretion(team.lead, team.inspectionId, { standardId: "2.4", rating: "Good", note: "Strong elsewhere." });
    }
    return team;
  },
  /** The inspector completes a case through the case-assessment use case. */
  async completeCase(input) {
    const inspector = { id: String(input.inspectorId), role: "inspector" as const };
    return completeCase(inspector, { caseId: input.caseId, scope: "case" });
  },
  /** The lead comments on one answer of a case through the quality-assurance use case. */
  async raiseQuery(input) {
    const lead = { id: String(input.leadId), role: "lead_inspector" as const };
    return raiseQuery(lead, { caseId: input.caseId, questionId: input.questionId, body: input.body });
  },
  /** Panel decisions recorded for one standard of a named inspection. */
  async decisionCount(input) {
    const inspection = await db.inspection.findFirstOrThrow({ where: { yjsName: String(input.yjsName) }, select: { id: true } });
    return db.panelDecision.count({ where: { inspectionId: inspection.id, standardId: String(input.standardId) } });
  },
  /** Reopens (if signed off) and clears every panel decision of a named inspection, as its lead. */
  async resetPanel(input) {
    const inspection = await db.inspection.findFirstOrThrow({
      where: { yjsName: String(input.yjsName) },
      select: { id: true, status: true, memberships: { where: { role: "lead_inspector" }, select: { user: { select: { id: true, role: true } } } } },
    });
    const lead = inspection.memberships[0]?.user;
    if (!lead) throw new Error("The inspection has no lead");
    if (inspection.status === "signed_off") await reopenRatings(lead, inspection.id, { reason: "Reset after an end-to-end test." });
    const decisions = await db.panelDecision.findMany({ where: { inspectionId: inspection.id }, select: { standardId: true, kind: true } });
    for (const d of decisions) await clearDecision(lead, inspection.id, d);
    return decisions.length;
  },
};

async function main(): Promise<void> {
  const [command = "", json = "{}"] = process.argv.slice(2);
  const run = commands[command];
  if (!run) throw new Error(`Unknown command ${command}; one of ${Object.keys(commands).join(", ")}`);
  process.stdout.write(JSON.stringify((await run(JSON.parse(json) as Input)) ?? null));
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
