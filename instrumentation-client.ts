// Runs in the browser before the app's own modules (Next's instrumentation-client convention).
import { z } from "zod";

// zod probes, the first time it builds an object schema, whether it may compile parsers with
// `new Function`. The Content-Security-Policy forbids that (lib/http/content-security-policy.ts), so
// the browser reports a violation for the probe, though zod catches the refusal and parses without
// compiling. jitless skips the probe: the same parsing, and no violation.
z.config({ jitless: true });
