import { expect } from "vitest";
import { ValidationError } from "@/lib/errors";

// The error a use case refused with, checked to be of the expected kind, so a test can go on to
// assert its message or field errors (and fails if the call succeeded).

type ErrorClass<E extends Error> = new (...args: never[]) => E;

export async function refusal(promise: Promise<unknown>): Promise<ValidationError>;
export async function refusal<E extends Error>(promise: Promise<unknown>, kind: ErrorClass<E>): Promise<E>;
export async function refusal(promise: Promise<unknown>, kind: ErrorClass<Error> = ValidationError): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  return error as Error;
}

/** The field errors of a ValidationError refusal. */
export async function refusedFields(promise: Promise<unknown>): Promise<Readonly<Record<string, string>>> {
  return (await refusal(promise)).fieldErrors;
}
