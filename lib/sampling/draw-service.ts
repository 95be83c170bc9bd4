import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { frameworkName } from "@/lib/framework";
import { STREAMS, STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { changeSetup, readSetup, fieldProblem, isoDate, sampledStreams, type SetupChangeWindow } from "@/lib/inspections/kernel";
import { isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { caseCountSchema, seedSchema, seedToUse } from "./draw-input";
import { SAMPLE_SIZE_METHOD } from "./sample-size";
import { compareProportions, drawSampleByStream, type SamplingUnit } from "./stratified-draw";
import { proposeStreamSampleSizes } from "./stream-sizes";
import { SAMPLED_ATTRIBUTES_SELECT } from "@/lib/population/population-row";
import { parse } from "@/lib/validation";

// The sample: a stratified random draw per stream with a recorded seed, and hand changes (add a case
// from the population, remove a sampled case), each with a reason. All audited.
//
// Rules decided here:
// - Drawing replaces every case of that stream (drawn, added or removed ones), so it is allowed only
//   during set-up and only while no case of the stream has answers or evidence. After that the
//   sample changes one case at a time, with a reason.
// - A redraw discards the stream's cases, their allocations and the cases added by hand: it needs the
//   lead's explicit confirmation, refused with the counts of what it would discard until given.
// - The seed is random unless the lead enters one; it is stored with the draw (sample_draws) and in
//   the audit event, so entering it again with the same population and size gives the same cases.
// - Removing a case is soft (removedAt + reason); it also clears the allocation. Adding back a removed
//   case restores it, with the new reason recorded as its addition reason.

/** The cases change one at a time until the ratings panel begins; a draw replaces a stream only in set-up. */
const SAMPLE_OPEN: SetupChangeWindow = {
  statuses: new Set(["setup", "fieldwork"]),
  closed: "The sample can no longer change: the ratings panel has begun.",
};
const DRAW_OPEN: SetupChangeWindow = {
  statuses: new Set(["setup"]),
  closed: "Fieldwork has started, so the sample cannot be redrawn. Add or remove cases one at a time, with a reason.",
};


const drawSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  stream: z.enum(STREAMS, { error: "Choose a stream" }),
  size: caseCountSchema({
    missing: "Enter the number of cases to sample",
    notWhole: "Enter the number of cases to sample as a whole number",
    tooSmall: "Enter a sample size of at least 1",
  }),
  seed: seedSchema,
  /** The lead's explicit "yes, discard the current sample" (the form's confirmation box); a first draw needs none. */
  confirmRedraw: z.boolean().default(false),
});

const reasonSchema = z
  .string({ error: "Enter the reason" })
  .trim()
  .min(1, "Enter the reason")
  .max(500, "Enter a reason of at most 500 characters");

export interface DrawResult {
  drawId: string;
  seed: string;
  size: number;
  populationSize: number;
  withinOneOfShare: boolean;
  replacedCaseCount: number;
  message: string;
}

/** What a redraw of a stream discards, in the words the confirmation and its refusal use. */
function redrawConsequences(label: string, existing: readonly { allocatedToId: string | null; additionReason: string | null; removedAt: Date | null }[]): string {
  const current = existing.filter((c) => c.removedAt === null);
  const allocated = current.filter((c) => c.allocatedToId !== null).length;
  const added = current.filter((c) => c.additionReason !== null).length;
  const cases = (n: number) => `${n} ${n === 1 ? "case" : "cases"}`;
  const parts = [`the ${cases(current.length)} now in it`];
  if (allocated > 0) parts.push(`the allocations of ${cases(allocated)}`);
  if (added > 0) parts.push(`the ${cases(added)} added by hand`);
  const discarded = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `Confirm that you want to redraw the ${label} sample: it discards ${discarded}.`;
}

export async function drawSample(actor: Actor, input: unknown): Promise<DrawResult> {
  const data = parse(drawSchema, input);
  const seed = seedToUse(data.seed);
  const label = STREAM_LABELS[data.stream].toLowerCase();

  return changeSetup(
    actor,
    data.inspectionId,
    DRAW_OPEN,
    async (tx, { frameworkVersion }) => {
      if (!sampledStreams(frameworkVersion).includes(data.stream)) {
        throw fieldProblem("stream", `The ${frameworkName(frameworkVersion)} does not inspect ${label} cases`);
      }
      const population = await tx.populationCase.findMany({
        where: { inspectionId: data.inspectionId, stream: data.stream },
        select: SAMPLED_ATTRIBUTES_SELECT,
      });
      if (population.length === 0) throw fieldProblem("size", `There are no ${label} cases in the imported population to sample from`);
      if (data.size > population.length) {
        throw fieldProblem("size", `Enter a sample size of at most ${population.length}, the number of eligible ${label} cases`);
      }

      const existing = await tx.case.findMany({
        where: { inspectionId: data.inspectionId, stream: data.stream },
        select: { id: true, allocatedToId: true, additionReason: true, removedAt: true },
      });
      const existingIds = existing.map((c) => c.id);
      if (existingIds.length > 0) {
        const [answers, evidence] = await Promise.all([
          tx.answer.count({ where: { caseId: { in: existingIds } } }),
          tx.evidenceItem.count({ where: { caseId: { in: existingIds } } }),
        ]);
        if (answers + evidence > 0) {
          throw new ConflictError(
            `Inspectors have started recording ${label} cases, so this stream cannot be redrawn. Add or remove cases one at a time, with a reason.`,
          );
        }
        if (!data.confirmRedraw) throw fieldProblem("confirmRedraw", redrawConsequences(label, existing));
        await tx.case.deleteMany({ where: { id: { in: existingIds } } });
      }

      const units: SamplingUnit[] = population.map((row) => ({
        reference: row.reference,
        stream: row.stream,
        gender: row.gender,
        disposalType: row.disposalType as SamplingUnit["disposalType"],
        rosh: row.rosh,
        safetyWellbeing: row.safetyWellbeing,
      }));
      const [sample] = drawSampleByStream(units, { [data.stream]: data.size }, seed);
      if (!sample) throw new Error("the draw returned no sample for the requested stream");
      const chosen = new Set(sample.ids);
      await tx.case.createMany({
        data: population
          .filter((row) => chosen.has(row.reference))
          .map(({ id, ...attributes }) => ({ inspectionId: data.inspectionId, populationCaseId: id, ...attributes })),
      });
      const draw = await tx.sampleDraw.create({
        data: {
          inspectionId: data.inspectionId,
          stream: data.stream,
          seed,
          size: data.size,
          populationSize: population.length,
          method: sample.method,
          drawnById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "sample.drawn",
        entityType: "sample_draw",
        entityId: draw.id,
        inspectionId: data.inspectionId,
        before: existingIds.length > 0 ? { replacedCaseCount: existingIds.length } : null,
        after: {
          stream: data.stream,
          seed,
          streamSeed: sample.streamSeed,
          size: data.size,
          populationSize: population.length,
          seedEntered: data.seed !== "",
          withinOneOfShare: sample.withinOneOfShare,
          references: sample.ids,
        },
      });
      return {
        drawId: draw.id,
        seed,
        size: data.size,
        populationSize: population.length,
        withinOneOfShare: sample.withinOneOfShare,
        replacedCaseCount: existingIds.length,
        message:
          `Drew ${data.size} ${label} cases from ${population.length} with seed ${seed}.` +
          (existingIds.length > 0 ? ` The previous ${existingIds.length} cases of this stream were replaced.` : ""),
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

const addSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  reference: z
    .string({ error: "Enter the case reference" })
    .trim()
    .min(1, "Enter the case reference")
    .max(40, "Enter a case reference of at most 40 characters"),
  reason: reasonSchema,
});

export async function addCaseToSample(actor: Actor, input: unknown): Promise<string> {
  const data = parse(addSchema, input);
  return changeSetup(actor, data.inspectionId, SAMPLE_OPEN, async (tx) => {
    const populationCase =
      (await tx.populationCase.findFirst({ where: { inspectionId: data.inspectionId, reference: data.reference }, select: SAMPLED_ATTRIBUTES_SELECT })) ??
      (await tx.populationCase.findFirst({
        where: { inspectionId: data.inspectionId, reference: { equals: data.reference, mode: "insensitive" } },
        select: SAMPLED_ATTRIBUTES_SELECT,
      }));
    if (!populationCase) throw fieldProblem("reference", "There is no case with this reference in the imported population");
    const existing = await tx.case.findFirst({
      where: { inspectionId: data.inspectionId, OR: [{ populationCaseId: populationCase.id }, { reference: populationCase.reference }] },
      select: { id: true, removedAt: true, removalReason: true, additionReason: true },
    });
    if (existing && existing.removedAt === null) throw fieldProblem("reference", `${populationCase.reference} is already in the sample`);
    if (existing) {
      await tx.case.update({
        where: { id: existing.id },
        data: { removedAt: null, removalReason: null, additionReason: data.reason },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "case.restored_to_sample",
        entityType: "case",
        entityId: existing.id,
        inspectionId: data.inspectionId,
        caseId: existing.id,
        before: { removedAt: existing.removedAt?.toISOString() ?? null, removalReason: existing.removalReason, additionReason: existing.additionReason },
        after: { removedAt: null, additionReason: data.reason },
      });
      return `${populationCase.reference} is back in the sample.`;
    }
    const { id: populationCaseId, ...attributes } = populationCase;
    const created = await tx.case.create({
      data: { inspectionId: data.inspectionId, populationCaseId, ...attributes, additionReason: data.reason },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "case.added_to_sample",
      entityType: "case",
      entityId: created.id,
      inspectionId: data.inspectionId,
      caseId: created.id,
      after: { reference: populationCase.reference, stream: populationCase.stream, additionReason: data.reason },
    });
    return `${populationCase.reference} added to the sample.`;
  });
}

const removeSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  caseId: z.string().refine(isUuid, "There is no such case."),
  reason: reasonSchema,
});

export async function removeCaseFromSample(actor: Actor, input: unknown): Promise<string> {
  const data = parse(removeSchema, input);
  return changeSetup(actor, data.inspectionId, SAMPLE_OPEN, async (tx) => {
    const found = await tx.case.findFirst({
      where: { id: data.caseId, inspectionId: data.inspectionId },
      select: { id: true, reference: true, removedAt: true, allocatedToId: true, status: true },
    });
    if (!found) throw new NotFoundError("There is no such case in this inspection.");
    if (found.removedAt !== null) throw new ConflictError(`${found.reference} has already been removed from the sample.`);
    const removedAt = new Date();
    await tx.case.update({
      where: { id: found.id },
      data: { removedAt, removalReason: data.reason, allocatedToId: null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "case.removed_from_sample",
      entityType: "case",
      entityId: found.id,
      inspectionId: data.inspectionId,
      caseId: found.id,
      before: { allocatedToId: found.allocatedToId, status: found.status },
      after: { removedAt: removedAt.toISOString(), removalReason: data.reason, allocatedToId: null },
    });
    return `${found.reference} removed from the sample.`;
  });
}

// --- Read model ------------------------------------------------------------------------------------

/**
 * Per stream: population, proposed size with its method (the version's split of one sample, if any),
 * last draw, proportions; and the cases.
 */
export async function samplingView(actor: Actor, inspectionId: string) {
  const { caller, inspection } = await readSetup(actor, inspectionId, { id: true, yjsName: true, status: true, frameworkVersion: true });
  const [population, cases, draws, startedCases] = await Promise.all([
    db.populationCase.findMany({
      where: { inspectionId },
      select: { reference: true, stream: true, gender: true, disposalType: true, rosh: true, safetyWellbeing: true },
    }),
    db.case.findMany({
      where: { inspectionId },
      orderBy: [{ stream: "asc" }, { reference: "asc" }],
      select: {
        id: true,
        reference: true,
        stream: true,
        disposalType: true,
        gender: true,
        rosh: true,
        safetyWellbeing: true,
        disposalDate: true,
        additionReason: true,
        removedAt: true,
        removalReason: true,
        populationCaseId: true,
        allocatedTo: { select: { name: true } },
      },
    }),
    db.sampleDraw.findMany({
      where: { inspectionId },
      orderBy: { createdAt: "desc" },
      select: { stream: true, seed: true, size: true, populationSize: true, method: true, createdAt: true, drawnBy: { select: { name: true } } },
    }),
    db.case.findMany({
      where: { inspectionId, OR: [{ answers: { some: {} } }, { evidenceItems: { some: {} } }] },
      select: { stream: true },
      distinct: ["stream"],
    }),
  ]);
  const editSetup = can(caller, "inspection.editSetup");
  const inspected = sampledStreams(inspection.frameworkVersion);
  const proposal = proposeStreamSampleSizes(
    inspection.frameworkVersion,
    Object.fromEntries(inspected.map((stream) => [stream, population.filter((row) => row.stream === stream).length])),
  );
  const streams = inspected.map((stream: Stream) => {
    const streamPopulation = population.filter((row) => row.stream === stream) as SamplingUnit[];
    const active = cases.filter((c) => c.stream === stream && c.removedAt === null);
    const fromPopulation = active.filter((c) => c.populationCaseId !== null).map((c) => c.reference);
    const started = startedCases.some((c) => c.stream === stream);
    return {
      stream,
      populationSize: streamPopulation.length,
      proposedSize: proposal.sizes[stream] ?? 0,
      sampledCount: active.length,
      lastDraw: draws.find((d) => d.stream === stream) ?? null,
      proportions: streamPopulation.length === 0 ? [] : compareProportions(streamPopulation, fromPopulation).filter((row) => row.attribute !== "stream"),
      canDraw: editSetup && inspection.status === "setup" && streamPopulation.length > 0 && !started,
      started,
    };
  });
  return {
    ...inspection,
    sampleSizeMethod: SAMPLE_SIZE_METHOD,
    /** For a version that splits one sample between streams (yjs-2018: S2's): the sample, the split's name, label and shares. */
    streamSplit: proposal.split
      ? {
          total: proposal.split.total,
          populationSize: proposal.split.populationSize,
          name: proposal.split.rule.name,
          label: proposal.split.rule.label,
          percent: { court: proposal.split.rule.courtPercent, out_of_court: 100 - proposal.split.rule.courtPercent } as Partial<Record<Stream, number>>,
        }
      : null,
    streams,
    cases: cases.map((c) => ({
      ...c,
      disposalDate: isoDate(c.disposalDate),
      removedAt: c.removedAt,
      allocatedTo: c.allocatedTo?.name ?? null,
    })),
    canChangeCases: editSetup && SAMPLE_OPEN.statuses.has(inspection.status),
    editSetup,
  };
}
