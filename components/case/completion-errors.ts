import type { CasePageModel } from "@/lib/cases/queries";
import { fieldIds } from "@/lib/cases/field-ids";
import type { Scalar } from "@/lib/flat-fields";
import type { LocalState } from "./outbox-logic";
import { questionApplicability } from "./question-card";

// A failed completion's errors, checked against the case page as it is now (case-page-state.tsx).

/**
 * The completion errors still true of the page as it is now: an error about a question that no longer
 * applies, or one the inspector has since fixed, leaves the summary (and its link, whose control may
 * be gone). Errors the page cannot judge (a lead's comment) stay until the next attempt.
 */
export function stillOpen(model: CasePageModel, local: LocalState, errors: Readonly<Record<string, string>>): Record<string, string> {
  const fields = local.caseFields;
  const open: Record<string, string> = {};
  const byField = new Map<string, { question: CasePageModel["sections"][number]["questions"][number]; kind: "answer" | "rationale" | "naReason" }>();
  for (const section of model.sections) {
    for (const question of section.questions) {
      byField.set(fieldIds.answer(question.id), { question, kind: "answer" });
      byField.set(fieldIds.rationale(question.id), { question, kind: "rationale" });
      byField.set(fieldIds.naReason(question.id), { question, kind: "naReason" });
    }
  }
  for (const [field, message] of Object.entries(errors)) {
    const target = byField.get(field);
    let stays = true;
    if (target) {
      const answer = local.answers[target.question.id] ?? {};
      const blank = (v: Scalar | undefined) => typeof v !== "string" || v.trim() === "";
      stays =
        questionApplicability(target.question, model.case.stream, fields).applies &&
        (target.kind === "answer"
          ? answer.value == null || (answer.value === "na" && !target.question.notApplicableAllowed)
          : target.kind === "rationale"
            ? answer.value === "no" && blank(answer.rationale)
            : answer.value === "na" && blank(answer.naReason));
    } else if (field === fieldIds.harmFactors) stays = fields.harmFactors == null;
    else if (field === fieldIds.safetyWellbeingFactors) stays = fields.safetyWellbeingFactors == null;
    else if (field === fieldIds.interviewed) stays = fields.caseManagerInterviewed == null;
    else if (field === fieldIds.interviewDate) stays = fields.caseManagerInterviewed === true && !fields.caseManagerInterviewDate;
    if (stays) open[field] = message;
  }
  return open;
}
