import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { fieldProblem, lockInspection } from "@/lib/inspections/kernel";
import { authorize, type Actor } from "@/lib/permissions/access";
import { getFramework, isFrameworkVersion, streamsWithKeyQuestions } from "@/lib/framework";
import { caseCountSchema, seedSchema, seedToUse } from "@/lib/sampling/draw-input";
import { parse } from "@/lib/validation";
import { drawDipSample, MAX_DIP_PERCENT, requestedSize } from "./dip-sample";
import { caseRef, inspectionRef, MAX_REASON } from "./kernel";

// The dip sample's use cases: the moderator draws it (seeded, recorded, audited), adds a case by hand
// with a reason, or removes one they have not yet second-assessed. During fieldwork or after it.

const drawSchema = z
  .object({
    ...inspectionRef,
    kind: z.enum(["count", "percent"], { error: "Choose whether to draw a number of cases or a percentage" }),
    amount: caseCountSchema({ missing: "Enter how many cases to draw", notWhole: "Enter a whole number", tooSmall: "Enter at least 1" }),
    seed: seedSchema,
  })
  .refine((d) => d.kind !== "percent" || d.amount <= MAX_DIP_PERCENT, { path: ["amount"], message: "Enter a percentage from 1 to 100" });

const addSchema = z.object({
  ...inspectionRef,
  reference: z.string({ error: "Enter the case reference" }).trim().min(1, "Enter the case reference").max(40, "Enter a case reference of at most 40 characters"),
  reason: z.string({ error: "Enter why this case is added" }).trim().min(1, "Enter why this case is added").max(MAX_REASON, `Enter a reason of at most ${MAX_REASON} characters`),
});

const removeSchema = z.object(caseRef);

/** Cases whose key questions are answered per case (not resettlement under yjs-2021), not removed. */
async function eligibleCases(inspectionId: string, frameworkVersion: string, tx: Pick<typeof db, "case">) {
  if (!isFrameworkVersion(frameworkVersion)) throw new Error(`Unknown framework version ${frameworkVersion}`);
  const fw = getFramework(frameworkVersion);
  const streams = streamsWithKeyQuestions(fw);
  return tx.case.findMany({
    where: { inspectionId, removedAt: null, stream: { in: [...streams] } },
    select: { id: true, reference: true, stream: true, allocatedToId: true, moderation: { select: { caseId: true } } },
  });
}

export async function drawModerationSample(actor: Actor, input: unknown): Promise<string> {
  const data = parse(drawSchema, input);
  await authorize(actor, data.inspectionId, "moderation.assess");
  return db.$transaction(async (tx) => {
    const { frameworkVersion } = await lockInspection(tx, data.inspectionId);
    const all = await eligibleCases(data.inspectionId, frameworkVersion, tx);
    // A further draw adds to the dip sample from the cases not already in it.
    const candidates = all.filter((c) => c.moderation === null);
    if (candidates.length === 0) throw fieldProblem("amount", "Every eligible case is already in the dip sample");
    const request = { kind: data.kind, value: data.amount } as const;
    const size = requestedSize(request, data.kind === "percent" ? all.length : candidates.length);
    const seed = seedToUse(data.seed);
    const sample = drawDipSample(
      candidates.map((c) => ({ reference: c.reference, stream: c.stream, inspectorId: c.allocatedToId })),
      Math.min(size, candidates.length),
      seed,
    );
    const draw = await tx.moderationDraw.create({
      data: {
        inspectionId: data.inspectionId,
        seed,
        requestKind: data.kind,
        requestValue: data.amount,
        size: sample.references.length,
        populationSize: candidates.length,
        method: sample.method,
        drawnById: actor.id,
      },
    });
    const byReference = new Map(candidates.map((c) => [c.reference, c.id]));
    await tx.moderationCase.createMany({
      data: sample.references.map((reference) => ({ caseId: byReference.get(reference)!, inspectionId: data.inspectionId, drawId: draw.id, addedById: actor.id })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.sample_drawn",
      entityType: "moderation_draw",
      entityId: draw.id,
      inspectionId: data.inspectionId,
      after: { seed, seedEntered: data.seed !== "", request, size: sample.references.length, populationSize: candidates.length, references: sample.references },
    });
    return `Drew ${sample.references.length} case${sample.references.length === 1 ? "" : "s"} for second assessment from ${candidates.length} with seed ${seed}.`;
  });
}

export async function addCaseToDipSample(actor: Actor, input: unknown): Promise<string> {
  const data = parse(addSchema, input);
  await authorize(actor, data.inspectionId, "moderation.assess");
  return db.$transaction(async (tx) => {
    const { frameworkVersion } = await lockInspection(tx, data.inspectionId);
    const kase = (await eligibleCases(data.inspectionId, frameworkVersion, tx)).find((c) => c.reference === data.reference);
    if (!kase) throw fieldProblem("reference", `There is no case ${data.reference} with key questions to second-assess in this inspection`);
    if (kase.moderation) throw fieldProblem("reference", `Case ${data.reference} is already in the dip sample`);
    await tx.moderationCase.create({ data: { caseId: kase.id, inspectionId: data.inspectionId, additionReason: data.reason, addedById: actor.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.case_added",
      entityType: "moderation_case",
      entityId: kase.id,
      inspectionId: data.inspectionId,
      caseId: kase.id,
      after: { reference: kase.reference, additionReason: data.reason },
    });
    return `Case ${kase.reference} added to the dip sample.`;
  });
}

export async function removeCaseFromDipSample(actor: Actor, input: unknown): Promise<string> {
  const data = parse(removeSchema, input);
  await authorize(actor, data.inspectionId, "moderation.assess");
  return db.$transaction(async (tx) => {
    await lockInspection(tx, data.inspectionId);
    const row = await tx.moderationCase.findFirst({
      where: { caseId: data.caseId, inspectionId: data.inspectionId },
      select: { drawId: true, completedAt: true, case: { select: { reference: true } }, _count: { select: { secondAnswers: true } } },
    });
    if (!row) throw new NotFoundError("This case is not in the dip sample.");
    if (row.completedAt || row._count.secondAnswers > 0) {
      throw new ConflictError(`Case ${row.case.reference} has second answers, so it stays in the dip sample.`);
    }
    await tx.moderationCase.delete({ where: { caseId: data.caseId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "moderation.case_removed",
      entityType: "moderation_case",
      entityId: data.caseId,
      inspectionId: data.inspectionId,
      caseId: data.caseId,
      before: { reference: row.case.reference, drawn: row.drawId !== null },
    });
    return `Case ${row.case.reference} removed from the dip sample.`;
  });
}
