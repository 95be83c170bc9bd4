// Runs in the browser before the app's own modules (Next's instrumentation-client convention).
// zod's core only: `import { z } from "zod"` here put all of zod (31 KB gzipped) into every page's
// first script, though no page's browser code builds a schema (bench/RESULTS.md, the case page's weight).
import { config } from "zod/v4/core";

// zod probes, the first time it builds an object schema, whether it may compile parsers with
// `new Function`. The Content-Security-Policy forbids that (lib/http/content-security-policy.ts), so
// the browser reports a violation for the probe, though zod catches the refusal and parses without
// compiling. jitless skips the probe: the same parsing, and no violation.
config({ jitless: true });
