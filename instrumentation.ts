// Runs once when each server instance starts (Next's instrumentation hook).

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
