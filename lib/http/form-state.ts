import { forbidden, notFound } from "next/navigation";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

// The state a server action hands back to its form (React useActionState): what went wrong per
// field, or what was done. Permission and existence failures become real 403/404 responses.

export type FormState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Readonly<Record<string, string>> }
  | { status: "success"; message: string };

export const IDLE: FormState = { status: "idle" };

/**
 * A server action as a form calls it (useActionState). Client components receive theirs as props
 * from the page that renders them: components/ never imports app/ (lib/folder-dependencies.test.ts).
 */
export type ServerFormAction = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * A server action is a public POST endpoint: its `form` argument is whatever the caller encoded (a
 * string, an object, nothing). Each action checks it is a form before reading it, and answers
 * NOT_A_FORM otherwise instead of failing with a 500.
 */
export function isForm(value: unknown): value is FormData {
  // PostgreSQL cannot store the NUL character in text: refuse it here rather than fail on write.
  return value instanceof FormData && ![...value.values()].some((v) => typeof v === "string" && v.includes("\u0000"));
}

export const NOT_A_FORM: FormState = Object.freeze({
  status: "error",
  message: "The form could not be read: it was not sent by this page, or it holds a NUL character. Reload the page and try again.",
  fieldErrors: Object.freeze({}),
});

export async function runFormAction(action: () => Promise<string>): Promise<FormState> {
  try {
    return { status: "success", message: await action() };
  } catch (error) {
    if (error instanceof ValidationError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof ConflictError) return { status: "error", message: error.message, fieldErrors: { form: error.message } };
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** The field errors as the error summary lists them (field id → message). */
export function summaryOf(state: FormState): { field: string; message: string }[] {
  if (state.status !== "error") return [];
  const entries = Object.entries(state.fieldErrors);
  if (entries.length === 0) return [{ field: "main-content", message: state.message }];
  return entries.map(([field, message]) => ({ field, message }));
}

export function fieldError(state: FormState, field: string): string | undefined {
  return state.status === "error" ? state.fieldErrors[field] : undefined;
}
