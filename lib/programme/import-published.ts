// Past published inspections as the programme's reference data: the report's figures in the rating
// contract's JSON (shared/framework/rating-contract.md, as lib/rating/golden/*.json), rated by the
// same engine (lib/rating), stored as a read-only published inspection with its programme figures
// and an audit event, in one transaction. A published inspection has no cases, team or panel, and
// lives in its own table, so no entry point that opens or changes an inspection can reach it.

import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { programmeFiguresOf, recordProgrammeFigures } from "@/lib/panel/programme-figures";
import { authorizeGlobal, type Actor } from "@/lib/permissions/access";
import { rateJson, rateJsonText, type RatingResult } from "@/lib/rating";
import { parse } from "@/lib/validation";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written yyyy-mm-dd, as UTC midnight; null otherwise. */
function calendarDate(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/** Figures files are a few kilobytes (the golden reports are under 2 KB); the /api/rate cap. */
const MAX_FIGURES_BYTES = 64 * 1024;

const importSchema = z.object({
  name: z
    .string({ message: "Enter the name of the youth justice service" })
    .trim()
    .min(1, "Enter the name of the youth justice service")
    .max(200, "Enter a name of at most 200 characters")
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Enter the name without control characters"),
  fieldworkDate: z
    .string({ message: "Enter the date fieldwork started" })
    .trim()
    .min(1, "Enter the date fieldwork started")
    .refine((s) => calendarDate(s) !== null, "Enter the date fieldwork started as a real date, year-month-day (2024-01-22)"),
  /** The contract's JSON as text (a file's content) or already parsed. */
  figures: z.union([
    z.string().refine((text) => Buffer.byteLength(text, "utf8") <= MAX_FIGURES_BYTES, `The figures file must be at most ${MAX_FIGURES_BYTES / 1024} KB`),
    z.record(z.string(), z.unknown()),
  ], { message: "Give the published figures as the rating contract's JSON" }),
});

export interface PublishedImport {
  readonly id: string;
  readonly name: string;
  readonly fieldworkStart: Date;
  readonly result: RatingResult;
}

function rate(figures: string | Record<string, unknown>): { result: RatingResult; input: unknown; text: string } {
  const text = typeof figures === "string" ? figures : JSON.stringify(figures);
  const outcome = typeof figures === "string" ? rateJsonText(figures) : rateJson(figures);
  if (!outcome.ok) {
    const { code, message, path } = outcome.error.error;
    const detail = `${message}${path && path !== "$" ? ` (at ${path})` : ""}`;
    throw new ValidationError(`The rating engine refuses these figures (${code}): ${detail}`, { figures: detail });
  }
  if (!outcome.result.complete) {
    const message = `A published inspection has every scored standard rated; these have no figures or judgement: ${outcome.result.missing.join(", ")}`;
    throw new ValidationError(message, { figures: message });
  }
  return { result: outcome.result, input: typeof figures === "string" ? JSON.parse(figures) : figures, text };
}

/**
 * Records a published inspection: `input` is { name, fieldworkDate (yyyy-mm-dd), figures }.
 * `importedById` is null for an operator at the command line or the demo seed. Refuses, with a
 * message for the field: a bad name or date, a fieldwork date in the future, figures the rating
 * engine refuses (its own message and JSON path), figures that leave a scored standard unrated, and
 * a service already imported with the same fieldwork date.
 */
export async function recordPublishedInspection(input: unknown, importedById: string | null, now = new Date()): Promise<PublishedImport> {
  const { name, fieldworkDate, figures } = parse(importSchema, input);
  const fieldworkStart = calendarDate(fieldworkDate)!;
  if (fieldworkStart.getTime() > now.getTime()) {
    throw new ValidationError("A published inspection's fieldwork has happened.", { fieldworkDate: "Enter a fieldwork date that is not in the future" });
  }
  const { result, input: ratingInput, text } = rate(figures);
  const sha256 = createHash("sha256").update(text).digest("hex");
  const duplicate = `${name} with fieldwork starting ${fieldworkDate} is already in the programme`;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.publishedInspection.findUnique({ where: { yjsName_fieldworkStart: { yjsName: name, fieldworkStart } }, select: { id: true } });
      if (existing) throw new ValidationError(`${duplicate}.`, { name: duplicate });
      const published = await tx.publishedInspection.create({
        data: {
          yjsName: name,
          frameworkVersion: result.framework,
          fieldworkStart,
          ratingInput: ratingInput as Prisma.InputJsonValue,
          sourceSha256: sha256,
          importedById,
        },
        select: { id: true },
      });
      await recordProgrammeFigures(tx, { publishedInspectionId: published.id }, programmeFiguresOf(result));
      await recordAudit(tx, {
        actorId: importedById,
        action: "programme.published_imported",
        entityType: "published_inspection",
        entityId: published.id,
        after: {
          yjsName: name,
          frameworkVersion: result.framework,
          fieldworkStart: fieldworkDate,
          sha256,
          score: result.score,
          overallRating: result.overallRating,
        },
      });
      return { id: published.id, name, fieldworkStart, result };
    });
  } catch (error) {
    // Two imports of the same report at once: the unique constraint refuses the second.
    if ((error as { code?: string }).code === "P2002") throw new ValidationError(`${duplicate}.`, { name: duplicate });
    throw error;
  }
}

/** A manager or administrator imports a published inspection (the upload page's use case). */
export async function importPublishedInspection(actor: Actor, input: unknown): Promise<PublishedImport> {
  authorizeGlobal(actor, "programme.import");
  return recordPublishedInspection(input, actor.id);
}
