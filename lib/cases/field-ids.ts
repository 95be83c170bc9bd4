// Element ids of the case page's fields. The server names them in completion errors, so the error
// summary's links land on the right control; the page renders the same ids. Pure.

export function questionBaseId(questionId: string): string {
  return `kq-${questionId.replaceAll(".", "-")}`;
}

export const fieldIds = {
  /** The first radio of the yes/no group: GOV.UK links a radio group's error to its first option. */
  answer: (questionId: string) => `${questionBaseId(questionId)}-yes`,
  rationale: (questionId: string) => `${questionBaseId(questionId)}-rationale`,
  naReason: (questionId: string) => `${questionBaseId(questionId)}-na-reason`,
  queryReply: (queryId: string) => `query-${queryId}-reply`,
  section: (standardId: string) => `standard-${standardId.replaceAll(".", "-")}`,
  harmFactors: "case-harm-factors-yes",
  safetyWellbeingFactors: "case-safety-wellbeing-factors-yes",
  interviewed: "case-interviewed-yes",
  interviewDate: "case-interview-date",
} as const;
