import { forbidden, notFound } from "next/navigation";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

// The state a server action hands back to its form (React useActionState): what went wrong per
// field, or what was done. Permission and existence failures become real 403/404 responses.

export type FormState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Readonly<Record<string, string>> }
  | { status: "success"; message: string };

export const IDLE: FormState = { status: "idle" };

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
