// Public entry to the versioned framework data. Everything returned is deep-frozen.
//
// A framework version is one declaration (yjs-2018.ts, yjs-2021.ts): its name, its standards and
// key questions with their applicability, its method rules (streams, windows, split between
// streams, governance cap, overall rating bands) and its report wording. Modules outside
// lib/framework ask the declaration and never compare version ids. Adding a version: its file, its
// entry in versions.ts's list (the FrameworkVersion type, FRAMEWORK_VERSIONS, their labels and the
// newest version follow from it), and a migration adding its id to the CHECKs on framework_version.
// tests/framework/yjs-test-version.ts is a third version that runs through set-up, the case page and
// the panel to prove it (lib/framework/third-version.int.test.ts).

import type { Stream } from "./case-attributes";
import type { Framework, FrameworkVersion, KeyQuestion, Standard } from "./types";
import { FRAMEWORK_DECLARATIONS } from "./versions";

export * from "./types";
export { FRAMEWORK_VERSIONS, FRAMEWORK_VERSION_LABELS, NEWEST_FRAMEWORK_VERSION } from "./versions";
export { keyQuestionApplicability, type KeyQuestionApplicability } from "./applicability";

/** Every version the application knows, by id: the declared ones, and in tests any registered by registerTestFramework. */
const FRAMEWORKS = new Map<string, Framework>(FRAMEWORK_DECLARATIONS.map((framework) => [framework.version, framework]));
if (FRAMEWORKS.size !== FRAMEWORK_DECLARATIONS.length) throw new Error("lib/framework: two declarations share a version id");

export function isFrameworkVersion(x: unknown): x is FrameworkVersion {
  return typeof x === "string" && FRAMEWORKS.has(x);
}

export function getFramework(version: FrameworkVersion): Framework {
  const framework = FRAMEWORKS.get(version);
  if (!framework) throw new Error(`No framework version ${String(version)} is declared`);
  return framework;
}

/** A version's name for people, from its declaration; the id itself for a version none declares. */
export function frameworkLabel(version: string): string {
  return FRAMEWORKS.get(version)?.label ?? version;
}

/** "2018–2021 framework": the version's label without its parenthesis, for a sentence. */
export function frameworkName(version: string): string {
  return FRAMEWORKS.has(version) ? frameworkLabel(version).replace(/\s*\(.*\)$/, "") : `${version} framework`;
}

/** The real versions' ids as a sentence lists them: "yjs-2018 or yjs-2021" (`quote` wraps each). */
export function frameworkVersionList(quote = ""): string {
  const ids = FRAMEWORK_DECLARATIONS.map(({ version }) => `${quote}${version}${quote}`);
  return ids.length > 1 ? `${ids.slice(0, -1).join(", ")} or ${ids.at(-1)}` : (ids[0] ?? "");
}

/**
 * Registers a version declared under tests/ in this process, beside the real ones, so a test can run
 * it through the modules exactly as a real version (lib/framework/third-version.int.test.ts). For
 * tests only: it refuses to run unless NODE_ENV is "test" (as vitest sets it), and
 * lib/framework/framework.test.ts checks that nothing outside tests/ and test files calls it. A real
 * version is never replaced.
 */
export function registerTestFramework(framework: Framework): void {
  if (process.env.NODE_ENV !== "test") throw new Error("registerTestFramework is for tests only");
  const existing = FRAMEWORKS.get(framework.version);
  if (existing && existing !== framework) throw new Error(`Framework version ${framework.version} is already declared`);
  FRAMEWORKS.set(framework.version, framework);
}

interface FrameworkIndex {
  standards: readonly Standard[];
  keyQuestions: readonly KeyQuestion[];
  standardById: ReadonlyMap<string, Standard>;
  keyQuestionById: ReadonlyMap<string, KeyQuestion>;
}

// Look-ups run once per stored answer when figures are built, so each framework is indexed once.
const indexes = new WeakMap<Framework, FrameworkIndex>();

function indexOf(fw: Framework): FrameworkIndex {
  let index = indexes.get(fw);
  if (!index) {
    const standards = Object.freeze(fw.domains.flatMap((domain) => domain.standards));
    const keyQuestions = Object.freeze(standards.flatMap((standard) => standard.keyQuestions));
    index = {
      standards,
      keyQuestions,
      standardById: new Map(standards.map((s) => [s.id, s])),
      keyQuestionById: new Map(keyQuestions.map((k) => [k.id, k])),
    };
    indexes.set(fw, index);
  }
  return index;
}

/** Every standard, in framework order (1.1 … 3.4, then 4.1 where the version has it). */
export function allStandards(fw: Framework): readonly Standard[] {
  return indexOf(fw).standards;
}

export function allKeyQuestions(fw: Framework): readonly KeyQuestion[] {
  return indexOf(fw).keyQuestions;
}

export function findStandard(fw: Framework, id: string): Standard | undefined {
  return indexOf(fw).standardById.get(id);
}

export function findKeyQuestion(fw: Framework, id: string): KeyQuestion | undefined {
  return indexOf(fw).keyQuestionById.get(id);
}

/**
 * The case-rated standards whose key questions a case of this stream answers: court 2.1–2.4;
 * out-of-court 3.1–3.3 (and 3.4 joint working in yjs-2018); resettlement none, because 4.1 is judged
 * from evidence and its custodial cases only illustrate it.
 */
export function standardsForStream(fw: Framework, stream: Stream): readonly Standard[] {
  return allStandards(fw).filter((standard) => standard.basis === "cases" && standard.stream === stream);
}

/** The streams the version samples whose cases answer key questions, in its order (not resettlement, whose cases illustrate a judged standard). */
export function streamsWithKeyQuestions(fw: Framework): readonly Stream[] {
  return fw.rules.streams.filter((stream) => standardsForStream(fw, stream).length > 0);
}
