import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { frameworkName } from "@/lib/framework";
import { STREAMS } from "@/lib/framework/case-attributes";
import { INSPECTION_DETAILS_SELECT } from "@/lib/inspections/details-select";
import { authorizeSetupRead, isoDate, lockInspection, sampledStreams, storedWindows } from "@/lib/inspections/kernel";
import { hasStreamWindows, windowForStream, type InspectionWindows } from "@/lib/framework/eligibility-window";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { can } from "@/lib/permissions/table";
import { parse } from "@/lib/validation";
import { populationCsvTemplate } from "./columns";
import {
  DEFAULT_MAX_BYTES,
  parsePopulationCsv,
  type ParsePopulationCsvOptions,
  type PopulationCsvError,
} from "./parse-population-csv";

// Importing the YJS's eligible population from its CSV case list (columns in ./columns.ts).
//
// Each row's disposal date is judged against the window of its stream: yjs-2021 has one window for
// every stream, yjs-2018 one for court and one for out-of-court disposals.
//
// The whole file is validated before anything is written; a file with any problem writes nothing and
// comes back with its row-level report. A valid file is imported in one transaction: all its cases
// or none. The file's SHA-256 makes re-importing the same file harmless (nothing changes, and the
// result says so). A different file replaces the population, but only while no case has been sampled
// from it: after that the sample, and the answers on it, depend on those rows.

export const MAX_POPULATION_FILE_BYTES = DEFAULT_MAX_BYTES;
const INSERT_BATCH_SIZE = 1000;

export type PopulationImportResult =
  | {
      status: "invalid";
      /** Set when the file as a whole cannot be used; then `errors` is empty. */
      fileError: string | null;
      errors: PopulationCsvError[];
      omittedErrorCount: number;
    }
  | { status: "unchanged"; rowCount: number; message: string }
  | { status: "imported"; rowCount: number; replacedRowCount: number | null; message: string };

const importSchema = z.object({
  inspectionId: z.string().refine(isUuid, "There is no such inspection."),
  fileName: z
    .string()
    .trim()
    .transform((name) => name.replace(/[\u0000-\u001F\u007F]/g, "").slice(0, 200) || "population.csv"),
  content: z.instanceof(Uint8Array, { error: "Choose a CSV file to upload" }),
});

export function sha256Of(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

function invalid(fileError: string | null, errors: PopulationCsvError[] = [], omittedErrorCount = 0): PopulationImportResult {
  return { status: "invalid", fileError, errors, omittedErrorCount };
}

/** The parser's window options for an inspection's framework version and stored windows. */
export function windowOptions(frameworkVersion: string, windows: InspectionWindows): ParsePopulationCsvOptions {
  // Rows of streams the framework does not inspect are row errors, reported with every other problem.
  const inspectedStreams = { streams: sampledStreams(frameworkVersion), frameworkName: frameworkName(frameworkVersion) };
  if (!hasStreamWindows(frameworkVersion)) return { windowStart: windows.window?.start, windowEnd: windows.window?.end, inspectedStreams };
  return { streamWindows: Object.fromEntries(STREAMS.map((stream) => [stream, windowForStream(frameworkVersion, stream, windows)])), inspectedStreams };
}

/** The CSV template for an inspection: its examples' disposal dates fall in the inspection's windows. */
export async function populationTemplateFor(actor: Actor, inspectionId: unknown): Promise<string> {
  const { id } = parse(z.object({ id: z.string().refine(isUuid, "There is no such inspection.") }), { id: inspectionId });
  await authorizeSetupRead(actor, id);
  const inspection = await db.inspection.findUniqueOrThrow({ where: { id }, select: INSPECTION_DETAILS_SELECT });
  const windows = storedWindows(inspection);
  return populationCsvTemplate(Object.fromEntries(sampledStreams(inspection.frameworkVersion).map((stream) => [stream, windowForStream(inspection.frameworkVersion, stream, windows)])));
}

export async function importPopulation(actor: Actor, input: { inspectionId: unknown; fileName: unknown; content: unknown }): Promise<PopulationImportResult> {
  const parsed = importSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(issue?.message ?? "There is a problem with the upload.", { file: issue?.message ?? "Choose a CSV file to upload" });
  }
  const { inspectionId, fileName, content } = parsed.data;
  await authorize(actor, inspectionId, "inspection.editSetup");

  if (content.byteLength === 0) return invalid("The file is empty. Use the template: a header row, then one row per case.");
  const inspection = await db.inspection.findUniqueOrThrow({
    where: { id: inspectionId },
    select: { status: true, ...INSPECTION_DETAILS_SELECT },
  });
  if (inspection.status !== "setup") throw new ConflictError("Fieldwork has started: the population can no longer change.");

  const windows = storedWindows(inspection);
  const result = parsePopulationCsv(content, { ...windowOptions(inspection.frameworkVersion, windows), maxBytes: MAX_POPULATION_FILE_BYTES });
  if (!result.ok) return invalid(result.fileError ?? null, result.errors, result.omittedErrorCount);
  const rows = result.rows;
  const sha256 = sha256Of(content);

  return db.$transaction(
    async (tx) => {
      const locked = await lockInspection(tx, inspectionId);
      if (locked.status !== "setup") throw new ConflictError("Fieldwork has started: the population can no longer change.");
      // The window may have changed since the file was checked: check again under the lock.
      const now = await tx.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: INSPECTION_DETAILS_SELECT });
      if (JSON.stringify(storedWindows(now)) !== JSON.stringify(windows) || now.frameworkVersion !== inspection.frameworkVersion) {
        throw new ConflictError("The inspection's window or framework changed while the file was being checked. Upload it again.");
      }

      const current = await tx.populationImport.findMany({
        where: { inspectionId },
        orderBy: { createdAt: "desc" },
        select: { id: true, sha256: true, rowCount: true, fileName: true },
      });
      const latest = current[0];
      if (latest && latest.sha256 === sha256) {
        return {
          status: "unchanged" as const,
          rowCount: latest.rowCount,
          message: `This file is already the imported population (${latest.rowCount} cases). Nothing was changed.`,
        };
      }
      if (latest) {
        const sampled = await tx.case.count({ where: { inspectionId, populationCaseId: { not: null } } });
        if (sampled > 0) {
          throw new ConflictError(
            `A sample of ${sampled} cases has already been drawn from the imported population, so it cannot be replaced. ` +
              "Add or remove individual cases on the sample page instead, each with a reason.",
          );
        }
        // Deleting the imports deletes their population cases (ON DELETE CASCADE).
        await tx.populationImport.deleteMany({ where: { inspectionId } });
      }
      const replacedRowCount = latest ? current.reduce((sum, item) => sum + item.rowCount, 0) : null;

      const populationImport = await tx.populationImport.create({
        data: { inspectionId, fileName, sha256, rowCount: rows.length, importedById: actor.id },
        select: { id: true },
      });
      for (let start = 0; start < rows.length; start += INSERT_BATCH_SIZE) {
        await tx.populationCase.createMany({
          data: rows.slice(start, start + INSERT_BATCH_SIZE).map((row) => ({
            inspectionId,
            importId: populationImport.id,
            reference: row.reference,
            stream: row.stream,
            disposalType: row.disposalType,
            disposalDate: new Date(row.disposalDate),
            gender: row.gender,
            ethnicity: row.ethnicity,
            age: row.age,
            rosh: row.rosh,
            safetyWellbeing: row.safetyWellbeing,
            caseManager: row.caseManager,
          })),
        });
      }
      // The audit record holds the file's identity and counts, never its rows.
      const event = { actorId: actor.id, entityType: "population_import", entityId: populationImport.id, inspectionId } as const;
      const after = { fileName, sha256, rowCount: rows.length };
      await recordAudit(
        tx,
        latest
          ? {
              ...event,
              action: "population.replaced",
              before: { importId: latest.id, fileName: latest.fileName, sha256: latest.sha256, rowCount: replacedRowCount },
              after,
            }
          : { ...event, action: "population.imported", before: null, after },
      );
      return {
        status: "imported" as const,
        rowCount: rows.length,
        replacedRowCount,
        message: latest
          ? `Imported ${rows.length} cases from ${fileName}, replacing the previous population of ${replacedRowCount} cases.`
          : `Imported ${rows.length} cases from ${fileName}.`,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The population page: the inspection's window and the imported file with counts per stream. */
export async function populationView(actor: Actor, inspectionId: string) {
  const caller = await authorizeSetupRead(actor, inspectionId);
  const [inspection, latest, byStream] = await Promise.all([
    db.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: { id: true, status: true, ...INSPECTION_DETAILS_SELECT },
    }),
    db.populationImport.findFirst({
      where: { inspectionId },
      orderBy: { createdAt: "desc" },
      select: { fileName: true, rowCount: true, sha256: true, createdAt: true, importedBy: { select: { name: true } } },
    }),
    db.populationCase.groupBy({ by: ["stream"], where: { inspectionId }, _count: { _all: true } }),
  ]);
  const sampled = await db.case.count({ where: { inspectionId, populationCaseId: { not: null } } });
  return {
    ...inspection,
    windowStart: isoDate(inspection.windowStart),
    windowEnd: isoDate(inspection.windowEnd),
    oocWindowStart: isoDate(inspection.oocWindowStart),
    oocWindowEnd: isoDate(inspection.oocWindowEnd),
    /** yjs-2018: windowStart/windowEnd are the court disposal window, oocWindow* the out-of-court one. */
    streamWindows: hasStreamWindows(inspection.frameworkVersion),
    streams: sampledStreams(inspection.frameworkVersion),
    latest,
    byStream: byStream.map((group) => ({ stream: group.stream, count: group._count._all })),
    sampled,
    canImport: can(caller, "inspection.editSetup") && inspection.status === "setup",
    canEdit: can(caller, "inspection.editSetup"),
  };
}
