import { z } from "zod";
import { type Tx } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { STREAMS, type Stream } from "@/lib/framework/case-attributes";
import { getFramework, isFrameworkVersion } from "@/lib/framework";
import { authorize, isUuid, type Actor } from "@/lib/permissions/access";
import { type Caller } from "@/lib/permissions/table";
import { type EligibilityWindow, type InspectionWindows } from "@/lib/framework/eligibility-window";

// The inspection kernel the set-up use cases share with the population import (lib/population) and
// the sample and allocation services (lib/sampling): the inspection row's lock, who may read set-up,
// which streams a framework version samples, and the stored windows.
//
// - Every set-up change locks the inspection row first, so changes from several app instances to
//   one inspection happen one after another.

/** Field-level refusal: the message is both the summary and the field's error. */
export function fieldProblem(field: string, message: string): ValidationError {
  return new ValidationError(message, { [field]: message });
}

export function isoDate(date: Date): string;
export function isoDate(date: Date | null): string | null;
export function isoDate(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

/** The case streams a framework version inspects (its definition's rules). */
export function sampledStreams(frameworkVersion: string): readonly Stream[] {
  return isFrameworkVersion(frameworkVersion) ? getFramework(frameworkVersion).rules.streams : STREAMS;
}

/** A uuid field, refused with `message`. */
export const uuid = (message: string) => z.string().refine(isUuid, message);

/** Locks the inspection row for the rest of the transaction; NotFoundError if there is none. */
export async function lockInspection(
  tx: Tx,
  inspectionId: string,
): Promise<{ status: "setup" | "fieldwork" | "panel" | "signed_off"; frameworkVersion: string }> {
  const rows = await tx.$queryRaw<{ status: "setup" | "fieldwork" | "panel" | "signed_off"; framework_version: string }[]>`
    SELECT status::text AS status, framework_version FROM inspections WHERE id = ${inspectionId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError("There is no such inspection.");
  return { status: row.status, frameworkVersion: row.framework_version };
}

/**
 * Reading set-up (team, population, sample, allocation): managers and the inspection's members.
 * Admins can see that an inspection exists (inspection.view) but not its cases.
 */
export async function authorizeSetupRead(actor: Actor, inspectionId: string): Promise<Caller> {
  const caller = await authorize(actor, inspectionId, "inspection.view");
  if (caller.role !== "manager" && caller.inspectionRole === null) throw new ForbiddenError();
  return caller;
}

/** An inspection's stored windows, from its date columns. */
export function storedWindows(inspection: {
  windowStart: Date | null;
  windowEnd: Date | null;
  oocWindowStart: Date | null;
  oocWindowEnd: Date | null;
}): InspectionWindows {
  const of = (start: Date | null, end: Date | null): EligibilityWindow | null =>
    start !== null && end !== null ? { start: isoDate(start), end: isoDate(end) } : null;
  return { window: of(inspection.windowStart, inspection.windowEnd), oocWindow: of(inspection.oocWindowStart, inspection.oocWindowEnd) };
}
