import "server-only";
import { z } from "zod";

// Every environment variable the app reads, validated in one place, so that a mistyped value stops
// the start with a message naming the variable instead of misbehaving later (a limit of NaN refusing
// every sign-in, a secret invented per instance breaking sessions across instances). Server-only:
// nothing here may reach a client component. `.env.example` documents each variable; keep the two in
// step when adding one.

/** An empty value (`NAME=` in .env) means "not set", as most .env users expect. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

function withDefault<T extends z.ZodType<unknown, string>>(schema: T, value: z.output<T>) {
  return z.preprocess((input) => (input === "" ? undefined : input), schema.default(value as never));
}

function wholeNumber(min: number, max: number) {
  const error = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));
}

/** A URL with one of `protocols`, refused with `error`. */
const urlOf = (protocols: readonly string[], error: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error },
  );

const postgresUrl = urlOf(["postgres:", "postgresql:"], "expected a PostgreSQL URL, postgresql://user:password@host:5432/database");
const httpUrl = urlOf(["http:", "https:"], "expected the address users reach the app at, such as https://case-review.example.org");

const environmentSchema = z.object({
  /** External PostgreSQL; without it `npm start` runs an embedded one in .data/. */
  DATABASE_URL: optional(postgresUrl),
  /** Connections each instance may hold; instances × this must stay below PostgreSQL's max_connections. */
  DATABASE_POOL_SIZE: withDefault(wholeNumber(1, 1000), 10),
  /** Signs and encrypts session cookies; every instance of one deployment needs the same one. */
  NEXTAUTH_SECRET: optional(z.string().min(32, { error: "expected at least 32 characters (openssl rand -base64 32)" })),
  NEXTAUTH_URL: optional(httpUrl),
  PORT: optional(wholeNumber(1, 65535)),
  EMBEDDED_PG_PORT: withDefault(wholeNumber(1, 65535), 54329),
  /** Sign-in attempts per client address per 15 minutes; offices behind one address may need more. */
  SIGN_IN_ATTEMPTS_PER_CLIENT: withDefault(wholeNumber(1, 1_000_000), 50),
  /**
   * Proxies of ours in front of the app, each adding to X-Forwarded-For: the client address is the
   * Nth entry from the right (lib/auth/client-address.ts). 0: none, the TCP peer's address.
   */
  TRUSTED_PROXY_HOPS: withDefault(wholeNumber(0, 10), 0),
  /** Months after sign-off before an inspection's case text is erased (lib/retention). */
  CASE_CONTENT_RETENTION_MONTHS: withDefault(wholeNumber(1, 1200), 24),
});

export type Environment = z.infer<typeof environmentSchema>;

/** process.env, or any set of variables (tests). */
export type Variables = Readonly<Record<string, string | undefined>>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      ["Case Review cannot start: the configuration is not valid.", ...problems.map((p) => `  - ${p}`), "Every variable is described in .env.example."].join(
        "\n",
      ),
    );
    this.name = "ConfigurationError";
  }
}

function problemsOf(error: z.ZodError, env: Variables): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const value = env[name];
    // Secrets and URLs (which may hold a password) are never echoed.
    const shown = value === undefined || /SECRET|URL/.test(name) ? "" : ` (got ${JSON.stringify(value)})`;
    return `${name}: ${issue.message}${shown}`;
  });
}

/** The variables parsed and checked one by one; throws a ConfigurationError listing every problem. */
export function parseEnvironment(env: Variables = process.env): Environment {
  const result = environmentSchema.safeParse(env);
  if (!result.success) throw new ConfigurationError(problemsOf(result.error, env));
  return result.data;
}

/**
 * What the server needs on top of well-formed variables: against a database shared by several
 * instances, each must sign sessions with the same secret and know its public address, or sessions
 * break from one instance to the next. `npm start` supplies both for the embedded database.
 */
export function parseServerEnvironment(env: Variables = process.env): Environment & { DATABASE_URL: string; NEXTAUTH_SECRET: string; NEXTAUTH_URL: string } {
  const problems: string[] = [];
  let parsed: Environment | undefined;
  try {
    parsed = parseEnvironment(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
  }
  if (!env.DATABASE_URL) problems.push("DATABASE_URL: required by the server (npm start sets it for the embedded database)");
  else {
    if (!env.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET: required with DATABASE_URL, the same on every instance (openssl rand -base64 32)");
    if (!env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL: required with DATABASE_URL, the address users reach the app at");
  }
  if (problems.length > 0 || !parsed) throw new ConfigurationError(problems);
  return parsed as ReturnType<typeof parseServerEnvironment>;
}

let cached: Environment | undefined;

/** This process's configuration, parsed once. */
export function environment(): Environment {
  cached ??= parseEnvironment();
  return cached;
}

