// Public entry to the versioned framework data. Everything returned is deep-frozen.

import type { Stream } from "./case-attributes";
import { FRAMEWORK_VERSIONS, type Framework, type FrameworkVersion, type KeyQuestion, type Standard } from "./types";
import { YJS_2018 } from "./yjs-2018";
import { YJS_2021 } from "./yjs-2021";

export * from "./types";
export { keyQuestionApplicability, type KeyQuestionApplicability } from "./applicability";

const FRAMEWORKS: Readonly<Record<FrameworkVersion, Framework>> = Object.freeze({
  "yjs-2018": YJS_2018,
  "yjs-2021": YJS_2021,
});

export function isFrameworkVersion(x: unknown): x is FrameworkVersion {
  return typeof x === "string" && (FRAMEWORK_VERSIONS as readonly string[]).includes(x);
}

export function getFramework(version: FrameworkVersion): Framework {
  return FRAMEWORKS[version];
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
