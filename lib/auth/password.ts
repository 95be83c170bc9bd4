import { hash, verify } from "@node-rs/argon2";

export { MIN_PASSWORD_LENGTH } from "./password-policy";

// argon2id with OWASP's minimum recommended parameters (19 MiB memory, 2 passes, 1 lane): about
// 20-40 ms per hash on these machines, slow enough for guessing, fast enough for sign-in traffic.
const ARGON2ID_PARAMETERS = Object.freeze({
  algorithm: 2 /* Algorithm.Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same as a real check. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}
