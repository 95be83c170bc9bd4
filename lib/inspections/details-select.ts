import type { Prisma } from "@/lib/generated/prisma/client";

/** An inspection's details as Prisma selects them: its name, framework, fieldwork date and windows. */
export const INSPECTION_DETAILS_SELECT = {
  yjsName: true,
  frameworkVersion: true,
  fieldworkStart: true,
  windowStart: true,
  windowEnd: true,
  oocWindowStart: true,
  oocWindowEnd: true,
} as const satisfies Prisma.InspectionSelect;
