/**
 * Freezes an object graph so shared framework data cannot be changed by accident at run time
 * (the types are readonly too, but that does not stop a cast or plain JavaScript).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
    Object.freeze(value);
  }
  return value;
}
