import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ApplicabilityAttributes } from "./case-attributes";
import { defineFramework } from "./define-framework";
import { hasStreamWindows } from "./eligibility-window";
import {
  FRAMEWORK_VERSIONS,
  FRAMEWORK_VERSION_LABELS,
  NEWEST_FRAMEWORK_VERSION,
  RATINGS,
  allKeyQuestions,
  allStandards,
  findKeyQuestion,
  findStandard,
  frameworkLabel,
  frameworkName,
  frameworkVersionList,
  getFramework,
  isFrameworkVersion,
  keyQuestionApplicability,
  standardsForStream,
  type Framework,
  type FrameworkVersion,
  type KeyQuestion,
} from "./index";

const y2018 = getFramework("yjs-2018");
const y2021 = getFramework("yjs-2021");

function kq(fw: Framework, id: string): KeyQuestion {
  const found = findKeyQuestion(fw, id);
  if (!found) throw new Error(`no key question ${id}`);
  return found;
}

function ids(list: readonly { id: string }[]): string[] {
  return list.map((x) => x.id);
}

const caseAttrs = (overrides: Partial<ApplicabilityAttributes> = {}): ApplicabilityAttributes => ({
  stream: "court",
  disposalType: "referral_order",
  harmFactors: true,
  safetyWellbeingFactors: true,
  ...overrides,
});

describe("framework versions", () => {
  it("lists both versions and recognises only them", () => {
    expect(FRAMEWORK_VERSIONS).toEqual(["yjs-2018", "yjs-2021"]);
    expect(isFrameworkVersion("yjs-2021")).toBe(true);
    expect(isFrameworkVersion("yjs-2025")).toBe(false);
    expect(isFrameworkVersion(2021)).toBe(false);
    expect(y2018.version).toBe("yjs-2018");
    expect(y2021.version).toBe("yjs-2021");
  });

  it("orders ratings best to worst", () => {
    expect(RATINGS).toEqual(["Outstanding", "Good", "Requires improvement", "Inadequate"]);
  });
});

describe("yjs-2018", () => {
  it("has 12 standards, all scored, in three domains", () => {
    expect(ids(allStandards(y2018))).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]);
    expect(allStandards(y2018).every((s) => s.scored)).toBe(true);
    expect(y2018.domains.map((d) => d.title)).toEqual(["Organisational delivery", "Court disposals", "Out-of-court disposals"]);
  });

  it("has 14 domain one key questions, 21 case key questions in 2.1–3.3 and 2 in 3.4", () => {
    const all = allKeyQuestions(y2018);
    expect(all.filter((k) => k.id.startsWith("1.")).length).toBe(14);
    expect(all.filter((k) => /^(2\.|3\.[123]\.)/.test(k.id)).length).toBe(21);
    expect(ids(findStandard(y2018, "3.4")?.keyQuestions ?? [])).toEqual(["3.4.1", "3.4.2"]);
    expect(all.length).toBe(37);
  });

  it("rates 3.4 joint working from out-of-court cases", () => {
    const joint = findStandard(y2018, "3.4");
    expect(joint?.title).toBe("Joint working");
    expect(joint?.basis).toBe("cases");
    expect(joint?.stream).toBe("out_of_court");
    expect(joint?.statement).toBe(
      "Joint working with the police supports the delivery of high-quality, personalised and coordinated services.",
    );
  });

  it("keeps exact Annexe 2 wording", () => {
    expect(findStandard(y2018, "3.2")?.statement).toBe(
      "Planning is well-informed, holistic and personalised, actively involving the child and their parents/carers.",
    );
    expect(kq(y2018, "3.3.1").text).toBe("Does service delivery support the child's desistance?");
    expect(kq(y2018, "3.2.1").text).toBe("Does planning focus sufficiently on supporting the child's desistance?");
    expect(kq(y2018, "2.3.3").text).toBe(
      "Does the implementation and delivery of services effectively support the safety of other people?",
    );
    expect(kq(y2018, "1.4.2").text).toBe(
      "Does the YOT's delivery environment(s) meet the needs of all children and enable staff to deliver a quality service?",
    );
    expect(kq(y2018, "3.4.1").text).toBe(
      "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
    );
  });

  it("gates safety questions on factors and 3.4.2 on youth conditional cautions", () => {
    const gates = Object.fromEntries(allKeyQuestions(y2018).filter((k) => k.appliesTo.stream).map((k) => [k.id, k.appliesTo.requires]));
    for (const s of ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"]) {
      expect(gates[`${s}.1`]).toBeNull();
      expect(gates[`${s}.2`]).toBe("safety_wellbeing_factors");
      expect(gates[`${s}.3`]).toBe("harm_factors");
    }
    expect(gates["3.4.1"]).toBeNull();
    expect(gates["3.4.2"]).toBe("youth_conditional_caution");
  });
});

describe("yjs-2021", () => {
  it("has 13 standards; 3.4 and 4.1 judged; 4.1 not scored", () => {
    expect(ids(allStandards(y2021))).toEqual([
      "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1",
    ]);
    expect(allStandards(y2021).filter((s) => !s.scored).map((s) => s.id)).toEqual(["4.1"]);
    expect(findStandard(y2021, "3.4")?.basis).toBe("judgement");
    expect(findStandard(y2021, "3.4")?.keyQuestions).toEqual([]);
    expect(findStandard(y2021, "3.4")?.evidenceTopics.length).toBeGreaterThan(0);
    expect(findStandard(y2021, "4.1")?.keyQuestions).toEqual([]);
    expect(findStandard(y2021, "4.1")?.evidenceTopics.length).toBeGreaterThan(0);
    expect(findStandard(y2021, "4.1")?.domainTitle).toBe("Resettlement");
  });

  it("has 14 domain one and 21 case key questions, every case one applying to its whole stream", () => {
    const all = allKeyQuestions(y2021);
    expect(all.filter((k) => k.id.startsWith("1.")).length).toBe(14);
    const caseQuestions = all.filter((k) => k.appliesTo.stream !== null);
    expect(caseQuestions.length).toBe(21);
    expect(caseQuestions.every((k) => k.appliesTo.requires === null && k.notApplicableAllowed)).toBe(true);
  });

  it("reuses the 2018 domain one key questions word for word", () => {
    const one = (fw: Framework) => allKeyQuestions(fw).filter((k) => k.id.startsWith("1.")).map((k) => [k.id, k.text]);
    expect(one(y2021)).toEqual(one(y2018));
  });

  it("keeps exact 2021+ wording", () => {
    expect(findStandard(y2021, "3.2")?.statement).toBe(
      "Planning is well-informed, analytical and personalised, actively involving the child and their parents or carers.",
    );
    expect(findStandard(y2021, "2.2")?.statement).toBe(
      "Planning is well-informed, holistic and personalised, actively involving the child and their parents or carers.",
    );
    expect(kq(y2021, "3.2.1").text).toBe("Does planning focus on supporting the child's desistance?");
    expect(kq(y2021, "3.3.1").text).toBe("Does service delivery effectively support the child's desistance?");
    expect(kq(y2021, "2.1.1").text).toBe("Does assessment sufficiently analyse how to support the child's desistance?");
    expect(findStandard(y2021, "3.4")?.statement).toBe(
      "There is a high-quality, evidence-based out-of-court disposal service in place that promotes diversion and supports sustainable desistance.",
    );
  });
});

describe("lookups", () => {
  it("finds standards for a stream", () => {
    expect(ids(standardsForStream(y2018, "court"))).toEqual(["2.1", "2.2", "2.3", "2.4"]);
    expect(ids(standardsForStream(y2018, "out_of_court"))).toEqual(["3.1", "3.2", "3.3", "3.4"]);
    expect(ids(standardsForStream(y2021, "out_of_court"))).toEqual(["3.1", "3.2", "3.3"]);
    expect(standardsForStream(y2021, "resettlement")).toEqual([]);
    expect(standardsForStream(y2018, "resettlement")).toEqual([]);
  });

  it("returns undefined for unknown ids", () => {
    expect(findStandard(y2018, "4.1")).toBeUndefined();
    expect(findKeyQuestion(y2021, "3.4.1")).toBeUndefined();
  });

  it("gives every key question back references that match its standard", () => {
    for (const fw of [y2018, y2021]) {
      for (const s of allStandards(fw)) {
        expect(s.domainId).toBe(s.id.split(".")[0]);
        for (const k of s.keyQuestions) {
          expect(k.standardId).toBe(s.id);
          expect(k.appliesTo.stream).toBe(s.stream);
        }
      }
    }
  });
});

describe("frozen data", () => {
  it("cannot be changed at run time", () => {
    for (const fw of [y2018, y2021]) {
      expect(Object.isFrozen(fw)).toBe(true);
      expect(Object.isFrozen(fw.domains)).toBe(true);
      for (const s of allStandards(fw)) {
        expect(Object.isFrozen(s)).toBe(true);
        expect(Object.isFrozen(s.evidenceTopics)).toBe(true);
        for (const k of s.keyQuestions) {
          expect(Object.isFrozen(k)).toBe(true);
          expect(Object.isFrozen(k.appliesTo)).toBe(true);
          expect(Object.isFrozen(k.prompts)).toBe(true);
        }
      }
    }
    const standard = findStandard(y2021, "2.1");
    expect(() => {
      (standard as { title: string }).title = "changed";
    }).toThrow(TypeError);
  });
});

describe("keyQuestionApplicability", () => {
  it("yjs-2018: safety questions need safety and wellbeing factors", () => {
    expect(keyQuestionApplicability(kq(y2018, "2.1.2"), caseAttrs({ safetyWellbeingFactors: false }))).toEqual({
      applies: false,
      reason: "Applies only to cases with safety and wellbeing factors; the inspector judged there are none.",
    });
    expect(keyQuestionApplicability(kq(y2018, "2.1.2"), caseAttrs({ safetyWellbeingFactors: true }))).toEqual({ applies: true });
  });

  it("yjs-2018: others-safe questions need harm factors", () => {
    const result = keyQuestionApplicability(kq(y2018, "3.3.3"), caseAttrs({ stream: "out_of_court", disposalType: "youth_caution", harmFactors: false }));
    expect(result).toEqual({
      applies: false,
      reason: "Applies only to cases with harm factors; the inspector judged there are none.",
    });
  });

  it("yjs-2018: an unjudged factor counts as applying, flagged as pending", () => {
    const result = keyQuestionApplicability(kq(y2018, "2.2.3"), caseAttrs({ harmFactors: null }));
    expect(result.applies).toBe(true);
    expect(result).toHaveProperty("pendingJudgement");
  });

  it("yjs-2018: 3.4.2 only for youth conditional cautions, 3.4.1 for every out-of-court case", () => {
    const caution = caseAttrs({ stream: "out_of_court", disposalType: "youth_caution" });
    expect(keyQuestionApplicability(kq(y2018, "3.4.1"), caution)).toEqual({ applies: true });
    expect(keyQuestionApplicability(kq(y2018, "3.4.2"), caution)).toEqual({
      applies: false,
      reason: "Applies only to youth conditional caution cases; this case's disposal is a youth caution.",
    });
    expect(
      keyQuestionApplicability(kq(y2018, "3.4.2"), caseAttrs({ stream: "out_of_court", disposalType: "youth_conditional_caution" })),
    ).toEqual({ applies: true });
  });

  it("yjs-2021: every case key question applies to every case of its stream", () => {
    const none = caseAttrs({ harmFactors: false, safetyWellbeingFactors: false });
    for (const k of allKeyQuestions(y2021).filter((q) => q.appliesTo.stream === "court")) {
      expect(keyQuestionApplicability(k, none)).toEqual({ applies: true });
    }
  });

  it("never applies across streams or to domain one questions", () => {
    expect(keyQuestionApplicability(kq(y2021, "2.1.1"), caseAttrs({ stream: "out_of_court" }))).toEqual({
      applies: false,
      reason: "Applies only to court disposal cases; this is an out-of-court disposal case.",
    });
    expect(keyQuestionApplicability(kq(y2021, "3.1.1"), caseAttrs({ stream: "resettlement" })).applies).toBe(false);
    expect(keyQuestionApplicability(kq(y2021, "1.1.1"), caseAttrs()).applies).toBe(false);
  });
});

describe("each version declares its own method rules", () => {
  it("names the streams it samples and which rules apply", () => {
    const yjs2018 = getFramework("yjs-2018");
    const yjs2021 = getFramework("yjs-2021");
    expect(yjs2018.rules).toMatchObject({
      streams: ["court", "out_of_court"],
      governanceCap: null,
      windows: { window: { unit: "months", startBefore: 9, endBefore: 6 }, outOfCourt: { unit: "months", startBefore: 5, endBefore: 3 } },
      streamSplit: { name: "S2's split", courtPercent: 60 },
      resettlementStandard: null,
    });
    expect(yjs2021.rules).toMatchObject({
      streams: ["court", "out_of_court", "resettlement"],
      governanceCap: { standard: "1.1", baseStandards: ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"], maxRating: "Requires improvement" },
      windows: { window: { unit: "days", startBefore: 364, endBefore: 66 }, outOfCourt: null, assumption: null },
      streamSplit: null,
      resettlementStandard: "4.1",
    });
    for (const version of FRAMEWORK_VERSIONS) {
      const framework = getFramework(version);
      expect(hasStreamWindows(version)).toBe(framework.rules.windows.outOfCourt !== null);
      // Every stream a case-rated standard is rated from is sampled.
      for (const standard of allStandards(framework)) if (standard.stream) expect(framework.rules.streams).toContain(standard.stream);
    }
  });
});

describe("a version's rules are checked against its own standards when it is declared", () => {
  const { report, rules } = y2021;
  const domains = y2021.domains.map((domain) => ({
    ...domain,
    standards: domain.standards.map(({ stream, ...standard }) => (stream ? { ...standard, stream } : standard)),
  }));
  const declare = (changes: Partial<typeof rules>) => () => defineFramework("yjs-2021", "checked", domains, report, { ...rules, ...changes });

  it("accepts the real declarations' rules and refuses rules naming what the version does not have", () => {
    expect(declare({})).not.toThrow();
    expect(declare({ streams: ["court", "resettlement"] })).toThrow("3.1 is rated from out_of_court cases, which it does not sample");
    expect(declare({ governanceCap: { standard: "2.1", baseStandards: ["2.2"], maxRating: "Good" } })).toThrow("the governance cap's 2.1 is not a judged standard");
    expect(declare({ governanceCap: { standard: "1.1", baseStandards: ["4.1"], maxRating: "Good" } })).toThrow("counts 4.1, which is not a scored standard");
    expect(declare({ windows: { ...rules.windows, window: { unit: "days", startBefore: 10, endBefore: 20 } } })).toThrow("a window must start before it ends");
    expect(declare({ streamSplit: { name: "a split", courtPercent: 101, label: "" } })).toThrow("court share of 0–100%");
    expect(declare({ overallBands: [...rules.overallBands].reverse() })).toThrow("the overall bands must be one for each rating, best first");
    expect(declare({ overallBands: [{ rating: "Outstanding", minScore: 37 }, ...rules.overallBands.slice(1)] })).toThrow("the best reachable within 36");
    expect(declare({ resettlementStandard: "2.1" })).toThrow("resettlement cases can illustrate only a judged standard of a version that samples them (2.1)");
  });
});

const root = path.resolve(__dirname, "../..");

/** Paths, relative to `dir`, of the TypeScript modules under it that are not tests, generated code or test support. */
function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (!["node_modules", "generated", "tests"].includes(entry.name) && !entry.name.startsWith(".")) visit(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push(path.relative(dir, full));
      }
    }
  };
  visit(dir);
  return found;
}

describe("the registry", () => {
  it("is the only way to a version: FRAMEWORK_VERSIONS are the declared ones, and an undeclared id is refused", () => {
    for (const version of FRAMEWORK_VERSIONS) expect(getFramework(version).version).toBe(version);
    expect(frameworkLabel("yjs-2018")).toBe(y2018.label);
    expect(frameworkLabel("yjs-2025")).toBe("yjs-2025");
    expect(frameworkName("yjs-2018")).toBe("2018–2021 framework");
    expect(frameworkName("yjs-2025")).toBe("yjs-2025 framework");
    expect(frameworkVersionList('"')).toBe('"yjs-2018" or "yjs-2021"');
    expect(() => getFramework("yjs-2025" as FrameworkVersion)).toThrow("No framework version yjs-2025 is declared");
  });

  it("takes a version for tests only: no module outside tests/ and test files registers one", () => {
    const callers = sourceFiles(root).filter((file) => readFileSync(path.join(root, file), "utf8").includes("registerTestFramework("));
    expect(callers).toEqual([path.join("lib", "framework", "index.ts")]);
  });

  it("derives the ids, their names and the newest version from the list of declarations", () => {
    expect(FRAMEWORK_VERSION_LABELS).toEqual(Object.fromEntries(FRAMEWORK_VERSIONS.map((version) => [version, getFramework(version).label])));
    expect(NEWEST_FRAMEWORK_VERSION).toBe(FRAMEWORK_VERSIONS.at(-1));
  });

  it("is the one place a version is named: no module of the application writes a version id but the version's own file", () => {
    // Code, not comments: a comment may cite a version as an example.
    const namesAVersion = (file: string) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .some((line) => !/^\s*(\/\/|\/\*|\*)/.test(line) && /["'`]yjs-\d/.test(line));
    const naming = ["lib", "app", "components"].flatMap((dir) => sourceFiles(path.join(root, dir)).map((file) => path.join(dir, file))).filter(namesAVersion);
    expect(naming.sort()).toEqual(FRAMEWORK_VERSIONS.map((version) => path.join("lib", "framework", `${version}.ts`)).sort());
  });
});
