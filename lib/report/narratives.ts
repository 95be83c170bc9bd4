// The lead's narrative for each standard: the report's "Strengths" and "Areas for improvement", for
// every standard, case-rated ones included. One record per standard, each a list written one point
// per line (the report prints each line as a bullet). The evidence items team members record
// (lib/evidence) are what the lead writes from; the panel shows them, and the prompt aggregates,
// beside this form.

import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { findStandard, getFramework, isFrameworkVersion } from "@/lib/framework";
import { authorize, type Actor } from "@/lib/permissions/access";
import { parse } from "@/lib/validation";
import { inspectionStatusOf } from "@/lib/statuses";

export const MAX_NARRATIVE_TEXT = 20_000;
const SIGNED_OFF = "The ratings are signed off, so the report's narrative is frozen. The lead inspector can reopen them.";

const listField = (label: string) =>
  z
    .string({ message: `Enter the ${label}, or leave it empty` })
    .max(MAX_NARRATIVE_TEXT, `Enter ${label} of at most ${MAX_NARRATIVE_TEXT.toLocaleString("en-GB")} characters`)
    .transform(normaliseList);

const saveSchema = z.object({
  standardId: z.string({ message: "Choose a standard" }).trim().min(1, "Choose a standard"),
  strengths: listField("strengths"),
  areasForImprovement: listField("areas for improvement"),
});

/** One point per line: trims each, drops empty lines and any bullet the writer typed. */
export function normaliseList(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim().replace(/^[-*•]\s+/, ""))
    .filter((line) => line.length > 0)
    .join("\n");
}

/** The points of a stored list. */
export function listPoints(text: string): string[] {
  return text.split("\n").filter((line) => line.trim().length > 0);
}

export interface NarrativeView {
  readonly standardId: string;
  readonly strengths: string;
  readonly areasForImprovement: string;
  readonly updatedAt: Date;
}

export async function saveNarrative(actor: Actor, inspectionId: string, input: unknown): Promise<NarrativeView> {
  await authorize(actor, inspectionId, "report.write");
  const data = parse(saveSchema, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; framework_version: string }[]>`
      SELECT status::text, framework_version FROM inspections WHERE id = ${inspectionId}::uuid FOR UPDATE`;
    const inspection = rows[0];
    if (!inspection || !isFrameworkVersion(inspection.framework_version)) throw new NotFoundError("There is no such inspection.");
    if (inspectionStatusOf(inspection.status) === "signed_off") throw new ValidationError(SIGNED_OFF);
    if (!findStandard(getFramework(inspection.framework_version), data.standardId)) {
      throw new ValidationError("There is a problem with what you entered.", { standardId: "Choose a standard of this inspection's framework" });
    }
    const key = { inspectionId_standardId: { inspectionId, standardId: data.standardId } };
    const before = await tx.standardNarrative.findUnique({ where: key, select: { strengths: true, areasForImprovement: true } });
    const row = await tx.standardNarrative.upsert({
      where: key,
      create: { inspectionId, standardId: data.standardId, strengths: data.strengths, areasForImprovement: data.areasForImprovement, updatedById: actor.id },
      update: { strengths: data.strengths, areasForImprovement: data.areasForImprovement, updatedById: actor.id, updatedAt: new Date() },
      select: { standardId: true, strengths: true, areasForImprovement: true, updatedAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "narrative.saved",
      entityType: "standard_narrative",
      entityId: `${inspectionId}:${data.standardId}`,
      inspectionId,
      before: before ?? null,
      after: { standardId: data.standardId, strengths: data.strengths, areasForImprovement: data.areasForImprovement },
    });
    return row;
  });
}

/** Every standard's narrative recorded so far, by standard id. Readers of the panel may see them. */
export async function listNarratives(actor: Actor, inspectionId: string): Promise<Record<string, NarrativeView>> {
  await authorize(actor, inspectionId, "panel.view");
  const rows = await db.standardNarrative.findMany({
    where: { inspectionId },
    select: { standardId: true, strengths: true, areasForImprovement: true, updatedAt: true },
  });
  return Object.fromEntries(rows.map((r) => [r.standardId, r]));
}
