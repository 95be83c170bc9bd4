// Version (a), 2018–2021: framework.md section 3. Key question wording is the S2 Annexe 2 wording
// (the S2 body has variants and one copy error, see 3.1). Applicability follows the product
// decision: "keep the child safe" / "safety of the child" questions need safety and wellbeing
// factors, "keep other people safe" / "safety of other people" need harm factors, 3.4.2 needs a
// youth conditional caution; 3.4.1 applies to every out-of-court case.
//
// N/A by hand: the version's rule decides applicability, so inspectors record the factors instead
// of marking N/A. The one exception is 3.4.1, which S2's figures suggest was asked only where the
// YOT made recommendations.

import { defineFramework, type StandardDefinition } from "./define-framework";
import { DOMAIN_ONE } from "./domain-one";
import { OVERALL_BANDS_OF_TWELVE_STANDARDS } from "./overall-bands";
import {
  ASSESSMENT_CHILD_SAFE_PROMPTS,
  ASSESSMENT_DESISTANCE_PROMPTS,
  ASSESSMENT_OTHERS_SAFE_PROMPTS,
  IMPLEMENTATION_PROMPTS,
  JOINT_WORKING_PROMPTS,
  PLANNING_PROMPTS,
  REVIEWING_PROMPTS,
} from "./prompts";

const ASSESSMENT_STATEMENT =
  "Assessment is well-informed, analytical and personalised, actively involving the child and their parents/carers.";
const PLANNING_STATEMENT =
  "Planning is well-informed, holistic and personalised, actively involving the child and their parents/carers.";
const IMPLEMENTATION_STATEMENT =
  "High-quality, well-focused, personalised and coordinated services are delivered, engaging and assisting the child.";
const REVIEWING_STATEMENT =
  "Reviewing of progress is well-informed, analytical and personalised, actively involving the child and their parents/carers.";

const NO_MANUAL_NA = { notApplicableAllowed: false } as const;

function assessment(id: string, stream: "court" | "out_of_court"): StandardDefinition {
  return {
    id,
    title: "Assessment",
    statement: ASSESSMENT_STATEMENT,
    basis: "cases",
    scored: true,
    stream,
    keyQuestions: [
      {
        id: `${id}.1`,
        text: "Does assessment sufficiently analyse how to support the child's desistance?",
        prompts: ASSESSMENT_DESISTANCE_PROMPTS,
        ...NO_MANUAL_NA,
      },
      {
        id: `${id}.2`,
        text: "Does assessment sufficiently analyse how to keep the child safe?",
        requires: "safety_wellbeing_factors",
        prompts: ASSESSMENT_CHILD_SAFE_PROMPTS,
        ...NO_MANUAL_NA,
      },
      {
        id: `${id}.3`,
        text: "Does assessment sufficiently analyse how to keep other people safe?",
        requires: "harm_factors",
        prompts: ASSESSMENT_OTHERS_SAFE_PROMPTS,
        ...NO_MANUAL_NA,
      },
    ],
  };
}

function planning(id: string, stream: "court" | "out_of_court"): StandardDefinition {
  return {
    id,
    title: "Planning",
    statement: PLANNING_STATEMENT,
    basis: "cases",
    scored: true,
    stream,
    keyQuestions: [
      {
        id: `${id}.1`,
        text: "Does planning focus sufficiently on supporting the child's desistance?",
        prompts: PLANNING_PROMPTS,
        ...NO_MANUAL_NA,
      },
      {
        id: `${id}.2`,
        text: "Does planning focus sufficiently on keeping the child safe?",
        requires: "safety_wellbeing_factors",
        prompts: PLANNING_PROMPTS,
        ...NO_MANUAL_NA,
      },
      {
        id: `${id}.3`,
        text: "Does planning focus sufficiently on keeping other people safe?",
        requires: "harm_factors",
        prompts: PLANNING_PROMPTS,
        ...NO_MANUAL_NA,
      },
    ],
  };
}

/** How the 2018–2021 reports (S2, Bury and Rochdale 2020) word the report: framework.md 6.2, 6.3, 6.5. */
const REPORT_WORDING_2018 = {
  percentColumnHeading: "% yes",
  keyQuestionTableIntro: "Our rating for {standard} is based on the following key questions:",
  lowestKeyQuestionNote:
    "The rating at the standard level is aligned to the lowest banding at the key question level, recognising that each key question is an integral part of the standard.",
  discretionMark: "asterisk",
  discretionNote:
    "*Professional judgement exercised by the ratings panel, as the score was within 5 percentage points of the next grade boundary and the panel considered that a '{to}' rating was a more accurate fit to the work of the {service}.",
  capitaliseRatingsInNotes: false,
  domainHeadings: {
    "1": "Domain one: Organisational delivery",
    "2": "Domain two: Court disposals",
    "3": "Domain three: Out-of-court disposals",
  },
  resettlementNote: null,
  noYouthConditionalCautions: null,
  publishedKeyQuestionVariants: {},
} as const;

export const YJS_2018 = defineFramework("yjs-2018", "2018–2021 framework (3.4 joint working; no resettlement standard)", [
  DOMAIN_ONE,
  {
    id: "2",
    title: "Court disposals",
    standards: [
      assessment("2.1", "court"),
      planning("2.2", "court"),
      {
        id: "2.3",
        title: "Implementation and delivery",
        statement: IMPLEMENTATION_STATEMENT,
        basis: "cases",
        scored: true,
        stream: "court",
        keyQuestions: [
          {
            id: "2.3.1",
            text: "Does the implementation and delivery of services effectively support the child's desistance?",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "2.3.2",
            text: "Does the implementation and delivery of services effectively support the safety of the child?",
            requires: "safety_wellbeing_factors",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "2.3.3",
            text: "Does the implementation and delivery of services effectively support the safety of other people?",
            requires: "harm_factors",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
        ],
      },
      {
        id: "2.4",
        title: "Reviewing",
        statement: REVIEWING_STATEMENT,
        basis: "cases",
        scored: true,
        stream: "court",
        keyQuestions: [
          {
            id: "2.4.1",
            text: "Does reviewing focus sufficiently on supporting the child's desistance?",
            prompts: REVIEWING_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "2.4.2",
            text: "Does reviewing focus sufficiently on keeping the child safe?",
            requires: "safety_wellbeing_factors",
            prompts: REVIEWING_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "2.4.3",
            text: "Does reviewing focus sufficiently on keeping other people safe?",
            requires: "harm_factors",
            prompts: REVIEWING_PROMPTS,
            ...NO_MANUAL_NA,
          },
        ],
      },
    ],
  },
  {
    id: "3",
    title: "Out-of-court disposals",
    standards: [
      assessment("3.1", "out_of_court"),
      planning("3.2", "out_of_court"),
      {
        id: "3.3",
        title: "Implementation and delivery",
        statement: IMPLEMENTATION_STATEMENT,
        basis: "cases",
        scored: true,
        stream: "out_of_court",
        keyQuestions: [
          {
            id: "3.3.1",
            text: "Does service delivery support the child's desistance?",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "3.3.2",
            text: "Does service delivery effectively support the safety of the child?",
            requires: "safety_wellbeing_factors",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
          {
            id: "3.3.3",
            text: "Does service delivery effectively support the safety of other people?",
            requires: "harm_factors",
            prompts: IMPLEMENTATION_PROMPTS,
            ...NO_MANUAL_NA,
          },
        ],
      },
      {
        id: "3.4",
        title: "Joint working",
        statement:
          "Joint working with the police supports the delivery of high-quality, personalised and coordinated services.",
        basis: "cases",
        scored: true,
        stream: "out_of_court",
        keyQuestions: [
          {
            id: "3.4.1",
            text: "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
            prompts: JOINT_WORKING_PROMPTS,
            notApplicableAllowed: true,
            guidance:
              "Asked in every out-of-court case: the 2018 framework does not limit it to some disposals. If the YOT made no recommendations in this case, choose Not applicable and say so (the 2018 reports' figures suggest it was answered only where the YOT made them).",
          },
          {
            id: "3.4.2",
            text: "Does the YOT work effectively with the police in implementing the out-of-court disposal?",
            requires: "youth_conditional_caution",
            prompts: JOINT_WORKING_PROMPTS,
            ...NO_MANUAL_NA,
          },
        ],
      },
    ],
  },
],
  REPORT_WORDING_2018,
  {
    streams: ["court", "out_of_court"],
    // The cap came with the 2021 framework (framework.md 6.6).
    governanceCap: null,
    overallBands: OVERALL_BANDS_OF_TWELVE_STANDARDS,
    // S2 sampled court disposals from six to nine months before fieldwork and out-of-court disposals
    // from three to five months before. S2 does not say what date the months are counted from:
    // counting back from the day fieldwork starts is our assumption, shown as such.
    windows: {
      window: { unit: "months", startBefore: 9, endBefore: 6 },
      outOfCourt: { unit: "months", startBefore: 5, endBefore: 3 },
      basis: "S2's windows",
      assumption:
        "Court disposals six to nine months before fieldwork, out-of-court disposals three to five months before (S2); the months are counted back from the day fieldwork starts — an assumption: S2 does not say what date they are counted from",
    },
    // S2 sized one sample for the inspection and took 60% of it from court disposals and 40% from
    // out-of-court disposals (25 and 17 of 42).
    streamSplit: {
      name: "S2's split",
      courtPercent: 60,
      label: "S2's split: one sample sized on the court and out-of-court cases together, 60% of it court disposals and 40% out-of-court disposals",
    },
    // No resettlement cases (framework.md 3).
    resettlementStandard: null,
  },
);
