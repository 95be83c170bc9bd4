import "server-only";
import { db } from "@/lib/db/client";
import { findStandard, getFramework, isFrameworkVersion, standardsForStream, streamsWithKeyQuestions } from "@/lib/framework";
import { DISPOSAL_TYPES, DISPOSAL_TYPE_LABELS, type DisposalType, type Stream } from "@/lib/framework/case-attributes";
import { authorize, type Actor } from "@/lib/permissions/access";
import { caseContext, LOCKED_CASE_MESSAGE, SIGNED_OFF_MESSAGE } from "./access";
import { rationaleNorm } from "./consistency";
import { describeEvent, type TimelineEntry } from "./timeline";
import { SAMPLED_ATTRIBUTES_SELECT } from "@/lib/population/population-row";
import type { CaseStatus } from "@/lib/statuses";
import { APPLICABILITY_SELECT } from "./applicability-select";
import { CASE_FIELD_NAMES, type CaseFieldName } from "./case-fields";
import type { Scalar } from "@/lib/flat-fields";

// Read models of the case screens: the cases list / grid, the case page, the case history.

export type SectionProgress = "not_started" | "in_progress" | "completed";

export interface CaseRow {
  id: string;
  reference: string;
  stream: Stream;
  status: CaseStatus;
  allocatedTo: { id: string; name: string } | null;
  mine: boolean;
  openQueries: number;
  /** When an edit first returned this completed case to in progress (ISO); null once the lead approves. */
  changedAfterCompletionAt: string | null;
  /** Standard id → progress; empty for resettlement cases (evidence, no key questions). */
  progress: Record<string, SectionProgress>;
}

export async function listCases(actor: Actor, inspectionId: string) {
  const caller = await authorize(actor, inspectionId, "cases.read");
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: { id: true, yjsName: true, frameworkVersion: true, status: true },
  });
  if (!isFrameworkVersion(inspection.frameworkVersion)) throw new Error(`Unknown framework version ${inspection.frameworkVersion}`);
  const fw = getFramework(inspection.frameworkVersion);
  const cases = await db.case.findMany({
    where: { inspectionId, removedAt: null },
    orderBy: { reference: "asc" },
    select: {
      id: true,
      reference: true,
      stream: true,
      status: true,
      changedAfterCompletionAt: true,
      allocatedTo: { select: { id: true, name: true } },
      sections: { select: { standardId: true } },
      answers: { where: { OR: [{ value: { not: null } }, { rationale: { not: "" } }] }, select: { questionId: true } },
      _count: { select: { queries: { where: { status: "open" } } } },
    },
  });
  const rows: CaseRow[] = cases.map((c) => {
    const progress: Record<string, SectionProgress> = {};
    for (const standard of standardsForStream(fw, c.stream)) {
      progress[standard.id] = c.sections.some((s) => s.standardId === standard.id)
        ? "completed"
        : c.answers.some((a) => a.questionId.startsWith(`${standard.id}.`))
          ? "in_progress"
          : "not_started";
    }
    return {
      id: c.id,
      reference: c.reference,
      stream: c.stream,
      status: c.status,
      allocatedTo: c.allocatedTo,
      mine: c.allocatedTo?.id === actor.id,
      openQueries: c._count.queries,
      changedAfterCompletionAt: c.changedAfterCompletionAt?.toISOString() ?? null,
      progress,
    };
  });
  const streams = streamsWithKeyQuestions(fw).map((stream) => ({
    stream,
    standards: standardsForStream(fw, stream).map((s) => ({ id: s.id, title: s.title })),
  }));
  return {
    inspection,
    rows,
    streams,
    /** The judged standard whose evidence a resettlement case illustrates (the version's), or null. */
    resettlementStandard: fw.rules.resettlementStandard,
    /** Leads and managers see the whole grid first; inspectors their own cases first. */
    seesGridFirst: caller.inspectionRole === "lead_inspector" || caller.role === "manager",
  };
}

export type CaseListing = Awaited<ReturnType<typeof listCases>>;

export async function loadCasePage(actor: Actor, inspectionId: string, caseId: string) {
  const ctx = await caseContext(actor, caseId, inspectionId);
  const kase = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      ...SAMPLED_ATTRIBUTES_SELECT,
      ...APPLICABILITY_SELECT,
      caseManagerInterviewed: true,
      caseManagerInterviewDate: true,
      overallNotes: true,
      status: true,
      version: true,
      changedAfterCompletionAt: true,
      changedAfterCompletionBy: { select: { name: true } },
      allocatedTo: { select: { id: true, name: true } },
      inspection: {
        select: { id: true, yjsName: true, frameworkVersion: true, status: true, signOffs: { where: { voidedAt: null }, select: { id: true }, take: 1 } },
      },
      sections: { select: { standardId: true, completedAt: true } },
      answers: {
        select: {
          questionId: true,
          value: true,
          naReason: true,
          rationale: true,
          promptMarks: true,
          version: true,
          updatedAt: true,
          updatedBy: { select: { name: true } },
        },
      },
      queries: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          questionId: true,
          status: true,
          createdAt: true,
          messages: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
        },
      },
    },
  });
  const signedOff = kase.inspection.status === "signed_off" || kase.inspection.signOffs.length > 0;
  const locked = kase.status === "approved" || signedOff;
  const fw = ctx.framework;

  // The allocated inspector's norm for the "much shorter rationale" hint, across the inspection.
  const normOf = kase.allocatedTo?.id ?? actor.id;
  const lengths = await db.$queryRaw<{ length: number }[]>`
    SELECT length(btrim(a.rationale))::int AS length
    FROM answers a JOIN cases c ON c.id = a.case_id
    WHERE c.inspection_id = ${ctx.inspectionId}::uuid AND a.updated_by = ${normOf}::uuid AND a.rationale <> ''`;

  const answers = new Map(kase.answers.map((a) => [a.questionId, a]));
  const sections = standardsForStream(fw, kase.stream).map((standard) => {
    const mark = kase.sections.find((s) => s.standardId === standard.id);
    return {
      id: standard.id,
      title: standard.title,
      statement: standard.statement,
      completedAt: mark ? mark.completedAt.toISOString() : null,
      questions: standard.keyQuestions.map((kq) => {
        const answer = answers.get(kq.id);
        return {
          id: kq.id,
          text: kq.text,
          prompts: [...kq.prompts],
          notApplicableAllowed: kq.notApplicableAllowed,
          guidance: kq.guidance ?? null,
          // Whether it applies is decided on the page from the case's fields as shown (question-card.tsx).
          standardId: kq.standardId,
          appliesTo: kq.appliesTo,
          answer: answer
            ? {
                value: answer.value,
                naReason: answer.naReason,
                rationale: answer.rationale,
                promptMarks: (answer.promptMarks ?? {}) as Record<string, "met" | "not_met">,
                version: answer.version,
                updatedByName: answer.version > 0 ? answer.updatedBy.name : null,
                updatedAt: answer.version > 0 ? answer.updatedAt.toISOString() : null,
              }
            : null,
        };
      }),
    };
  });
  const disposalOptions = (DISPOSAL_TYPES[kase.stream] as readonly DisposalType[]).map((value) => ({ value, label: DISPOSAL_TYPE_LABELS[value] }));
  const illustrated = fw.rules.resettlementStandard;
  const resettlementStandard = kase.stream === "resettlement" && illustrated ? findStandard(fw, illustrated) : undefined;

  const caseModel = {
    id: kase.id,
    reference: kase.reference,
    stream: kase.stream,
    disposalType: kase.disposalType,
    disposalDate: kase.disposalDate?.toISOString().slice(0, 10) ?? null,
    gender: kase.gender,
    ethnicity: kase.ethnicity,
    age: kase.age,
    rosh: kase.rosh,
    safetyWellbeing: kase.safetyWellbeing,
    harmFactors: kase.harmFactors,
    safetyWellbeingFactors: kase.safetyWellbeingFactors,
    caseManagerInterviewed: kase.caseManagerInterviewed,
    caseManagerInterviewDate: kase.caseManagerInterviewDate?.toISOString().slice(0, 10) ?? null,
    overallNotes: kase.overallNotes,
    status: kase.status,
    version: kase.version,
    changedAfterCompletion: kase.changedAfterCompletionAt
      ? { at: kase.changedAfterCompletionAt.toISOString(), byName: kase.changedAfterCompletionBy?.name ?? null }
      : null,
    allocatedTo: kase.allocatedTo,
  };
  return {
    me: { id: actor.id },
    inspection: { id: kase.inspection.id, yjsName: kase.inspection.yjsName, frameworkVersion: fw.version, signedOff },
    case: caseModel,
    /**
     * The fields an inspector records or corrects, by name, as the page's store keeps them: built here
     * so that the browser needs no list of them (lib/cases/case-fields.ts holds their columns too).
     */
    caseFields: Object.fromEntries(CASE_FIELD_NAMES.map((name) => [name, caseModel[name]])) as Record<CaseFieldName, Scalar>,
    /** Which factor judgements this version's key questions depend on (yjs-2018 only). */
    factorJudgements: {
      harmFactors: standardsForStream(fw, kase.stream).some((s) => s.keyQuestions.some((kq) => kq.appliesTo.requires === "harm_factors")),
      safetyWellbeingFactors: standardsForStream(fw, kase.stream).some((s) =>
        s.keyQuestions.some((kq) => kq.appliesTo.requires === "safety_wellbeing_factors"),
      ),
    },
    sections,
    queries: kase.queries.map((q) => ({
      id: q.id,
      questionId: q.questionId,
      status: q.status,
      createdAt: q.createdAt.toISOString(),
      messages: q.messages.map((m) => ({ id: m.id, body: m.body, authorName: m.author.name, createdAt: m.createdAt.toISOString() })),
    })),
    disposalOptions,
    resettlement: resettlementStandard
      ? {
          standardId: resettlementStandard.id,
          evidenceHref: `/inspections/${ctx.inspectionId}/evidence/${resettlementStandard.id}?case=${kase.id}`,
          topics: [...resettlementStandard.evidenceTopics],
        }
      : null,
    rights: {
      canAnswer: ctx.canAnswer && !locked,
      canQualityAssure: ctx.canQualityAssure && !signedOff,
      locked,
      lockMessage: signedOff ? SIGNED_OFF_MESSAGE : kase.status === "approved" ? LOCKED_CASE_MESSAGE : null,
      readOnlyReason: ctx.canAnswer
        ? null
        : "You can read this case but not change it: only its allocated inspector and the lead inspector can.",
    },
    rationaleNorm: rationaleNorm(lengths.map((l) => l.length)),
  };
}

export type CasePageModel = Awaited<ReturnType<typeof loadCasePage>>;

export async function caseTimeline(actor: Actor, inspectionId: string, caseId: string) {
  const ctx = await caseContext(actor, caseId, inspectionId);
  const kase = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { reference: true, inspection: { select: { yjsName: true } } },
  });
  const events = await db.auditEvent.findMany({
    where: { caseId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true } } },
  });
  const entries: TimelineEntry[] = events.map((e) =>
    describeEvent(ctx.framework, {
      id: e.id.toString(),
      at: e.at.toISOString(),
      actorName: e.actor?.name ?? "System",
      action: e.action,
      before: e.before,
      after: e.after,
    }),
  );
  return { reference: kase.reference, yjsName: kase.inspection.yjsName, entries };
}
