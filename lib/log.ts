// Structured logs: one JSON object per line on stdout (errors on stderr), for an operator's log
// collector. Fields are metadata only (ids, routes, statuses, durations, codes): never answer,
// rationale, comment or evidence text, nor anything a user typed. scripts/scale-out-tests.ts greps a
// run's logs for the demo data's rationales to hold this.

type Level = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function log(level: Level, msg: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields });
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * An error's class, code and where it happened, with quoted values taken out of its message: database
 * and Prisma errors quote the values of the statement that failed, which may be a rationale.
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/(["'`])[^]*?\1/g, "[value]").replace(/\(([^()]*)\)=\(([^()]*)\)/g, "($1)=([value])").slice(0, 300);
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim());
  return { error: error.name, code: typeof code === "string" || typeof code === "number" ? code : undefined, message, stack: frames.join(" | ") };
}

/** A path's route: ids (UUIDs, the only kind the app puts in paths) become [id]. */
export function routeOf(url: string): string {
  return new URL(url).pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, "/[id]");
}

/**
 * Runs a route handler and logs one line for it: the request id nginx sets (X-Request-Id, or one made
 * here), the route, the status, the duration and the signed-in user's id once the handler knows it.
 * The request id is also sent back, so a user's report and the load balancer's log find the line.
 */
export async function loggedRequest(request: Request, run: (identify: (userId: string) => void) => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  let userId: string | undefined;
  let status = 500;
  try {
    const response = await run((id) => (userId = id));
    status = response.status;
    try {
      response.headers.set("X-Request-Id", requestId);
    } catch {
      // a response with immutable headers (a redirect) goes out without it
    }
    return response;
  } finally {
    log(status >= 500 ? "error" : "info", "request", { requestId, method: request.method, route: routeOf(request.url), status, durationMs: Math.round(performance.now() - started), userId });
  }
}
