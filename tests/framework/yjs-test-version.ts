// A third framework version, for tests only. It differs from both real ones where a module could
// otherwise have kept a version's rule to itself: its own standards and key questions (one that
// applies only with harm factors), ten scored standards instead of twelve (a score out of 30, on
// overall bands of its own), court and resettlement cases but no out-of-court ones (resettlement
// cases illustrating its judged 3.1, not 4.1), one window of 200 to 20 days before fieldwork, each
// stream sized on its own, and a governance cap counting only the court standards 2.1–2.4. lib/framework/third-version.int.test.ts registers it with
// registerTestFramework and runs it through set-up, the case page, the answers and the panel.

import { defineFramework, type KeyQuestionDefinition, type StandardDefinition } from "@/lib/framework/define-framework";
import type { FrameworkVersion } from "@/lib/framework";

/**
 * Not one of FRAMEWORK_VERSIONS, whose type names the real versions only: the modules under test
 * must handle it through the registry, as they would a version added after them.
 */
export const TEST_FRAMEWORK_VERSION = "yjs-test" as FrameworkVersion;

const question = (id: string, text: string, extra: Partial<KeyQuestionDefinition> = {}): KeyQuestionDefinition => ({
  id,
  text,
  prompts: [`Test prompt for ${id}`],
  ...extra,
});

const judged = (id: string, title: string): StandardDefinition => ({
  id,
  title,
  statement: `Test statement: ${title.toLowerCase()}.`,
  basis: "judgement",
  scored: true,
});

const fromCases = (id: string, title: string, stream: "court", keyQuestions: readonly KeyQuestionDefinition[]): StandardDefinition => ({
  id,
  title,
  statement: `Test statement: ${title.toLowerCase()}.`,
  basis: "cases",
  scored: true,
  stream,
  keyQuestions,
});

export const YJS_TEST = defineFramework(
  TEST_FRAMEWORK_VERSION,
  "Test-only framework (court and resettlement cases; one window 200 to 20 days before fieldwork)",
  [
    {
      id: "1",
      title: "Test organisation",
      standards: [judged("1.1", "Test leadership"), judged("1.2", "Test staff"), judged("1.3", "Test partners")],
    },
    {
      id: "2",
      title: "Test court work",
      standards: [
        fromCases("2.1", "Test court assessment", "court", [
          question("2.1.1", "Does the test assessment consider the child's strengths?"),
          question("2.1.2", "Does the test assessment consider the risk to others?", { requires: "harm_factors" }),
        ]),
        fromCases("2.2", "Test court planning", "court", [question("2.2.1", "Does the test plan follow the assessment?")]),
        fromCases("2.3", "Test court delivery", "court", [question("2.3.1", "Are the test plan's services delivered?")]),
        fromCases("2.4", "Test court review", "court", [question("2.4.1", "Is the test plan reviewed?")]),
      ],
    },
    {
      id: "3",
      title: "Test resettlement and partnerships",
      standards: [
        { ...judged("3.1", "Test resettlement"), evidenceTopics: ["Test topic: plans made before release"] },
        judged("3.2", "Test partnerships"),
        judged("3.3", "Test premises"),
      ],
    },
  ],
  {
    percentColumnHeading: "% yes (test)",
    keyQuestionTableIntro: "Test rating for {standard}:",
    lowestKeyQuestionNote: "Test note: the lowest key question sets the rating.",
    discretionMark: "footnote",
    discretionNote: "Test discretion {direction} from '{from}' to '{to}'.",
    capitaliseRatingsInNotes: false,
    domainHeadings: { "1": "Test domain one", "2": "Test domain two", "3": "Test domain three" },
    resettlementNote: null,
    noYouthConditionalCautions: null,
    publishedKeyQuestionVariants: {},
  },
  {
    streams: ["court", "resettlement"],
    governanceCap: { standard: "1.1", baseStandards: ["2.1", "2.2", "2.3", "2.4"], maxRating: "Requires improvement" },
    // On 0–30, and unlike the twelve standards' 0–6 / 7–18 / 19–30 / 31–36: 14 is Good here.
    overallBands: [
      { rating: "Outstanding", minScore: 24 },
      { rating: "Good", minScore: 14 },
      { rating: "Requires improvement", minScore: 6 },
      { rating: "Inadequate", minScore: 0 },
    ],
    windows: {
      window: { unit: "days", startBefore: 200, endBefore: 20 },
      outOfCourt: null,
      basis: "the test version's rule",
      assumption: "Test-only: one window, 200 to 20 days before fieldwork",
    },
    streamSplit: null,
    resettlementStandard: "3.1",
  },
);
