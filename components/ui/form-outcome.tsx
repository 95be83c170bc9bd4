import { summaryOf, type FormState } from "@/lib/http/form-state";
import { ErrorSummary } from "./error-summary";
import { StatusNotice } from "./notice";

/**
 * What a form's last submission came to, at the top of the form: the error summary, each problem
 * linked to its field, or the success notice. Where several forms share a page each prefixes its
 * field ids (`prefix`); a problem with the whole form, or with a field the form does not show
 * (`fields` lists those it does), links to `formId`.
 */
export function FormOutcome({ state, prefix, formId = "main-content", fields }: { state: FormState; prefix?: string; formId?: string; fields?: readonly string[] }) {
  const errors = summaryOf(state).map(({ field, message }) => {
    const shown = field !== "main-content" && (fields === undefined || fields.includes(field));
    return { field: !shown ? formId : prefix ? `${prefix}-${field}` : field, message };
  });
  return (
    <>
      <ErrorSummary errors={errors} />
      {state.status === "success" ? <StatusNotice>{state.message}</StatusNotice> : null}
    </>
  );
}
