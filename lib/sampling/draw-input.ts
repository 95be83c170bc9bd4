import { randomBytes } from "node:crypto";
import { z } from "zod";

// What the two draw forms ask (the lead's sample, the moderator's dip sample): how many cases, and
// the seed. A seed entered again with the same cases and size gives the same draw.

const SEED_PATTERN = /^[\x21-\x7E]{1,64}$/;

/** A count of cases typed into a form: a whole number of at least 1, with the form's own words. */
export function caseCountSchema(messages: { missing: string; notWhole: string; tooSmall: string }) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.missing)
    .regex(/^\d{1,6}$/, messages.notWhole)
    .transform(Number)
    .refine((n) => n >= 1, messages.tooSmall);
}

/** The seed as entered: blank for a random one, or up to 64 printable characters without spaces. */
export const seedSchema = z
  .string()
  .trim()
  .default("")
  .refine((seed) => seed === "" || SEED_PATTERN.test(seed), "Enter a seed of up to 64 letters, digits or symbols, without spaces");

/** The seed a draw uses: the one entered, or a fresh random one of 16 hex digits, short enough to copy into a report. */
export function seedToUse(entered: string): string {
  return entered === "" ? randomBytes(8).toString("hex") : entered;
}
