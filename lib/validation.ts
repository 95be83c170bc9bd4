import type { z } from "zod";
import { ValidationError } from "@/lib/errors";

// Every use case parses its input with zod here, so bad input always becomes the same
// ValidationError: one message per field (the first problem found), keyed by the field's path.

/** The first message per field; a problem with the input as a whole is keyed `wholeKey`. */
function fieldErrorsOf(error: z.ZodError, wholeKey = "form"): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || wholeKey] ??= issue.message;
  return errors;
}

/** The parsed input, or a ValidationError naming every field's problem. */
export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
  { message = "There is a problem with what you entered.", wholeKey = "form" }: { message?: string; wholeKey?: string } = {},
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(message, fieldErrorsOf(parsed.error, wholeKey));
  return parsed.data;
}
