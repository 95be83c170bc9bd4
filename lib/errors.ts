// Errors the lib/ use cases throw; the app turns each into the right response (403, 404, 409,
// field errors) in one place, app/ never inspects messages.

export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(message = "Not found.") {
    super(message);
  }
}

/** Bad input: a message per field (keys are form field names) and/or a message for the whole form. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** The change conflicts with the stored state (e.g. someone else changed it first). */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}
