// Version (b), 2021 onwards: framework.md section 4. Key question wording is the text shared by
// S1, S3, S4 and S5 (S1's "support child desistance" for 2.1.1 is treated as a misprint, and kept
// as a published variant in REPORT_WORDING_2021). Every key
// question applies to every case of its stream; inspectors may still mark N/A with a reason.
// 3.4 and 4.1 are judged from evidence: they have evidence topics, not key questions.

import { defineFramework, type KeyQuestionDefinition, type StandardDefinition } from "./define-framework";
import { DOMAIN_ONE } from "./domain-one";
import { OVERALL_BANDS_OF_TWELVE_STANDARDS } from "./overall-bands";
import {
  ASSESSMENT_CHILD_SAFE_PROMPTS,
  ASSESSMENT_DESISTANCE_PROMPTS,
  ASSESSMENT_OTHERS_SAFE_PROMPTS,
  IMPLEMENTATION_PROMPTS,
  OOCD_POLICY_EVIDENCE_TOPICS,
  PLANNING_PROMPTS,
  RESETTLEMENT_EVIDENCE_TOPICS,
  REVIEWING_PROMPTS,
} from "./prompts";

const ASSESSMENT_STATEMENT =
  "Assessment is well-informed, analytical and personalised, actively involving the child and their parents or carers.";
const IMPLEMENTATION_STATEMENT =
  "High-quality, well-focused, personalised and coordinated services are delivered, engaging and assisting the child.";

function assessmentQuestions(standardId: string): KeyQuestionDefinition[] {
  return [
    {
      id: `${standardId}.1`,
      text: "Does assessment sufficiently analyse how to support the child's desistance?",
      prompts: ASSESSMENT_DESISTANCE_PROMPTS,
    },
    {
      id: `${standardId}.2`,
      text: "Does assessment sufficiently analyse how to keep the child safe?",
      prompts: ASSESSMENT_CHILD_SAFE_PROMPTS,
    },
    {
      id: `${standardId}.3`,
      text: "Does assessment sufficiently analyse how to keep other people safe?",
      prompts: ASSESSMENT_OTHERS_SAFE_PROMPTS,
    },
  ];
}

function caseStandard(
  definition: Omit<StandardDefinition, "basis" | "scored" | "stream">,
  stream: "court" | "out_of_court",
): StandardDefinition {
  return { ...definition, basis: "cases", scored: true, stream };
}

/** How the 2021+ reports (S1, S3, S5) word the report: shared/reports. */
const REPORT_WORDING_2021 = {
  percentColumnHeading: "% 'Yes'",
  keyQuestionTableIntro: "Our rating for {standard} is based on the following key questions:",
  lowestKeyQuestionNote:
    "The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band, indicated in bold in the table. A more detailed explanation is available on our website.",
  discretionMark: "footnote",
  discretionNote: "Professional discretion was applied at the ratings panel {direction} this rating from '{from}' to '{to}'.",
  capitaliseRatingsInNotes: true,
  domainHeadings: {
    "1": "Domain one: Organisational delivery",
    "2": "Domain two: Court disposals",
    "3": "Domain three: Out-of-court disposals",
    "4": "4.1. Resettlement",
  },
  resettlementNote: "The rating for Resettlement does not influence the overall {service} rating.",
  noYouthConditionalCautions: "There were no youth conditional cautions.",
  publishedKeyQuestionVariants: {
    "2.1.1": [{ report: "Salford 2024", text: "Does assessment sufficiently analyse how to support child desistance?" }],
  },
} as const;

export const YJS_2021 = defineFramework(
  "yjs-2021",
  "2021 onwards framework (3.4 out-of-court disposal policy and provision; 4.1 resettlement, not scored)",
  [
    DOMAIN_ONE,
    {
      id: "2",
      title: "Court disposals",
      standards: [
        caseStandard(
          { id: "2.1", title: "Assessment", statement: ASSESSMENT_STATEMENT, keyQuestions: assessmentQuestions("2.1") },
          "court",
        ),
        caseStandard(
          {
            id: "2.2",
            title: "Planning",
            statement:
              "Planning is well-informed, holistic and personalised, actively involving the child and their parents or carers.",
            keyQuestions: [
              { id: "2.2.1", text: "Does planning focus sufficiently on supporting the child's desistance?", prompts: PLANNING_PROMPTS },
              { id: "2.2.2", text: "Does planning focus sufficiently on keeping the child safe?", prompts: PLANNING_PROMPTS },
              { id: "2.2.3", text: "Does planning focus sufficiently on keeping other people safe?", prompts: PLANNING_PROMPTS },
            ],
          },
          "court",
        ),
        caseStandard(
          {
            id: "2.3",
            title: "Implementation and delivery",
            statement: IMPLEMENTATION_STATEMENT,
            keyQuestions: [
              {
                id: "2.3.1",
                text: "Does the implementation and delivery of services effectively support the child's desistance?",
                prompts: IMPLEMENTATION_PROMPTS,
              },
              {
                id: "2.3.2",
                text: "Does the implementation and delivery of services effectively support the safety of the child?",
                prompts: IMPLEMENTATION_PROMPTS,
              },
              {
                id: "2.3.3",
                text: "Does the implementation and delivery of services effectively support the safety of other people?",
                prompts: IMPLEMENTATION_PROMPTS,
              },
            ],
          },
          "court",
        ),
        caseStandard(
          {
            id: "2.4",
            title: "Reviewing",
            statement:
              "Reviewing of progress is well-informed, analytical and personalised, actively involving the child and their parents or carers.",
            keyQuestions: [
              { id: "2.4.1", text: "Does reviewing focus sufficiently on supporting the child's desistance?", prompts: REVIEWING_PROMPTS },
              { id: "2.4.2", text: "Does reviewing focus sufficiently on keeping the child safe?", prompts: REVIEWING_PROMPTS },
              { id: "2.4.3", text: "Does reviewing focus sufficiently on keeping other people safe?", prompts: REVIEWING_PROMPTS },
            ],
          },
          "court",
        ),
      ],
    },
    {
      id: "3",
      title: "Out-of-court disposals",
      standards: [
        caseStandard(
          { id: "3.1", title: "Assessment", statement: ASSESSMENT_STATEMENT, keyQuestions: assessmentQuestions("3.1") },
          "out_of_court",
        ),
        caseStandard(
          {
            id: "3.2",
            title: "Planning",
            // Differs from 2.2 ("analytical", not "holistic") in every 2021+ report.
            statement:
              "Planning is well-informed, analytical and personalised, actively involving the child and their parents or carers.",
            keyQuestions: [
              { id: "3.2.1", text: "Does planning focus on supporting the child's desistance?", prompts: PLANNING_PROMPTS },
              { id: "3.2.2", text: "Does planning focus sufficiently on keeping the child safe?", prompts: PLANNING_PROMPTS },
              { id: "3.2.3", text: "Does planning focus sufficiently on keeping other people safe?", prompts: PLANNING_PROMPTS },
            ],
          },
          "out_of_court",
        ),
        caseStandard(
          {
            id: "3.3",
            title: "Implementation and delivery",
            statement: IMPLEMENTATION_STATEMENT,
            keyQuestions: [
              { id: "3.3.1", text: "Does service delivery effectively support the child's desistance?", prompts: IMPLEMENTATION_PROMPTS },
              {
                id: "3.3.2",
                text: "Does service delivery effectively support the safety of the child?",
                prompts: IMPLEMENTATION_PROMPTS,
              },
              {
                id: "3.3.3",
                text: "Does service delivery effectively support the safety of other people?",
                prompts: IMPLEMENTATION_PROMPTS,
              },
            ],
          },
          "out_of_court",
        ),
        {
          id: "3.4",
          title: "Out-of-court disposal policy and provision",
          statement:
            "There is a high-quality, evidence-based out-of-court disposal service in place that promotes diversion and supports sustainable desistance.",
          basis: "judgement",
          scored: true,
          evidenceTopics: OOCD_POLICY_EVIDENCE_TOPICS,
        },
      ],
    },
    {
      id: "4",
      title: "Resettlement",
      standards: [
        {
          id: "4.1",
          title: "Resettlement policy and provision",
          statement: "There is a high-quality, evidence-based resettlement service for children leaving custody.",
          basis: "judgement",
          // "The rating for Resettlement does not influence the overall YJS rating." (S1)
          scored: false,
          evidenceTopics: RESETTLEMENT_EVIDENCE_TOPICS,
        },
      ],
    },
  ],
  REPORT_WORDING_2021,
  {
    streams: ["court", "out_of_court", "resettlement"],
    // framework.md 6.6: fewer than half of the eight final ratings of 2.1–3.4 Good or Outstanding
    // limits 1.1 governance and leadership to Requires improvement.
    governanceCap: { standard: "1.1", baseStandards: ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"], maxRating: "Requires improvement" },
    overallBands: OVERALL_BANDS_OF_TWELVE_STANDARDS,
    // Every 2021+ report follows one pattern [inferred]: one window for every stream, starting 364
    // days (52 weeks) before fieldwork begins and ending 66 days before it, 298 days long.
    windows: { window: { unit: "days", startBefore: 364, endBefore: 66 }, outOfCourt: null, basis: "the pattern of the 2021 framework's reports", assumption: null },
    // The reports give no split between streams: each is sized on its own eligible population.
    streamSplit: null,
    resettlementStandard: "4.1",
  },
);
