import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, db } from "@/lib/db/client";
import * as generatedEnums from "@/lib/generated/prisma/enums";

// schema.prisma is the typed model; the SQL migrations build the real database. Writing every field
// of every model and reading it back proves the two agree (a missing column, a wrong type or a
// mismatched enum fails here).
describe("schema.prisma and the migrated database agree", () => {
  afterAll(() => closeDatabase());

  it("round-trips every model with every field", async () => {
    const stamp = Date.now();
    const user = await db.user.create({
      data: {
        name: "Round Trip",
        email: `round-trip-${stamp}@example.test`,
        role: "lead_inspector",
        passwordHash: "$argon2id$not-a-real-hash",
        active: true,
        passwordIsTemporary: true,
        sessionVersion: 3,
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(user);
    const failure = await db.signInFailure.create({
      data: { email: user.email, failures: 2, lockedUntil: new Date("2030-01-01T10:00:00.000Z"), updatedAt: new Date("2029-12-31T10:00:00.000Z") },
    });
    expect(await db.signInFailure.findUniqueOrThrow({ where: { email: user.email } })).toEqual(failure);

    const inspection = await db.inspection.create({
      data: {
        yjsName: "Round Trip YJS",
        frameworkVersion: "yjs-2021",
        fieldworkStart: new Date("2024-01-22"),
        windowStart: new Date("2023-01-23"),
        windowEnd: new Date("2023-11-17"),
        status: "fieldwork",
        createdById: user.id,
      },
    });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toEqual(inspection);
    // The out-of-court window exists for yjs-2018 only (a CHECK refuses it on other versions).
    const inspection2018 = await db.inspection.create({
      data: {
        yjsName: "Round Trip YJS 2018",
        frameworkVersion: "yjs-2018",
        fieldworkStart: new Date("2020-03-02"),
        windowStart: new Date("2019-06-02"),
        windowEnd: new Date("2019-09-02"),
        oocWindowStart: new Date("2019-10-02"),
        oocWindowEnd: new Date("2019-12-02"),
        createdById: user.id,
      },
    });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspection2018.id } })).toEqual(inspection2018);

    const membership = await db.membership.create({
      data: { inspectionId: inspection.id, userId: user.id, role: "lead_inspector" },
    });
    expect(
      await db.membership.findUniqueOrThrow({
        where: { inspectionId_userId: { inspectionId: inspection.id, userId: user.id } },
      }),
    ).toEqual(membership);

    const populationImport = await db.populationImport.create({
      data: { inspectionId: inspection.id, fileName: "cases.csv", sha256: "ab".repeat(32), rowCount: 1, importedById: user.id },
    });
    expect(await db.populationImport.findUniqueOrThrow({ where: { id: populationImport.id } })).toEqual(populationImport);

    // The columns a sampled case copies from its population row, written to both tables.
    const sampledAttributes = {
      reference: "RT-0001",
      stream: "court",
      disposalType: "referral_order",
      disposalDate: new Date("2023-05-01"),
      gender: "female",
      ethnicity: "W1",
      age: 15,
      rosh: "medium",
      safetyWellbeing: "high",
    } as const;
    const populationCase = await db.populationCase.create({
      data: {
        inspectionId: inspection.id,
        importId: populationImport.id,
        ...sampledAttributes,
        caseManager: "CM-7",
      },
    });
    expect(await db.populationCase.findUniqueOrThrow({ where: { id: populationCase.id } })).toEqual(populationCase);

    const draw = await db.sampleDraw.create({
      data: { inspectionId: inspection.id, stream: "court", seed: "seed-1", size: 1, populationSize: 1, method: "stratified", drawnById: user.id },
    });
    expect(await db.sampleDraw.findUniqueOrThrow({ where: { id: draw.id } })).toEqual(draw);

    const sampled = await db.case.create({
      data: {
        inspectionId: inspection.id,
        populationCaseId: populationCase.id,
        ...sampledAttributes,
        harmFactors: true,
        safetyWellbeingFactors: false,
        caseManagerInterviewed: true,
        caseManagerInterviewDate: new Date("2024-01-23"),
        overallNotes: "Notes",
        allocatedToId: user.id,
        status: "in_progress",
        additionReason: null,
        removedAt: null,
        removalReason: null,
        version: 4,
      },
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: sampled.id } })).toEqual(sampled);

    const section = await db.caseSection.create({
      data: { caseId: sampled.id, standardId: "2.1", completedById: user.id },
    });
    expect(
      await db.caseSection.findUniqueOrThrow({ where: { caseId_standardId: { caseId: sampled.id, standardId: "2.1" } } }),
    ).toEqual(section);

    const answer = await db.answer.create({
      data: {
        caseId: sampled.id,
        questionId: "2.1.1",
        value: "na",
        naReason: "Reason",
        rationale: "Rationale",
        promptMarks: { "0": "met", "1": "not_met" },
        version: 2,
        updatedById: user.id,
      },
    });
    expect(await db.answer.findUniqueOrThrow({ where: { id: answer.id } })).toEqual(answer);

    const qualityAssurer = await db.user.create({
      data: { name: "Round Trip QA", email: `round-trip-qa-${stamp}@example.test`, role: "quality_assurer", passwordHash: "$argon2id$not-a-real-hash" },
    });
    const moderator = await db.inspectionModerator.create({ data: { inspectionId: inspection.id, userId: qualityAssurer.id, addedById: user.id } });
    expect(
      await db.inspectionModerator.findUniqueOrThrow({ where: { inspectionId_userId: { inspectionId: inspection.id, userId: qualityAssurer.id } } }),
    ).toEqual(moderator);
    const dipDraw = await db.moderationDraw.create({
      data: { inspectionId: inspection.id, seed: "dip", requestKind: "percent", requestValue: 20, size: 1, populationSize: 5, method: "Stratified", drawnById: qualityAssurer.id },
    });
    expect(await db.moderationDraw.findUniqueOrThrow({ where: { id: dipDraw.id } })).toEqual(dipDraw);
    const dipCase = await db.moderationCase.create({
      data: {
        caseId: sampled.id,
        inspectionId: inspection.id,
        drawId: dipDraw.id,
        additionReason: "Also by hand",
        addedById: qualityAssurer.id,
        completedAt: new Date("2030-01-01T10:00:00.000Z"),
        completedById: qualityAssurer.id,
      },
    });
    expect(await db.moderationCase.findUniqueOrThrow({ where: { caseId: sampled.id } })).toEqual(dipCase);
    const secondAnswer = await db.secondAnswer.create({
      data: { caseId: sampled.id, questionId: "2.1.1", value: "no", rationale: "Second look", moderatorId: qualityAssurer.id },
    });
    expect(await db.secondAnswer.findUniqueOrThrow({ where: { caseId_questionId: { caseId: sampled.id, questionId: "2.1.1" } } })).toEqual(secondAnswer);
    const outcome = await db.moderationOutcome.create({
      data: {
        caseId: sampled.id,
        questionId: "2.1.1",
        outcome: "inspector_to_review",
        note: "Look again",
        inspectorValue: "na",
        secondValue: "no",
        decidedById: qualityAssurer.id,
        response: "kept",
        reply: "It stands",
        respondedById: user.id,
        respondedAt: new Date("2030-01-02T10:00:00.000Z"),
      },
    });
    expect(await db.moderationOutcome.findUniqueOrThrow({ where: { caseId_questionId: { caseId: sampled.id, questionId: "2.1.1" } } })).toEqual(outcome);

    const applied = await db.appliedChange.create({
      data: { changeId: crypto.randomUUID(), caseId: sampled.id, userId: user.id, response: { ok: true, version: 2 } },
    });
    expect(await db.appliedChange.findUniqueOrThrow({ where: { changeId: applied.changeId } })).toEqual(applied);

    const query = await db.query.create({
      data: { caseId: sampled.id, answerId: answer.id, questionId: "2.1.1", status: "answered", createdById: user.id },
    });
    expect(await db.query.findUniqueOrThrow({ where: { id: query.id } })).toEqual(query);

    const message = await db.queryMessage.create({ data: { queryId: query.id, authorId: user.id, body: "Please check" } });
    expect(await db.queryMessage.findUniqueOrThrow({ where: { id: message.id } })).toEqual(message);

    const evidence = await db.evidenceItem.create({
      data: {
        inspectionId: inspection.id,
        standardId: "4.1",
        topic: "accommodation",
        kind: "area_for_improvement",
        source: "case",
        text: "Accommodation confirmed late",
        occurredOn: new Date("2024-01-24"),
        caseId: sampled.id,
        authorId: user.id,
        deletedAt: null,
      },
    });
    expect(await db.evidenceItem.findUniqueOrThrow({ where: { id: evidence.id } })).toEqual(evidence);

    const recommendation = await db.recommendation.create({
      data: {
        inspectionId: inspection.id,
        position: 1,
        party: "police",
        partyName: "Greater Manchester Police",
        text: "Review the use of Outcome 22.",
        createdById: user.id,
        createdAt: new Date("2024-02-01T10:00:00.000Z"),
        updatedAt: new Date("2024-02-02T10:00:00.000Z"),
      },
    });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).toEqual(recommendation);
    const narrative = await db.standardNarrative.create({
      data: {
        inspectionId: inspection.id,
        standardId: "2.1",
        strengths: "Parents' views were prioritised.",
        areasForImprovement: "Diversity needs were not fully explored.",
        updatedById: user.id,
        updatedAt: new Date("2024-02-03T10:00:00.000Z"),
      },
    });
    expect(
      await db.standardNarrative.findUniqueOrThrow({ where: { inspectionId_standardId: { inspectionId: inspection.id, standardId: "2.1" } } }),
    ).toEqual(narrative);

    const decision = await db.panelDecision.create({
      data: { inspectionId: inspection.id, standardId: "1.1", kind: "judgement", rating: "Good", note: "Evidence", decidedById: user.id },
    });
    expect(await db.panelDecision.findUniqueOrThrow({ where: { id: decision.id } })).toEqual(decision);

    const signOff = await db.signOff.create({
      data: {
        inspectionId: inspection.id,
        signedById: user.id,
        ratings: { score: 22 },
        voidedAt: new Date("2024-02-01T09:00:00.000Z"),
        voidedById: user.id,
        voidReason: "Reopened",
      },
    });
    expect(await db.signOff.findUniqueOrThrow({ where: { id: signOff.id } })).toEqual(signOff);

    const event = await db.auditEvent.create({
      data: {
        actorId: user.id,
        action: "answer.changed",
        entityType: "answer",
        entityId: answer.id,
        inspectionId: inspection.id,
        caseId: sampled.id,
        before: { value: null },
        after: { value: "na" },
      },
    });
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);

    const bucket = await db.rateLimitBucket.create({
      data: { key: `sign-in:${stamp}`, windowStart: new Date("2024-01-01T00:00:00.000Z"), count: 3 },
    });
    expect(
      await db.rateLimitBucket.findUniqueOrThrow({
        where: { key_windowStart: { key: bucket.key, windowStart: bucket.windowStart } },
      }),
    ).toEqual(bucket);

    const mark = await db.notificationMark.create({ data: { userId: user.id, seenUpTo: BigInt(42), updatedAt: new Date("2030-01-01T10:00:00.000Z") } });
    expect(await db.notificationMark.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(mark);

    const revoked = await db.revokedSession.create({
      data: { sessionId: crypto.randomUUID(), userId: user.id, expiresAt: new Date("2030-01-01T20:00:00.000Z") },
    });
    expect(await db.revokedSession.findUniqueOrThrow({ where: { sessionId: revoked.sessionId } })).toEqual(revoked);

    const token = await db.apiToken.create({
      data: {
        name: "Round trip",
        tokenHash: `hash-${stamp}`,
        tokenPrefix: "crv_abcdef",
        createdById: user.id,
        lastUsedAt: new Date("2030-01-01T09:00:00.000Z"),
        revokedAt: new Date("2030-01-02T09:00:00.000Z"),
        revokedById: user.id,
      },
    });
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toEqual(token);

    const liveFigures = await db.programmeFigures.create({
      data: {
        inspectionId: inspection.id,
        signOffId: signOff.id,
        frameworkVersion: "yjs-2021",
        overallRating: "Good",
        score: 22,
        maxScore: 36,
        standardRatings: { "2.1": "Good", "4.1": null },
        keyQuestionPercents: { "2.1.1": 62 },
        recordedAt: new Date("2024-02-01T10:00:00.000Z"),
      },
    });
    expect(await db.programmeFigures.findUniqueOrThrow({ where: { id: liveFigures.id } })).toEqual(liveFigures);
    const published = await db.publishedInspection.create({
      data: {
        yjsName: `Published ${stamp}`,
        frameworkVersion: "yjs-2018",
        fieldworkStart: new Date("2019-05-13"),
        ratingInput: { framework: "yjs-2018" },
        sourceSha256: "0".repeat(64),
        importedById: user.id,
        importedAt: new Date("2030-01-03T09:00:00.000Z"),
      },
    });
    expect(await db.publishedInspection.findUniqueOrThrow({ where: { id: published.id } })).toEqual(published);
    const publishedFigures = await db.programmeFigures.create({
      data: { publishedInspectionId: published.id, frameworkVersion: "yjs-2018", overallRating: null, score: 0, maxScore: 0, standardRatings: {}, keyQuestionPercents: {} },
    });
    expect(await db.programmeFigures.findUniqueOrThrow({ where: { id: publishedFigures.id } })).toEqual(publishedFigures);

    const erased = await db.inspection.update({ where: { id: inspection.id }, data: { caseContentErasedAt: new Date("2030-02-01T09:00:00.000Z") } });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toEqual(erased);
  });

  it("refuses to update, delete or truncate audit events", async () => {
    const event = await db.auditEvent.create({
      data: { action: "test.event", entityType: "test", entityId: "1" },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.event");
  });

  it("has every enum with every value, in order, on both sides", async () => {
    // schema.prisma's enums by their database name (@@map), with the values of the generated client.
    const schema = readFileSync(path.resolve(__dirname, "../../prisma/schema.prisma"), "utf8");
    const prisma = new Map<string, string[]>();
    for (const [, name, body] of schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
      const dbName = /@@map\("(\w+)"\)/.exec(body!)?.[1] ?? name!;
      const values = (generatedEnums as Record<string, Record<string, string> | undefined>)[name!];
      expect(values, `${name} in the generated client`).toBeDefined();
      prisma.set(dbName, Object.values(values!));
    }
    const rows = await db.$queryRaw<{ name: string; values: string[] }[]>`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`;
    const database = new Map(rows.map((row) => [row.name, row.values]));
    expect([...prisma.keys()].sort()).toEqual([...database.keys()].sort());
    for (const [name, values] of prisma) {
      expect(database.get(name), name).toEqual(values);
      // Every value is taken and given back by the column type itself.
      const echoed = await db.$queryRawUnsafe<{ value: string }[]>(`SELECT v::${name}::text AS value FROM unnest($1::text[]) WITH ORDINALITY AS u(v, i) ORDER BY i`, values);
      expect(echoed.map((row) => row.value), name).toEqual(values);
    }
  });
});
