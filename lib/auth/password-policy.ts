/** Shared by the server's validation and the forms' hints (no server code here: forms import it). */
export const MIN_PASSWORD_LENGTH = 12;

/** What the forms say about the rules lib/auth/password-rules.ts applies. */
export function passwordRulesHint(whose: "your" | "the person's"): string {
  return `At least ${MIN_PASSWORD_LENGTH} characters, not a commonly used password, and not containing ${whose} name or email address. A few unrelated words make a strong one.`;
}
