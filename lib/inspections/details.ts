import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { type Stream } from "@/lib/framework/case-attributes";
import { frameworkName, isFrameworkVersion, type FrameworkVersion } from "@/lib/framework";
import { INSPECTION_DETAILS_SELECT } from "@/lib/inspections/details-select";
import { authorize, authorizeGlobal, type Actor } from "@/lib/permissions/access";
import {
  hasStreamWindows,
  isRealIsoDate,
  proposeInspectionWindows,
  windowForStream,
  type EligibilityWindow,
  type InspectionWindows,
} from "@/lib/framework/eligibility-window";
import { parse } from "@/lib/validation";
import { fieldProblem, isoDate, lockInspection, sampledStreams, storedWindows, uuid } from "./kernel";

// An inspection's details and eligibility windows: creating it, and changing them during set-up.
//
// - The framework, fieldwork date and windows change only during set-up; the name until sign-off.
// - A version has one eligibility window, or one for court and one for out-of-court disposals, as
//   its declaration says (lib/framework/eligibility-window.ts). A window left blank is stored as the proposal.

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isRealIsoDate(value), `Enter the ${label} as a real date`)
    .transform((value) => (value === "" ? null : value));

const detailsSchema = z
  .object({
    yjsName: z
      .string({ error: "Enter the name of the youth justice service" })
      .trim()
      .min(1, "Enter the name of the youth justice service")
      .max(150, "Enter a name of at most 150 characters"),
    // Any declared version (lib/framework's registry), not a list written here.
    frameworkVersion: z.custom<FrameworkVersion>(isFrameworkVersion, { error: "Choose the framework version" }),
    fieldworkStart: z
      .string({ error: "Enter the date fieldwork starts" })
      .trim()
      .min(1, "Enter the date fieldwork starts")
      .refine(isRealIsoDate, "Enter the date fieldwork starts as a real date")
      .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", "Enter a fieldwork start date between 2000 and 2100"),
    windowStart: optionalDate("start of the eligibility window").default(null),
    windowEnd: optionalDate("end of the eligibility window").default(null),
    /** Only for a version with an out-of-court window; ignored for the others. */
    oocWindowStart: optionalDate("start of the out-of-court disposal eligibility window").default(null),
    oocWindowEnd: optionalDate("end of the out-of-court disposal eligibility window").default(null),
  })
  .superRefine((data, ctx) => {
    const streamWindows = hasStreamWindows(data.frameworkVersion);
    const check = (start: string | null, end: string | null, fields: [string, string], name: string) => {
      if ((start === null) !== (end === null)) {
        ctx.addIssue({ code: "custom", path: [start === null ? fields[0] : fields[1]], message: `Enter both dates of the ${name}, or neither` });
      } else if (start !== null && end !== null) {
        if (start > end) {
          ctx.addIssue({ code: "custom", path: [fields[1]], message: `The ${name} must end on or after the day it starts` });
        } else if (end >= data.fieldworkStart) {
          ctx.addIssue({ code: "custom", path: [fields[1]], message: `The ${name} must end before fieldwork starts` });
        }
      }
    };
    check(data.windowStart, data.windowEnd, ["windowStart", "windowEnd"], streamWindows ? "court disposal eligibility window" : "eligibility window");
    if (streamWindows) {
      check(data.oocWindowStart, data.oocWindowEnd, ["oocWindowStart", "oocWindowEnd"], "out-of-court disposal eligibility window");
    }
  });

type Details = z.infer<typeof detailsSchema>;

/** The windows to store: each as entered, or the proposal where left blank. */
function windowsOf(details: Details): InspectionWindows & { proposed: { window: boolean; oocWindow: boolean } } {
  const proposal = proposeInspectionWindows(details.frameworkVersion, details.fieldworkStart);
  const entered = (start: string | null, end: string | null): EligibilityWindow | null =>
    start !== null && end !== null ? { start, end } : null;
  const window = entered(details.windowStart, details.windowEnd);
  const oocWindow = hasStreamWindows(details.frameworkVersion) ? entered(details.oocWindowStart, details.oocWindowEnd) : null;
  const proposeOoc = hasStreamWindows(details.frameworkVersion) && oocWindow === null;
  return {
    window: window ?? proposal?.window ?? null,
    oocWindow: proposeOoc ? (proposal?.oocWindow ?? null) : oocWindow,
    proposed: { window: window === null, oocWindow: proposeOoc },
  };
}

/** The windows of each column as audited: YYYY-MM-DD or null. */
function windowsJson(windows: InspectionWindows) {
  return {
    windowStart: windows.window?.start ?? null,
    windowEnd: windows.window?.end ?? null,
    oocWindowStart: windows.oocWindow?.start ?? null,
    oocWindowEnd: windows.oocWindow?.end ?? null,
  };
}

function windowColumns(windows: InspectionWindows) {
  const date = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));
  return {
    windowStart: date(windows.window?.start),
    windowEnd: date(windows.window?.end),
    oocWindowStart: date(windows.oocWindow?.start),
    oocWindowEnd: date(windows.oocWindow?.end),
  };
}

export async function createInspection(actor: Actor, input: unknown): Promise<{ id: string; yjsName: string }> {
  authorizeGlobal(actor, "inspection.create");
  const details = parse(detailsSchema, input);
  const windows = windowsOf(details);
  return db.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        ...windowColumns(windows),
        createdById: actor.id,
      },
      select: { id: true, yjsName: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inspection.created",
      entityType: "inspection",
      entityId: inspection.id,
      inspectionId: inspection.id,
      after: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: details.fieldworkStart,
        ...windowsJson(windows),
        windowProposed: windows.proposed.window,
        ...(hasStreamWindows(details.frameworkVersion) ? { oocWindowProposed: windows.proposed.oocWindow } : {}),
      },
    });
    return inspection;
  });
}

export async function updateInspectionDetails(actor: Actor, input: unknown): Promise<void> {
  const { inspectionId } = parse(z.object({ inspectionId: uuid("There is no such inspection.") }), input);
  await authorize(actor, inspectionId, "inspection.editSetup");
  const details = parse(detailsSchema, input);
  const windows = windowsOf(details);
  await db.$transaction(async (tx) => {
    const { status } = await lockInspection(tx, inspectionId);
    const before = await tx.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: INSPECTION_DETAILS_SELECT,
    });
    const beforeJson = {
      yjsName: before.yjsName,
      frameworkVersion: before.frameworkVersion,
      fieldworkStart: isoDate(before.fieldworkStart),
      ...windowsJson(storedWindows(before)),
    };
    const afterJson = {
      yjsName: details.yjsName,
      frameworkVersion: details.frameworkVersion,
      fieldworkStart: details.fieldworkStart,
      ...windowsJson(windows),
    };
    if (status === "signed_off") throw new ConflictError("The inspection is signed off; its details can no longer change.");
    const windowsChanged = (["windowStart", "windowEnd", "oocWindowStart", "oocWindowEnd"] as const).some(
      (key) => afterJson[key] !== beforeJson[key],
    );
    const datesChanged =
      afterJson.frameworkVersion !== beforeJson.frameworkVersion || afterJson.fieldworkStart !== beforeJson.fieldworkStart || windowsChanged;
    if (!datesChanged && afterJson.yjsName === beforeJson.yjsName) return;
    if (datesChanged && status !== "setup") {
      throw new ConflictError("Fieldwork has started: only the name can change now, not the framework, the dates or the windows.");
    }
    if (afterJson.frameworkVersion !== beforeJson.frameworkVersion) {
      const cases = await tx.case.count({ where: { inspectionId } });
      if (cases > 0) {
        throw fieldProblem("frameworkVersion", "The framework cannot change once cases have been sampled: the sample was drawn for this framework");
      }
      const resettlementCases = sampledStreams(details.frameworkVersion).includes("resettlement")
        ? 0
        : await tx.populationCase.count({ where: { inspectionId, stream: "resettlement" } });
      if (resettlementCases > 0) {
        throw fieldProblem(
          "frameworkVersion",
          `The imported population has ${resettlementCases} resettlement cases, which the ${frameworkName(details.frameworkVersion)} does not inspect; import a population without them first`,
        );
      }
    }
    if (windowsChanged || afterJson.frameworkVersion !== beforeJson.frameworkVersion) {
      await assertPopulationWithinWindows(tx, inspectionId, details.frameworkVersion, windows);
    }
    await tx.inspection.update({
      where: { id: inspectionId },
      data: {
        yjsName: details.yjsName,
        frameworkVersion: details.frameworkVersion,
        fieldworkStart: new Date(details.fieldworkStart),
        ...windowColumns(windows),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "inspection.details_changed",
      entityType: "inspection",
      entityId: inspectionId,
      inspectionId,
      before: beforeJson,
      after: afterJson,
    });
  });
}

/**
 * Refuses new windows that would leave imported cases outside the window of their stream: the
 * population was checked against the old ones. yjs-2018's out-of-court cases are reported on the
 * out-of-court window's field, every other case on the (court or only) window's.
 */
async function assertPopulationWithinWindows(tx: Tx, inspectionId: string, frameworkVersion: string, windows: InspectionWindows): Promise<void> {
  const outsideOf = (streams: readonly Stream[], window: EligibilityWindow | null) =>
    window === null || streams.length === 0
      ? Promise.resolve(0)
      : tx.populationCase.count({
          where: {
            inspectionId,
            stream: { in: [...streams] },
            OR: [{ disposalDate: { lt: new Date(window.start) } }, { disposalDate: { gt: new Date(window.end) } }],
          },
        });
  const streams = sampledStreams(frameworkVersion);
  const oocSeparate = hasStreamWindows(frameworkVersion);
  const [outside, oocOutside] = await Promise.all([
    outsideOf(oocSeparate ? streams.filter((stream) => stream !== "out_of_court") : streams, windows.window),
    oocSeparate ? outsideOf(["out_of_court"], windowForStream(frameworkVersion, "out_of_court", windows)) : Promise.resolve(0),
  ]);
  const fieldErrors: Record<string, string> = {};
  const advice = "Import a population for the new window first, or keep the window";
  if (outside > 0) {
    const what = oocSeparate ? `${outside} court cases` : `${outside} cases`;
    fieldErrors.windowStart = `${what} of the imported population fall outside this window. ${advice}`;
  }
  if (oocOutside > 0) {
    fieldErrors.oocWindowStart = `${oocOutside} out-of-court cases of the imported population fall outside this window. ${advice}`;
  }
  const messages = Object.values(fieldErrors);
  if (messages.length > 0) throw new ValidationError(messages.join(" "), fieldErrors);
}
