// Default prompts and evidence topics (framework.md section 5). The official prompt wording is not
// public in the sources held, so these are the aspects the published reports show inspectors looking
// at under each key question. Shown as guidance, never scored.

export const ASSESSMENT_DESISTANCE_PROMPTS = [
  "Analysis of offending behaviour",
  "Understanding of the child's individual needs and issues",
  "The child's maturity",
  "The child and their parents or carers meaningfully involved",
  "The child's attitudes to and motivation for offending",
  "Strengths and protective factors",
  "Diversity, heritage and lived experience",
  "Use of other agencies' information",
  "Victims' needs and wishes, and opportunities for restorative work",
  "Barriers to accessing services",
] as const;

export const ASSESSMENT_CHILD_SAFE_PROMPTS = [
  "Risks to the child's safety and wellbeing identified and analysed",
  "Use of all sources, including other agencies",
  "Accuracy of the safety and wellbeing classification",
  "A written record of the assessment",
] as const;

export const ASSESSMENT_OTHERS_SAFE_PROMPTS = [
  "Who is at risk, and the nature of the risk",
  "Use of police intelligence and other agencies' information",
  "Past behaviour",
  "Accuracy of the risk of serious harm classification, and its rationale",
  "Victims and potential future victims",
  "Internal and external controls",
] as const;

export const PLANNING_PROMPTS = [
  "Plan tailored to and co-produced with the child",
  "Builds on the child's strengths",
  "Sensitive to the child's maturity",
  "Proportionate to the disposal and deliverable in its timescale",
  "Access to mainstream services and community integration after the intervention",
  "Diversity",
  "Victims' wishes",
  "Aligned with other agencies' plans, for example child protection plans",
  "Contingency planning",
  "Controls and interventions for other people's safety, and victim safety",
] as const;

export const IMPLEMENTATION_PROMPTS = [
  "Effective working relationship with the child and their parents or carers",
  "Encouraging compliance",
  "Work with other organisations where needed",
  "Services sufficient to manage and minimise the risk of harm",
  "Victims' concerns addressed",
  "Diversity",
  "Proportionate to the disposal",
  "Timeliness",
  "Referrals to specialist services",
] as const;

export const REVIEWING_PROMPTS = [
  "Responds to changes in circumstances and risk",
  "Involves the child and their parents or carers",
  "Adjusts the plan",
  "Uses information from other agencies, including the police",
  "Reviews classifications",
  "Escalates to managers where needed",
] as const;

/** yjs-2018 3.4 joint working with the police. */
export const JOINT_WORKING_PROMPTS = [
  "YOT recommendations appropriate and proportionate, considering the child's acceptance of responsibility",
  "Joint decision-making recorded",
  "Police kept up to date on progress",
] as const;

/** yjs-2021 3.4 out-of-court disposal policy and provision: evidence topics, not key questions. */
export const OOCD_POLICY_EVIDENCE_TOPICS = [
  "Written out-of-court disposal policy or joint protocol with the police",
  "Joint decision-making panel with an escalation route",
  "Assessment (for example AssetPlus) before the decision",
  "Access to all YJS services",
  "Prevention and diversion offer (for example Turnaround, Outcome 22, deferred prosecution)",
  "Monitoring of outcomes, reoffending and disproportionality",
  "Scrutiny panels",
  "Children's and families' views used in review",
] as const;

/** yjs-2021 4.1 resettlement policy and provision: evidence topics, not key questions. */
export const RESETTLEMENT_EVIDENCE_TOPICS = [
  "Written resettlement policy reflecting constructive resettlement",
  "Resettlement pathways",
  "Accommodation confirmed before release",
  "Continuity of education, training and employment, and of health provision",
  "Communication with the secure estate",
  "Staff training",
  "Board oversight of children in custody",
  "Victims",
  "Transition to probation",
] as const;
