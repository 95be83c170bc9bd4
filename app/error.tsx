"use client";

import { ServiceProblem } from "@/components/errors/service-problem";

// A page that failed on the server, inside the app's layout. The digest matches the server's log
// entry (instrumentation.ts) without revealing the error itself.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServiceProblem digest={error.digest} onRetry={reset} />;
}
