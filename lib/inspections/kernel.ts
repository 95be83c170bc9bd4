import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
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

/** The statuses in which a part of set-up may change, and the refusal once it may not. */
export interface SetupChangeWindow {
  statuses: ReadonlySet<string>;
  closed: string;
}

/** Locks the inspection row (as lockInspection), then refuses unless its status is one `window` allows. */
export async function lockInspectionIn(tx: Tx, inspectionId: string, window: SetupChangeWindow): Promise<{ frameworkVersion: string }> {
  const { status, frameworkVersion } = await lockInspection(tx, inspectionId);
  if (!window.statuses.has(status)) throw new ConflictError(window.closed);
  return { frameworkVersion };
}

/**
 * A change to an inspection's set-up by a caller who may edit it (inspection.editSetup): `change`
 * runs in one transaction after the inspection row's lock, and only while the inspection's status
 * is one `window` allows (a ConflictError with its refusal otherwise).
 */
export async function changeSetup<R>(
  actor: Actor,
  inspectionId: string,
  window: SetupChangeWindow,
  change: (tx: Tx, inspection: { caller: Caller; frameworkVersion: string }) => Promise<R>,
  options?: { timeout: number; maxWait: number },
): Promise<R> {
  const caller = await authorize(actor, inspectionId, "inspection.editSetup");
  return db.$transaction(async (tx) => {
    const { frameworkVersion } = await lockInspectionIn(tx, inspectionId, window);
    return change(tx, { caller, frameworkVersion });
  }, options);
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

/** A set-up page's read: the caller (checked as authorizeSetupRead) and the inspection's `select`ed columns. */
export async function readSetup<S extends Prisma.InspectionSelect>(actor: Actor, inspectionId: string, select: S) {
  const caller = await authorizeSetupRead(actor, inspectionId);
  const inspection = await db.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select });
  return { caller, inspection };
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
