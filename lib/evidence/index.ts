// Evidence for the judgement-rated standards: team members record strengths and areas for
// improvement against a standard's topic, with the source and date; resettlement cases add
// evidence to 4.1. The panel reads it beside its judgement; the DOCX export lists it.

import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getFramework, isFrameworkVersion, type Framework } from "@/lib/framework";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { evidenceTarget, evidenceTargets, topicLabel, type EvidenceTarget } from "./targets";
import { parse } from "@/lib/validation";
import type { InspectionStatus } from "@/lib/statuses";

export * from "./targets";

const MAX_TEXT = 4000;
const SIGNED_OFF = "The ratings are signed off, so their evidence is frozen. The lead inspector can reopen them.";

const recordSchema = z.object({
  standardId: z.string({ message: "Choose a standard" }).trim().min(1, "Choose a standard"),
  topic: z.string({ message: "Choose a topic" }).trim().min(1, "Choose a topic"),
  kind: z.enum(["strength", "area_for_improvement"], { message: "Choose whether this is a strength or an area for improvement" }),
  source: z.enum(["document", "meeting", "interview", "case"], { message: "Choose the source of the evidence" }),
  occurredOn: z
    .string({ message: "Enter the date of the evidence" })
    .trim()
    .min(1, "Enter the date of the evidence")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date of the evidence must be a real date, with a day, a month and a year of 4 numbers")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Date of the evidence must be a real date")
    .refine((v) => new Date(`${v}T00:00:00Z`).getTime() <= Date.now(), "Enter a date that is today or in the past"),
  text: z
    .string({ message: "Enter the evidence" })
    .trim()
    .min(1, "Enter the evidence")
    .max(MAX_TEXT, `Enter evidence of at most ${MAX_TEXT} characters`),
  caseId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), "Choose a resettlement case from the list"),
});

const deleteSchema = z.object({ evidenceId: z.string().refine(isUuid, "Unknown evidence item") });


async function inspectionOf(inspectionId: string): Promise<{ framework: Framework; status: InspectionStatus; yjsName: string }> {
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: { frameworkVersion: true, status: true, yjsName: true },
  });
  if (!isFrameworkVersion(inspection.frameworkVersion)) throw new NotFoundError("There is no such inspection.");
  return { framework: getFramework(inspection.frameworkVersion), status: inspection.status, yjsName: inspection.yjsName };
}

export interface EvidenceItemView {
  readonly id: string;
  readonly standardId: string;
  readonly topic: string;
  readonly topicLabel: string;
  readonly kind: "strength" | "area_for_improvement";
  readonly source: "document" | "meeting" | "interview" | "case";
  readonly occurredOn: Date;
  readonly text: string;
  readonly caseId: string | null;
  readonly caseReference: string | null;
  readonly author: string;
  readonly createdAt: Date;
  /** Whether the viewer may delete it: its author or the lead inspector, while not signed off. */
  readonly canDelete: boolean;
}

export async function recordEvidence(actor: Actor, inspectionId: string, input: unknown): Promise<{ id: string }> {
  await authorize(actor, inspectionId, "evidence.record");
  const data = parse(recordSchema, input);
  const { framework, status } = await inspectionOf(inspectionId);
  if (status === "signed_off") throw new ValidationError(SIGNED_OFF);
  const target = evidenceTarget(framework, data.standardId);
  if (!target) throw new ValidationError("There is a problem with what you entered.", { standardId: "Choose a standard rated by judgement" });
  if (!target.topics.some((t) => t.value === data.topic)) {
    throw new ValidationError("There is a problem with what you entered.", { topic: `Choose a topic of standard ${target.standard.id}` });
  }
  if (data.caseId !== null) {
    if (target.standard.id !== framework.rules.resettlementStandard) {
      throw new ValidationError("There is a problem with what you entered.", { caseId: "Only resettlement evidence can be linked to a case" });
    }
    const kase = await db.case.findFirst({
      where: { id: data.caseId, inspectionId, stream: "resettlement", removedAt: null },
      select: { id: true },
    });
    if (!kase) throw new ValidationError("There is a problem with what you entered.", { caseId: "Choose a resettlement case from the list" });
  }
  return db.$transaction(async (tx) => {
    const item = await tx.evidenceItem.create({
      data: {
        inspectionId,
        standardId: target.standard.id,
        topic: data.topic,
        kind: data.kind,
        source: data.source,
        text: data.text,
        occurredOn: new Date(`${data.occurredOn}T00:00:00Z`),
        caseId: data.caseId,
        authorId: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.recorded",
      entityType: "evidence_item",
      entityId: item.id,
      inspectionId,
      caseId: data.caseId,
      after: { standardId: target.standard.id, topic: data.topic, kind: data.kind, source: data.source, occurredOn: data.occurredOn },
    });
    return item;
  });
}

export async function deleteEvidence(actor: Actor, inspectionId: string, input: unknown): Promise<void> {
  const caller = await authorize(actor, inspectionId, "evidence.record");
  const { evidenceId } = parse(deleteSchema, input);
  const { status } = await inspectionOf(inspectionId);
  if (status === "signed_off") throw new ValidationError(SIGNED_OFF);
  await db.$transaction(async (tx) => {
    const item = await tx.evidenceItem.findFirst({
      where: { id: evidenceId, inspectionId, deletedAt: null },
      select: { id: true, authorId: true, standardId: true, topic: true, kind: true, caseId: true },
    });
    if (!item) throw new NotFoundError("There is no such evidence item.");
    if (item.authorId !== actor.id && caller.inspectionRole !== "lead_inspector") {
      throw new ForbiddenError("Only the person who recorded evidence, or the lead inspector, can delete it.");
    }
    await tx.evidenceItem.update({ where: { id: item.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "evidence.deleted",
      entityType: "evidence_item",
      entityId: item.id,
      inspectionId,
      caseId: item.caseId,
      before: { standardId: item.standardId, topic: item.topic, kind: item.kind },
    });
  });
}

export interface EvidenceFilter {
  readonly standardId?: string;
  readonly caseId?: string;
}

/** Evidence items in force (not deleted), oldest first; readers of the panel may see them. */
export async function listEvidence(actor: Actor, inspectionId: string, filter: EvidenceFilter = {}): Promise<EvidenceItemView[]> {
  const caller = await authorize(actor, inspectionId, "panel.view");
  const { framework, status } = await inspectionOf(inspectionId);
  const rows = await db.evidenceItem.findMany({
    where: {
      inspectionId,
      deletedAt: null,
      ...(filter.standardId ? { standardId: filter.standardId } : {}),
      ...(filter.caseId ? (isUuid(filter.caseId) ? { caseId: filter.caseId } : { id: { in: [] } }) : {}),
    },
    orderBy: [{ standardId: "asc" }, { occurredOn: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      standardId: true,
      topic: true,
      kind: true,
      source: true,
      occurredOn: true,
      text: true,
      caseId: true,
      authorId: true,
      createdAt: true,
      case: { select: { reference: true } },
      author: { select: { name: true } },
    },
  });
  const mayEdit = status !== "signed_off" && can(caller, "evidence.record");
  return rows.map((r) => ({
    id: r.id,
    standardId: r.standardId,
    topic: r.topic,
    topicLabel: topicLabel(framework, r.standardId, r.topic),
    kind: r.kind,
    source: r.source,
    occurredOn: r.occurredOn,
    text: r.text,
    caseId: r.caseId,
    caseReference: r.case?.reference ?? null,
    author: r.author.name,
    createdAt: r.createdAt,
    canDelete: mayEdit && (r.authorId === actor.id || caller.inspectionRole === "lead_inspector"),
  }));
}

export interface EvidencePage {
  readonly inspection: { id: string; yjsName: string; status: InspectionStatus };
  readonly targets: readonly EvidenceTarget[];
  readonly canRecord: boolean;
  /** The standard whose evidence may name a resettlement case (the version's; 4.1 in yjs-2021), or null. */
  readonly resettlementStandard: string | null;
  /** Resettlement cases of the inspection, for linking that standard's evidence to a case. */
  readonly resettlementCases: readonly { id: string; reference: string }[];
  readonly items: readonly EvidenceItemView[];
}

/** The evidence screens' data: targets, resettlement cases and the items (optionally filtered). */
export async function evidencePage(actor: Actor, inspectionId: string, filter: EvidenceFilter = {}): Promise<EvidencePage> {
  const caller = await authorize(actor, inspectionId, "panel.view");
  const { framework, status, yjsName } = await inspectionOf(inspectionId);
  if (filter.standardId && !evidenceTarget(framework, filter.standardId)) throw new NotFoundError("There is no such standard rated by judgement.");
  // Only the resettlement standard's evidence names cases: a case filter on another is ignored.
  const byCase = filter.standardId !== undefined && filter.standardId === framework.rules.resettlementStandard;
  const [items, resettlementCases] = await Promise.all([
    listEvidence(actor, inspectionId, byCase ? filter : { ...(filter.standardId ? { standardId: filter.standardId } : {}) }),
    db.case.findMany({
      where: { inspectionId, stream: "resettlement", removedAt: null },
      orderBy: { reference: "asc" },
      select: { id: true, reference: true },
    }),
  ]);
  return {
    inspection: { id: inspectionId, yjsName, status },
    targets: evidenceTargets(framework),
    canRecord: status !== "signed_off" && can(caller, "evidence.record"),
    resettlementStandard: framework.rules.resettlementStandard,
    resettlementCases,
    items,
  };
}
