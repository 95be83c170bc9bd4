import type { Instrumentation } from "next";

// Next's instrumentation hooks: checks when each server instance starts, and a log line for every
// request that fails on the server.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A misconfigured instance stops here with the variable named, rather than serving requests that
  // fail one by one (lib/config/env.ts).
  const { ConfigurationError, parseServerEnvironment } = await import("@/lib/config/env");
  try {
    parseServerEnvironment();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The digest is what app/error.tsx shows the user as a reference, so a report finds this line. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorFields, log } = await import("@/lib/log");
  const digest = (error as { digest?: unknown }).digest;
  log("error", "request failed", {
    requestId: typeof request.headers["x-request-id"] === "string" ? request.headers["x-request-id"] : undefined,
    method: request.method,
    // The path without its query string: ids only, by the app's design.
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    digest: typeof digest === "string" ? digest : undefined,
    ...errorFields(error),
  });
};
