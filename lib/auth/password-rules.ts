import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json";

// Which new passwords are refused, beyond their length (lib/users passwordSchema), in the manner of
// NIST SP 800-63B 3.1.1.2 and the NCSC's password guidance: no composition rules and no expiry,
// but refuse passwords that are commonly used, repetitive, or built from what an attacker knows
// about the account (its email address, the person's name, the service's name: "case review"). The list is the
// ~49,000 most common passwords from @zxcvbn-ts/language-common (MIT), read once per process.

let blocklist: ReadonlySet<string> | undefined;
function isCommon(candidate: string): boolean {
  blocklist ??= new Set(commonPasswords);
  return blocklist.has(candidate);
}

/** Whose password it is, for the account-specific rules and the messages' wording. */
export interface PasswordOwner {
  email: string;
  name: string;
  /** "your" when the owner chooses it, "their" when an administrator sets it. */
  whose: "your" | "their";
}

/** Letters and digits only, lower case: "Pat.O'Neil" and "pat-oneil" compare equal. */
const squeeze = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The parts of a name or an email's local part worth refusing: each word of 4 characters or more
 * with a letter in it ("pat.oneil" gives "patoneil" and "oneil"), and the whole of each.
 */
function identifyingParts(owner: PasswordOwner): string[] {
  const local = owner.email.split("@")[0] ?? "";
  const words = [local, owner.name].flatMap((text) => [text, ...text.split(/[^\p{L}\p{N}]+/u)]);
  return [...new Set(words.map(squeeze).filter((part) => part.length >= 4 && /\p{L}/u.test(part)))];
}

/** Why `password` may not be used, as the field's error message; null when it may. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const lower = password.toLowerCase();
  const letters = squeeze(password);
  // "Password123!" and "!!qwerty2024" are a common password with decoration: judge the core too.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (isCommon(lower) || (core.length >= 4 && isCommon(core)) || isCommon(letters)) {
    return "Choose a password that is harder to guess: this one is, or is built on, a commonly used password";
  }
  if (letters.includes("casereview")) return "Choose a password that does not contain the name of this service";
  // One character or a short pattern over and over ("aaaaaaaaaaaa", "abcabcabcabc", "121212121212").
  if (/^(.{1,4})\1+.{0,3}$/su.test(lower)) {
    return "Choose a password that is not one character or a short pattern repeated";
  }
  if (identifyingParts(owner).some((part) => letters.includes(part))) {
    return `Choose a password that does not contain ${owner.whose} name or email address`;
  }
  return null;
}
