// Domain one (organisational delivery), shared by both versions. Statements are identical in S2 and
// the 2021+ reports. The key questions are the S2 Annexe 2 list; the 2021+ reports do not print
// them, so for yjs-2021 they are the best available and unverified (framework.md 4.1). They have no
// % figures: inspectors take them into account when judging each standard.

import type { DomainDefinition } from "./define-framework";

export const DOMAIN_ONE: DomainDefinition = {
  id: "1",
  title: "Organisational delivery",
  standards: [
    {
      id: "1.1",
      title: "Governance and leadership",
      statement:
        "The governance and leadership of the YOT supports and promotes the delivery of a high-quality, personalised and responsive service for all children.",
      basis: "judgement",
      scored: true,
      keyQuestions: [
        {
          id: "1.1.1",
          text: "Is there a clear local vision and strategy for the delivery of a high-quality, personalised and responsive service for all children?",
        },
        { id: "1.1.2", text: "Do the partnership arrangements actively support effective service delivery?" },
        { id: "1.1.3", text: "Does the leadership of the YOT support effective service delivery?" },
      ],
    },
    {
      id: "1.2",
      title: "Staff",
      statement:
        "Staff within the YOT are empowered to deliver a high-quality, personalised and responsive service for all children.",
      basis: "judgement",
      scored: true,
      keyQuestions: [
        {
          id: "1.2.1",
          text: "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service for all children?",
        },
        {
          id: "1.2.2",
          text: "Do the skills of YOT staff support the delivery of a high-quality, personalised and responsive service for all children?",
        },
        { id: "1.2.3", text: "Does the oversight of work support high-quality delivery and professional development?" },
        { id: "1.2.4", text: "Are arrangements for learning and development comprehensive and responsive?" },
      ],
    },
    {
      id: "1.3",
      title: "Partnerships and services",
      statement:
        "A comprehensive range of high-quality services is in place, enabling personalised and responsive provision for all children.",
      basis: "judgement",
      scored: true,
      keyQuestions: [
        {
          id: "1.3.1",
          text: "Is there a sufficiently comprehensive and up-to-date analysis of the profile of children, to ensure that the YOT can deliver well-targeted services?",
        },
        {
          id: "1.3.2",
          text: "Does the YOT partnership have access to the volume, range and quality of services and interventions to meet the needs of all children?",
        },
        {
          id: "1.3.3",
          text: "Are arrangements with statutory partners, providers and other agencies established, maintained and used effectively to deliver high-quality services?",
        },
      ],
    },
    {
      id: "1.4",
      title: "Information and facilities",
      statement:
        "Timely and relevant information is available and appropriate facilities are in place to support a high-quality, personalised and responsive approach for all children.",
      basis: "judgement",
      scored: true,
      keyQuestions: [
        {
          id: "1.4.1",
          text: "Are the necessary policies and guidance in place to enable staff to deliver a quality service, meeting the needs of all children?",
        },
        {
          id: "1.4.2",
          text: "Does the YOT's delivery environment(s) meet the needs of all children and enable staff to deliver a quality service?",
        },
        {
          id: "1.4.3",
          text: "Do the Information and Communication Technology (ICT) systems enable staff to deliver a quality service, meeting the needs of all children?",
        },
        { id: "1.4.4", text: "Is analysis, evidence and learning used effectively to drive improvement?" },
      ],
    },
  ],
};
