import { describe, expect, it } from "vitest";
import { passwordProblem, type PasswordOwner } from "./password-rules";

const owner: PasswordOwner = { email: "pat.oneil@justice.example", name: "Pat O'Neil", whose: "your" };

describe("password rules (NIST SP 800-63B / NCSC style)", () => {
  it("refuses common passwords, also with digits or symbols around them", () => {
    for (const password of ["password1234", "Password123!", "qwertyuiop123", "!!iloveyou2024", "1q2w3e4r5t6y"]) {
      expect(passwordProblem(password, owner), password).toBe("Choose a password that is harder to guess: this one is, or is built on, a commonly used password");
    }
  });

  it("refuses one character or a short pattern repeated", () => {
    for (const password of ["aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "xyzwxyzwxyzw"]) {
      expect(passwordProblem(password, owner), password).toBe("Choose a password that is not one character or a short pattern repeated");
    }
  });

  it("refuses the owner's email address, its parts, or their name, in any case or punctuation", () => {
    for (const password of ["pat.oneil@justice.example", "PatOneil-2026!", "my-oneil-secret-x", "pat o'neil rules"]) {
      expect(passwordProblem(password, owner), password).toBe("Choose a password that does not contain your name or email address");
    }
    expect(passwordProblem("casereview-2026-x", owner)).toBe("Choose a password that does not contain the name of this service");
  });

  it("accepts long passwords that are none of these", () => {
    for (const password of ["correct horse battery staple", "ferry lantern quietly", "Tuesday-kettle-47-brass"]) {
      expect(passwordProblem(password, owner), password).toBeNull();
    }
  });
});
