import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { STREAMS, STREAM_LABELS, type Stream } from "@/lib/framework/case-attributes";
import { authorizeSetupRead, fieldProblem, isoDate, lockInspection, sampledStreams } from "@/lib/inspections/kernel";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { SAMPLE_SIZE_METHOD } from "./sample-size";
import { compareProportions, drawSampleByStream, type SamplingUnit } from "./stratified-draw";
import { proposeStreamSampleSizes, YJS_2018_STREAM_SPLIT_LABEL } from "./stream-sizes";
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

const SEED_PATTERN = /^[\x21-\x7E]{1,64}$/;
const CHANGEABLE_SAMPLE_STATUSES = new Set(["setup", "fieldwork"]);


const drawSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  stream: z.enum(STREAMS, { error: "Choose a stream" }),
  size: z
    .string({ error: "Enter the number of cases to sample" })
    .trim()
    .min(1, "Enter the number of cases to sample")
    .regex(/^\d{1,6}$/, "Enter the number of cases to sample as a whole number")
    .transform(Number)
    .refine((size) => size >= 1, "Enter a sample size of at least 1"),
  seed: z
    .string()
    .trim()
    .default("")
    .refine((seed) => seed === "" || SEED_PATTERN.test(seed), "Enter a seed of up to 64 letters, digits or symbols, without spaces"),
  /** The lead's explicit "yes, discard the current sample" (the form's confirmation box); a first draw needs none. */
  confirmRedraw: z.boolean().default(false),
});

const reasonSchema = z
  .string({ error: "Enter the reason" })
  .trim()
  .min(1, "Enter the reason")
  .max(500, "Enter a reason of at most 500 characters");

/** A fresh random seed: 16 hex digits, short enough to copy into a report. */
export function randomSeed(): string {
  return randomBytes(8).toString("hex");
}

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
  await authorize(actor, data.inspectionId, "inspection.editSetup");
  const seed = data.seed === "" ? randomSeed() : data.seed;
  const label = STREAM_LABELS[data.stream].toLowerCase();

  return db.$transaction(
    async (tx) => {
      const { status, frameworkVersion } = await lockInspection(tx, data.inspectionId);
      if (status !== "setup") {
        throw new ConflictError("Fieldwork has started, so the sample cannot be redrawn. Add or remove cases one at a time, with a reason.");
      }
      if (!sampledStreams(frameworkVersion).includes(data.stream)) {
        throw fieldProblem("stream", `The ${frameworkVersion} framework does not inspect ${label} cases`);
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
          .map((row) => ({
            inspectionId: data.inspectionId,
            populationCaseId: row.id,
            reference: row.reference,
            stream: row.stream,
            disposalType: row.disposalType,
            disposalDate: row.disposalDate,
            gender: row.gender,
            ethnicity: row.ethnicity,
            age: row.age,
            rosh: row.rosh,
            safetyWellbeing: row.safetyWellbeing,
          })),
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
  await authorize(actor, data.inspectionId, "inspection.editSetup");
  return db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, data.inspectionId);
    if (!CHANGEABLE_SAMPLE_STATUSES.has(status)) throw new ConflictError("The sample can no longer change: the ratings panel has begun.");
    const populationCase =
      (await tx.populationCase.findFirst({ where: { inspectionId: data.inspectionId, reference: data.reference } })) ??
      (await tx.populationCase.findFirst({
        where: { inspectionId: data.inspectionId, reference: { equals: data.reference, mode: "insensitive" } },
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
    const created = await tx.case.create({
      data: {
        inspectionId: data.inspectionId,
        populationCaseId: populationCase.id,
        reference: populationCase.reference,
        stream: populationCase.stream,
        disposalType: populationCase.disposalType,
        disposalDate: populationCase.disposalDate,
        gender: populationCase.gender,
        ethnicity: populationCase.ethnicity,
        age: populationCase.age,
        rosh: populationCase.rosh,
        safetyWellbeing: populationCase.safetyWellbeing,
        additionReason: data.reason,
      },
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
  await authorize(actor, data.inspectionId, "inspection.editSetup");
  return db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, data.inspectionId);
    if (!CHANGEABLE_SAMPLE_STATUSES.has(status)) throw new ConflictError("The sample can no longer change: the ratings panel has begun.");
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
 * Per stream: population, proposed size with its method (yjs-2018: S2's 60/40 split of one sample),
 * last draw, proportions; and the cases.
 */
export async function samplingView(actor: Actor, inspectionId: string) {
  const caller = await authorizeSetupRead(actor, inspectionId);
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: { id: true, yjsName: true, status: true, frameworkVersion: true },
  });
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
    /** yjs-2018: the one sample S2's split was taken from, with the split's label. */
    streamSplit: proposal.split ? { ...proposal.split, label: YJS_2018_STREAM_SPLIT_LABEL } : null,
    streams,
    cases: cases.map((c) => ({
      ...c,
      disposalDate: isoDate(c.disposalDate),
      removedAt: c.removedAt,
      allocatedTo: c.allocatedTo?.name ?? null,
    })),
    canChangeCases: editSetup && CHANGEABLE_SAMPLE_STATUSES.has(inspection.status),
    editSetup,
  };
}
