// Demo data for a fresh install and for the end-to-end tests: fictional services, pseudonymous case
// references, and one inspection whose answers reproduce the published Salford 2024 figures, so the
// ratings panel shows a real, checkable result (22/36, Good, two discretion opportunities).
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { proposeInspectionWindows } from "@/lib/framework/eligibility-window";
import hammersmithAndFulham2022 from "@/lib/rating/golden/hammersmith-and-fulham-2022.json";
import knowsley2023 from "@/lib/rating/golden/knowsley-2023.json";
import salford2024 from "@/lib/rating/golden/salford-2024.json";

export const DEMO_PASSWORD = "case-review-demo";

export const DEMO_USERS = [
  { key: "admin", name: "Sam Okafor", email: "admin@case-review.test", role: "admin" },
  { key: "manager", name: "Morgan Price", email: "manager@case-review.test", role: "manager" },
  { key: "lead", name: "Amira Khan", email: "lead@case-review.test", role: "lead_inspector" },
  { key: "otherLead", name: "Priya Shah", email: "lead2@case-review.test", role: "lead_inspector" },
  { key: "inspector", name: "Tom Evans", email: "inspector@case-review.test", role: "inspector" },
  { key: "inspector2", name: "Grace Obi", email: "inspector2@case-review.test", role: "inspector" },
  { key: "qualityAssurer", name: "Dev Patel", email: "qa@case-review.test", role: "quality_assurer" },
] as const;

type UserKey = (typeof DEMO_USERS)[number]["key"];

/** Yes counts per key question over 13 court and 20 out-of-court cases (Salford 2024's figures). */
export const SALFORD_YES: Readonly<Record<string, number>> = Object.freeze({
  "2.1.1": 8, "2.1.2": 10, "2.1.3": 7,
  "2.2.1": 12, "2.2.2": 9, "2.2.3": 6,
  "2.3.1": 12, "2.3.2": 11, "2.3.3": 7,
  "2.4.1": 13, "2.4.2": 11, "2.4.3": 8,
  "3.1.1": 19, "3.1.2": 18, "3.1.3": 13,
  "3.2.1": 17, "3.2.2": 17, "3.2.3": 16,
  "3.3.1": 18, "3.3.2": 13, "3.3.3": 17,
});

/**
 * Whether the `caseIndex`th of `caseCount` cases answers the `questionIndex`th key question of its
 * stream "yes", so that each question has its SALFORD_YES count: the "no" answers are spread across
 * cases rather than stacked on the same few.
 */
export function salfordAnswerIsYes(questionId: string, caseIndex: number, questionIndex: number, caseCount: number): boolean {
  return (caseIndex + questionIndex * 5) % caseCount < (SALFORD_YES[questionId] ?? 0);
}

const COURT_DISPOSALS = ["referral_order", "youth_rehabilitation_order", "community_sentence"] as const;
const OOC_DISPOSALS = ["youth_conditional_caution", "youth_caution", "community_resolution"] as const;
const CLASSES = ["low", "medium", "high", "very_high"] as const;

function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length] as T;
}

/**
 * Loads the demo data into the empty database at `databaseUrl` as `npm run db:seed` does, in a child
 * process: seeding is server code (lib/db is marked `import "server-only"`), which runs under the
 * "react-server" condition, so the scripts that start databases and servers need no condition of
 * their own (README, Tests).
 */
export function loadDemoData(databaseUrl: string): void {
  const root = path.resolve(__dirname, "..");
  const seed = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(root, "scripts", "seed.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seed.status !== 0) throw new Error("Loading the demo data failed (scripts/seed.ts).");
}

export async function seedDemoData(db: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = {} as Record<UserKey, string>;
  for (const u of DEMO_USERS) {
    const user = await db.user.create({ data: { name: u.name, email: u.email, role: u.role, passwordHash } });
    ids[u.key] = user.id;
  }

  // Demoshire's and Northbridge's team.
  const team = [
    { userId: ids.lead, role: "lead_inspector" as const },
    { userId: ids.inspector, role: "inspector" as const },
    { userId: ids.inspector2, role: "inspector" as const },
  ];
  const demoshire = await db.inspection.create({
    data: {
      yjsName: "Demoshire Youth Justice Service",
      frameworkVersion: "yjs-2021",
      fieldworkStart: new Date("2026-10-05"),
      windowStart: new Date("2025-10-06"),
      windowEnd: new Date("2026-07-31"),
      status: "panel",
      createdById: ids.manager,
      memberships: { create: team },
    },
  });
  await seedAnsweredCases(db, demoshire.id, "DS", ids);
  // The quality assurer moderates Demoshire (its dip sample is theirs to draw).
  await db.inspectionModerator.create({ data: { inspectionId: demoshire.id, userId: ids.qualityAssurer, addedById: ids.lead } });

  const northbridge = await db.inspection.create({
    data: {
      yjsName: "Northbridge Youth Justice Service",
      frameworkVersion: "yjs-2021",
      fieldworkStart: new Date("2026-11-23"),
      windowStart: new Date("2025-11-24"),
      windowEnd: new Date("2026-09-18"),
      status: "fieldwork",
      createdById: ids.manager,
      memberships: { create: team },
    },
  });
  const inspectors = [ids.inspector, ids.inspector2];
  for (let i = 0; i < 6; i++) {
    const stream = i < 3 ? "court" : i < 5 ? "out_of_court" : "resettlement";
    await db.case.create({
      data: {
        inspectionId: northbridge.id,
        reference: `NB-${String(i + 1).padStart(4, "0")}`,
        stream,
        disposalType: stream === "court" ? pick(COURT_DISPOSALS, i) : stream === "out_of_court" ? pick(OOC_DISPOSALS, i) : "detention_and_training_order",
        disposalDate: new Date(Date.UTC(2026, 2 + i, 10)),
        gender: i % 4 === 0 ? "female" : "male",
        age: 14 + (i % 4),
        rosh: pick(CLASSES, i),
        safetyWellbeing: pick(CLASSES, i + 1),
        allocatedToId: pick(inspectors, i),
      },
    });
  }

  const EASTMERE_FIELDWORK = "2027-02-08";
  const eastmereWindows = proposeInspectionWindows("yjs-2018", EASTMERE_FIELDWORK);
  if (!eastmereWindows?.window || !eastmereWindows.oocWindow) throw new Error("yjs-2018 proposes a court and an out-of-court window");
  await db.inspection.create({
    data: {
      yjsName: "Eastmere Youth Offending Team",
      frameworkVersion: "yjs-2018",
      fieldworkStart: new Date(EASTMERE_FIELDWORK),
      // The 2018 framework's two windows as set-up proposes them (court 9 to 6 months before
      // fieldwork, out-of-court 5 to 3).
      windowStart: new Date(eastmereWindows.window.start),
      windowEnd: new Date(eastmereWindows.window.end),
      oocWindowStart: new Date(eastmereWindows.oocWindow.start),
      oocWindowEnd: new Date(eastmereWindows.oocWindow.end),
      status: "setup",
      createdById: ids.manager,
      memberships: { create: [{ userId: ids.otherLead, role: "lead_inspector" }] },
    },
  });

  // The programme's history: the three published reports' figures (lib/rating/golden), with the
  // services' names and the fieldwork dates the reports give, imported as an operator would.
  // Loaded here, not at the top: e2e/auth.setup.ts imports DEMO_USERS from this file, and Playwright's
  // loader cannot load the ESM Prisma client that lib/programme brings with it.
  const { recordPublishedInspection } = await import("@/lib/programme");
  for (const published of PUBLISHED_HISTORY) await recordPublishedInspection(published, null);
}

const PUBLISHED_HISTORY = [
  { name: "Hammersmith and Fulham Youth Justice Service", fieldworkDate: "2022-07-18", figures: hammersmithAndFulham2022 },
  { name: "Knowsley Youth Offending Service", fieldworkDate: "2023-01-09", figures: knowsley2023 },
  { name: "Salford Youth Justice Service", fieldworkDate: "2024-01-22", figures: salford2024 },
];

// Salford's sample as its report describes it: "12 community sentences and one custodial sentence";
// "five youth conditional cautions, five youth cautions, and 10 community resolutions"; four
// resettlement cases (4.1 is judged from evidence, so they have no answers, and they are approved).
const SALFORD_COURT_DISPOSALS = [...Array<string>(12).fill("community_sentence"), "custodial_sentence"];
const SALFORD_OOC_DISPOSALS = [
  ...Array<string>(5).fill("youth_conditional_caution"),
  ...Array<string>(5).fill("youth_caution"),
  ...Array<string>(10).fill("community_resolution"),
];
const SALFORD_RESETTLEMENT_CASES = 4;

async function seedAnsweredCases(db: PrismaClient, inspectionId: string, prefix: string, ids: Record<UserKey, string>) {
  const inspectors = [ids.inspector, ids.inspector2];
  const streams = [
    { stream: "court" as const, count: 13, disposals: SALFORD_COURT_DISPOSALS, standards: ["2.1", "2.2", "2.3", "2.4"] },
    { stream: "out_of_court" as const, count: 20, disposals: SALFORD_OOC_DISPOSALS, standards: ["3.1", "3.2", "3.3"] },
  ];
  let n = 0;
  for (const { stream, count, disposals, standards } of streams) {
    const questionIds = Object.keys(SALFORD_YES).filter((q) => standards.some((s) => q.startsWith(`${s}.`)));
    for (let i = 0; i < count; i++) {
      n++;
      const allocatedToId = pick(inspectors, i);
      const created = await db.case.create({
        data: {
          inspectionId,
          reference: `${prefix}-${String(n).padStart(4, "0")}`,
          stream,
          disposalType: disposals[i] ?? "community_sentence",
          disposalDate: new Date(Date.UTC(2026, i % 9, 1 + (i % 27))),
          gender: i % 5 === 0 ? "female" : "male",
          age: 12 + (i % 6),
          rosh: pick(CLASSES, i),
          safetyWellbeing: pick(CLASSES, i + 2),
          harmFactors: true,
          safetyWellbeingFactors: true,
          caseManagerInterviewed: true,
          caseManagerInterviewDate: new Date("2026-10-06"),
          allocatedToId,
          status: "completed",
          sections: { create: standards.map((standardId) => ({ standardId, completedById: allocatedToId })) },
        },
      });
      await db.answer.createMany({
        data: questionIds.map((questionId, q) => {
          const yes = salfordAnswerIsYes(questionId, i, q, count);
          return {
            caseId: created.id,
            questionId,
            value: yes ? ("yes" as const) : ("no" as const),
            rationale: yes
              ? "Sufficient: the record shows this was done well and involved the child."
              : "Not sufficient: the record does not show enough analysis or action on this.",
            updatedById: allocatedToId,
          };
        }),
      });
    }
  }
  for (let i = 0; i < SALFORD_RESETTLEMENT_CASES; i++) {
    n++;
    const allocatedToId = pick(inspectors, i);
    await db.case.create({
      data: {
        inspectionId,
        reference: `${prefix}-${String(n).padStart(4, "0")}`,
        stream: "resettlement",
        disposalType: "custodial_sentence",
        disposalDate: new Date(Date.UTC(2026, i * 2, 15)),
        gender: "male",
        age: 16,
        rosh: "high",
        safetyWellbeing: "high",
        harmFactors: true,
        safetyWellbeingFactors: true,
        caseManagerInterviewed: false,
        allocatedToId,
        // Approved by the lead: the demo's 33 completed case-rated cases are what sign-off asks about.
        status: "approved",
      },
    });
  }
}
