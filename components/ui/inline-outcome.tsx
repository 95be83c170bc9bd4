import type { FormState } from "@/lib/http/form-state";

/** The result of a small inline form, announced politely beside its button. */
export function InlineOutcome({ state }: { state: FormState }) {
  const text = state.status === "idle" ? "" : state.status === "error" ? (Object.values(state.fieldErrors)[0] ?? state.message) : state.message;
  return (
    <span role="status" className={state.status === "error" ? "font-semibold text-error" : "text-success"}>
      {text}
    </span>
  );
}
